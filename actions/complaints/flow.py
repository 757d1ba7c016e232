"""The late answer from the outbox worker about a complaint it kept."""
from __future__ import annotations

from typing import Optional, Text

from actions.answer_action import AnswerAction
from actions.complaints.delivery import Delivery, Outcome
from actions.complaints.telling import remember, tell
from actions.tasks.state import Task
from actions.tasks.talk import Talk

FAILED_INTENT = "EXTERNAL_complaint_failed"


class ActionTellComplaintResult(AnswerAction):
    """EXTERNAL_complaint_submitted / _failed: the outbox worker settled a kept request."""

    def name(self) -> Text:
        return "action_tell_complaint_result"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        if talk.message.intent == FAILED_INTENT:
            talk.say("complaints.texts.saved_not_accepted")
            return
        result = {item["entity"]: str(item["value"]) for item in talk.message.entities if item.get("value") is not None}
        if not result.get("complaint_id"):
            return
        outcome = Outcome(Delivery.DONE, result)
        tell(talk, outcome, result.get("complaint_operation", "create"))
        talk.events.extend(remember(talk.tracker, outcome))
