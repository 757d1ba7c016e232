"""A citizen asks for a person: open a handoff and say what happens next.

From here until an officer closes it (slot `handoff_active`), the citizen's
messages go to the officers' inbox (jan_seva.policies.handoff_policy and
actions/handoff_relay.py). A task in progress is set aside, not lost: the
officer has the conversation now, and when the bot is back its open
question is asked again (otherwise the main menu is shown).
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional, Text

from actions.answer_action import AnswerAction
from actions.handoff_requests import request_key, send_request
from actions.tasks.state import TASK_SLOT, Task
from actions.tasks.talk import Talk
from common.clock import INDIA

TASK_BEFORE_HANDOFF = "task_before_handoff"
OFFICE_DAYS = range(0, 6)  # Monday to Saturday
OFFICE_HOURS = (10, 18)


def within_office_hours(moment: datetime) -> bool:
    return moment.weekday() in OFFICE_DAYS and OFFICE_HOURS[0] <= moment.hour < OFFICE_HOURS[1]


def request_human(talk: Talk) -> None:
    now = datetime.now(INDIA)
    requested_at = now.isoformat(timespec="seconds")
    payload = {"sender_id": talk.sender_id, "name": talk.message.profile_name,
               "language": talk.language, "requested_at": requested_at}
    send_request(payload, request_key(talk.sender_id, requested_at))
    talk.dispatcher.utter_message(
        response="utter_handoff_recorded" if within_office_hours(now) else "utter_handoff_recorded_after_hours")
    talk.set_slot("handoff_requested_at", requested_at)
    talk.set_slot("handoff_active", True)
    talk.set_slot(TASK_BEFORE_HANDOFF, talk.tracker.get_slot(TASK_SLOT))
    talk.set_slot(TASK_SLOT, None)


class ActionRequestHuman(AnswerAction):
    def name(self) -> Text:
        return "action_request_human"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        request_human(talk)
