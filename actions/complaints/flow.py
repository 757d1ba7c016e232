"""Starting, stopping and submitting a complaint, and the late answer from the outbox."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.complaints.answers import (entity_values, latest_intent, named_category, pin_location, previous_user_message,
                                         typed_answer)
from actions.complaints.citizen import phone_of
from actions.complaints.content import category_codes, text
from actions.complaints.delivery import Delivery, Outcome, deliver
from actions.complaints.operations import create_payload, update_payload
from actions.complaints.telling import remember, tell
from actions.texts import language_of

DRAFT_SLOTS = (
    "complaint_category", "complaint_location", "complaint_named_place", "complaint_duplicate",
    "complaint_duplicate_choice", "complaint_description", "complaint_photos", "complaint_confirmed",
    "complaint_draft_id",
)
FAILED_INTENT = "EXTERNAL_complaint_failed"
MIN_DESCRIPTION_WORDS = 5


def cleared_draft() -> List[Dict[Text, Any]]:
    return [SlotSet(slot, None) for slot in DRAFT_SLOTS]


def _pin_sent_just_before(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The pin of "📍 location received, what is the problem?", answered by this complaint."""
    previous = previous_user_message(tracker)
    return pin_location(previous) if previous else None


def _opening_description(tracker: Tracker, category: Optional[str]) -> Optional[str]:
    """The opening message, when it already describes the problem ("light band hai Sudama Nagar me")."""
    typed = typed_answer(tracker)
    return typed if category and typed and len(typed.split()) >= MIN_DESCRIPTION_WORDS else None


def _named_place(tracker: Tracker) -> Optional[str]:
    """A place named in the opening message ("Sudama Nagar"): offered at the location question rather
    than taken, since a pin or a landmark is what a field crew can find."""
    return next((str(value) for value in tracker.get_latest_entity_values("location") if str(value).strip()), None)


class ActionStartComplaint(Action):
    """A fresh draft: what the opening message already says is kept (category,
    description, a place to offer), the rest is asked."""

    def name(self) -> Text:
        return "action_start_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        category = named_category(tracker, category_codes())
        pin = _pin_sent_just_before(tracker)
        return cleared_draft() + [
            SlotSet("complaint_category", category),
            SlotSet("complaint_location", pin),
            SlotSet("complaint_named_place", None if pin else _named_place(tracker)),
            SlotSet("complaint_description", _opening_description(tracker, category)),
            SlotSet("complaint_draft_id", uuid.uuid4().hex),
        ]


class ActionCancelComplaint(Action):
    def name(self) -> Text:
        return "action_cancel_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=text("cancelled", language_of(tracker)))
        return cleared_draft()


class ActionSubmitComplaint(BlockingAction):
    """After complaint_form: join the duplicate, submit the new complaint, or say it was not sent."""

    def name(self) -> Text:
        return "action_submit_complaint"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        phone = phone_of(tracker.sender_id)
        duplicate = tracker.get_slot("complaint_duplicate") or {}
        if tracker.get_slot("complaint_duplicate_choice") == "join" and duplicate.get("service_request_id"):
            payload = update_payload("join", duplicate["service_request_id"], phone, language)
        elif tracker.get_slot("complaint_confirmed"):
            payload = create_payload(
                tracker.get_slot("complaint_category"), tracker.get_slot("complaint_location") or {},
                tracker.get_slot("complaint_description"), tracker.get_slot("complaint_photos") or [],
                phone, language, datetime.now(timezone.utc),
            )
        else:
            dispatcher.utter_message(text=text("cancelled", language))
            return cleared_draft()
        key = tracker.get_slot("complaint_draft_id") or uuid.uuid4().hex
        outcome = deliver(tracker.sender_id, language, payload, key)
        tell(dispatcher, outcome, payload["operation"], language)
        return cleared_draft() + remember(tracker, outcome)


class ActionTellComplaintResult(Action):
    """EXTERNAL_complaint_submitted / _failed: the outbox worker settled a kept request."""

    def name(self) -> Text:
        return "action_tell_complaint_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        if latest_intent(tracker) == FAILED_INTENT:
            dispatcher.utter_message(text=text("saved_not_accepted", language))
            return []
        result = {key: str(value) for key, value in entity_values(tracker.latest_message).items() if value is not None}
        if not result.get("complaint_id"):
            return []
        outcome = Outcome(Delivery.DONE, result)
        tell(dispatcher, outcome, result.get("complaint_operation", "create"), language)
        return remember(tracker, outcome)
