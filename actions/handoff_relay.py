"""While an officer has the conversation: the citizen's messages to the inbox,
the officer's replies to the citizen, and the bot's return at the close.

The inbox shows the conversation from the Rasa tracker, so relaying a
message only marks the handoff as waiting (best effort: if the dashboard is
down the message is still in the conversation). Each message gets a short
"passed to the officer", so that none seems lost.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.dashboard import DashboardClient
from actions.handoff import TASK_BEFORE_HANDOFF
from actions.tasks.asking import resume
from actions.tasks.kinds import KINDS
from actions.tasks.state import TASK_SLOT, Task
from actions.tasks.talk import Talk
from actions.tasks.turn import asked_field
from actions.texts import language_of, say
from common.backend_call import BackendUnavailable
from common.masking import mask_id

log = logging.getLogger(__name__)

PASSED_NOTICE = "utter_handoff_message_passed"


class ActionRelayToOfficer(BlockingAction):
    def name(self) -> Text:
        return "action_relay_to_officer"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            DashboardClient().citizen_wrote(tracker.sender_id, at)
        except BackendUnavailable as error:
            log.warning("inbox not told of a message from %s: %s", mask_id(tracker.sender_id), error)
        dispatcher.utter_message(response=PASSED_NOTICE)
        return []


class ActionTellOfficerReply(Action):
    def name(self) -> Text:
        return "action_tell_officer_reply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = (next(tracker.get_latest_entity_values("officer_message"), None) or "").strip()
        if message:
            say(dispatcher, language_of(tracker), "handoff.officer_reply", message=message)
        return []


def bot_is_back(dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> List[Dict[Text, Any]]:
    """Says why the bot has the conversation again and ends the handoff; then the question of the request
    set aside for it, or the menu."""
    dispatcher.utter_message(response=response)
    events = [SlotSet("handoff_active", False), SlotSet("handoff_requested_at", None)]
    task = Task.from_slot(tracker.get_slot(TASK_BEFORE_HANDOFF))
    if task is None:
        dispatcher.utter_message(response="utter_main_menu")
        return events
    talk = Talk.of(dispatcher, tracker)
    kind = KINDS[task.kind]
    resume(kind, talk, task, asked_field(kind, talk, task), counts=False)
    return events + talk.events + [SlotSet(TASK_SLOT, task.to_slot()), SlotSet(TASK_BEFORE_HANDOFF, None)]


class ActionCloseHandoff(Action):
    def name(self) -> Text:
        return "action_close_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
            return []  # closed already: the citizen was told
        return bot_is_back(dispatcher, tracker, "utter_handoff_closed")


class ActionLeaveHandoff(BlockingAction):
    """The citizen taps "back to the assistant": the inbox closes the handoff (best effort:
    a reply the officer still sends reaches the citizen all the same)."""

    def name(self) -> Text:
        return "action_leave_handoff"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not tracker.get_slot("handoff_active"):
            dispatcher.utter_message(response="utter_main_menu")  # an old button: nothing to leave
            return []
        try:
            DashboardClient().citizen_left(tracker.sender_id, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        except BackendUnavailable as error:
            log.warning("inbox not told that %s left: %s", mask_id(tracker.sender_id), error)
        return bot_is_back(dispatcher, tracker, "utter_handoff_left")
