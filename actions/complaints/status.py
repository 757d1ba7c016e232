"""check_complaint_status: one complaint by its number, or the citizen's own list.

A resolved complaint of the citizen's own that is not rated yet ends with
the question whether it is really fixed (buttons: confirm -> rating, or
reopen; see feedback.py)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.open311 import FeatureUnavailable, Open311Client
from actions.blocking import BlockingAction
from actions.complaints.backend import open311
from actions.complaints.citizen import phone_of
from actions.complaints.content import buttons, text
from actions.complaints.telling import KNOWN_IDS_SLOT
from actions.complaints.views import extended, is_closed, list_line, newest_first, status_message
from actions.texts import language_of

MAX_LISTED = 10  # a WhatsApp list holds ten rows


def _own_complaints(client: Open311Client, phone: Optional[str], language: str) -> Optional[List[Dict[str, Any]]]:
    """The citizen's complaints by phone; None when the 311 system cannot tell."""
    if not phone:
        return None
    try:
        return client.my_requests(phone, language)
    except FeatureUnavailable:
        return None


def _awaits_feedback(view: Mapping[str, Any], filed_by_citizen: bool) -> bool:
    return filed_by_citizen and is_closed(view) and "rating" in extended(view) and extended(view)["rating"] is None


class ActionComplaintStatus(BlockingAction):
    def name(self) -> Text:
        return "action_complaint_status"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        number = next(tracker.get_latest_entity_values("complaint_id"), None)
        try:
            if number:
                self._one(dispatcher, tracker, str(number), language)
            else:
                self._own(dispatcher, tracker, language)
        except (BackendUnavailable, BackendRejected):
            dispatcher.utter_message(text=text("system_unavailable", language))
        return []

    def _one(self, dispatcher: CollectingDispatcher, tracker: Tracker, number: str, language: str) -> None:
        client = open311()
        view = client.request(number, language)
        if view is None:
            dispatcher.utter_message(text=text("status_not_found", language, complaint_id=number))
            return
        filed_by_citizen = False
        if is_closed(view):  # only then does it matter whose complaint it is
            own = _own_complaints(client, phone_of(tracker.sender_id), language) or []
            filed_by_citizen = any(v.get("service_request_id") == view["service_request_id"]
                                   and v.get("role") == "complainant" for v in own)
        self._show(dispatcher, view, filed_by_citizen, language)

    def _own(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        client = open311()
        phone = phone_of(tracker.sender_id)
        views = _own_complaints(client, phone, language)
        if views is None:  # fall back on the numbers this conversation registered
            known = tracker.get_slot(KNOWN_IDS_SLOT) or []
            if not known and not phone:
                dispatcher.utter_message(text=text("ask_complaint_number", language))
                return
            views = client.requests(language, ids=known) if known else []
            for view in views:
                view["role"] = "complainant"  # as far as this conversation knows
        if not views:
            dispatcher.utter_message(text=text("no_complaints", language), buttons=buttons("register", language))
        elif len(views) == 1:
            self._show(dispatcher, views[0], views[0].get("role") == "complainant", language)
        else:
            self._list(dispatcher, newest_first(views)[:MAX_LISTED], language)

    @staticmethod
    def _show(dispatcher: CollectingDispatcher, view: Mapping[str, Any], filed_by_citizen: bool, language: str) -> None:
        dispatcher.utter_message(text=status_message(view, language, datetime.now(timezone.utc)))
        if _awaits_feedback(view, filed_by_citizen):
            dispatcher.utter_message(text=text("ask_fixed", language),
                                     buttons=buttons("fixed_or_not", language, complaint_id=view["service_request_id"]))

    @staticmethod
    def _list(dispatcher: CollectingDispatcher, views: List[Mapping[str, Any]], language: str) -> None:
        now = datetime.now(timezone.utc)
        lines = [text("my_complaints", language)] + [list_line(view, language, now) for view in views]
        lines.append(text("choose_complaint", language))
        choices = [{"title": view["service_request_id"],
                    "payload": f'/check_complaint_status{{"complaint_id": "{view["service_request_id"]}"}}'}
                   for view in views]
        dispatcher.utter_message(text="\n".join(lines), buttons=choices)
