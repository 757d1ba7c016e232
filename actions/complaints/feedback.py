"""After a resolution: the citizen confirms it is fixed (then rates 1-5) or reopens it.

The buttons carry the complaint number (`/affirm{"complaint_id": …}`,
`/deny{"complaint_id": …}`, `/inform{"rating": "4", "complaint_id": …}`), so
each answer stands on its own, even days after the question."""
from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.complaints.citizen import phone_of
from actions.complaints.content import buttons, text
from actions.complaints.delivery import deliver
from actions.complaints.operations import update_payload
from actions.complaints.telling import tell
from actions.texts import language_of

RATINGS = range(1, 6)


def _complaint_number(tracker: Tracker) -> Optional[str]:
    value = next(tracker.get_latest_entity_values("complaint_id"), None)
    return str(value) if value else None


class ActionComplaintFixed(Action):
    def name(self) -> Text:
        return "action_complaint_fixed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        number = _complaint_number(tracker)
        if number:
            dispatcher.utter_message(text=text("ask_rating", language), buttons=buttons("rating", language, complaint_id=number))
        else:
            dispatcher.utter_message(text=text("not_accepted", language))
        return []


class ComplaintUpdate(BlockingAction, ABC):
    """Sends one update about an existing complaint (now or through the outbox)."""

    operation = ""

    def name(self) -> Text:
        return f"action_{self.operation}_complaint"

    @abstractmethod
    def extra(self, tracker: Tracker) -> Optional[Dict[str, Any]]:
        """Operation-specific payload fields; None when the message lacks them."""

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        number, extra = _complaint_number(tracker), self.extra(tracker)
        if not number or extra is None:
            dispatcher.utter_message(text=text("not_accepted", language))
            return []
        payload = update_payload(self.operation, number, phone_of(tracker.sender_id), language, **extra)
        outcome = deliver(tracker.sender_id, language, payload, f"{self.operation}-{uuid.uuid4().hex}")
        tell(dispatcher, outcome, self.operation, language)
        return []


class ActionReopenComplaint(ComplaintUpdate):
    operation = "reopen"

    def extra(self, tracker: Tracker) -> Optional[Dict[str, Any]]:
        return {}


class ActionRateComplaint(ComplaintUpdate):
    operation = "rate"

    def extra(self, tracker: Tracker) -> Optional[Dict[str, Any]]:
        value = str(next(tracker.get_latest_entity_values("rating"), ""))
        return {"rating": int(value)} if value.isdigit() and int(value) in RATINGS else None
