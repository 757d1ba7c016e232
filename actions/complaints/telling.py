"""Telling the citizen how an operation went, and remembering their complaints."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.complaints.content import text
from actions.complaints.delivery import Delivery, Outcome
from actions.complaints.views import result_message

KNOWN_IDS_SLOT = "my_complaint_ids"
NOT_DONE_TEXTS = {Delivery.UNAVAILABLE: "not_saved", Delivery.REJECTED: "not_accepted", Delivery.NOT_OFFERED: "not_offered"}


def tell(dispatcher: CollectingDispatcher, outcome: Outcome, operation: str, language: str) -> None:
    if outcome.delivery is Delivery.DONE:
        dispatcher.utter_message(text=result_message(outcome.result, language, datetime.now(timezone.utc)))
    elif outcome.delivery is Delivery.QUEUED:
        dispatcher.utter_message(text=text("queued_complaint" if operation == "create" else "queued_update", language))
    else:
        dispatcher.utter_message(text=text(NOT_DONE_TEXTS[outcome.delivery], language))


def remember(tracker: Tracker, outcome: Outcome) -> List[Dict[Text, Any]]:
    """Keeps the citizen's complaint numbers in the conversation: "my complaints"
    works from them when the 311 system cannot search by phone (plain GeoReport)."""
    result = outcome.result
    complaint_id = result.get("complaint_id")
    known = list(tracker.get_slot(KNOWN_IDS_SLOT) or [])
    if outcome.delivery is not Delivery.DONE or result.get("complaint_operation") not in ("create", "join") \
            or not complaint_id or complaint_id in known:
        return []
    return [SlotSet(KNOWN_IDS_SLOT, known + [complaint_id])]
