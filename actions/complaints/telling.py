"""Telling the citizen how an operation went, and remembering their complaints."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.complaints.delivery import Delivery, Outcome
from actions.complaints.views import say_result
from actions.subject import remember as remember_subject
from actions.tasks.talk import Talk

KNOWN_IDS_SLOT = "my_complaint_ids"
NOT_DONE_TEXTS = {Delivery.UNAVAILABLE: "not_saved", Delivery.REJECTED: "not_accepted", Delivery.NOT_OFFERED: "not_offered"}


def tell(talk: Talk, outcome: Outcome, operation: str) -> None:
    if outcome.delivery is Delivery.DONE:
        say_result(talk, outcome.result, datetime.now(timezone.utc))
        if outcome.result.get("complaint_id"):
            remember_subject(talk, complaint=outcome.result["complaint_id"])
    elif outcome.delivery is Delivery.QUEUED:
        talk.say("complaints.texts.queued_complaint" if operation == "create" else "complaints.texts.queued_update")
    else:
        talk.say(f"complaints.texts.{NOT_DONE_TEXTS[outcome.delivery]}")


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
