"""Tells the citizen that an officer changed their application or complaint.

The officers' dashboard triggers EXTERNAL_status_changed with the entities
record_kind (application | complaint), record_id and new_status; an issued
certificate is sent along as a WhatsApp document.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.certificates import WITH_CERTIFICATE, send_certificate
from actions.texts import content, language_of, pick, text

KINDS = ("application", "complaint")


class ActionAnnounceStatusChange(BlockingAction):
    def name(self) -> Text:
        return "action_announce_status_change"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kind = next(tracker.get_latest_entity_values("record_kind"), None)
        number = next(tracker.get_latest_entity_values("record_id"), None)
        status = next(tracker.get_latest_entity_values("new_status"), "") or ""
        if kind not in KINDS or not number:
            return []  # not from the dashboard: nothing to tell
        language = language_of(tracker)
        label = pick(content("status_updates")["labels"].get(status), language) or status.replace("_", " ")
        dispatcher.utter_message(text=text("status_updates", kind, language, id=number, status=label))
        if kind == "application" and status in WITH_CERTIFICATE:
            try:
                send_certificate(dispatcher, LokSevaClient(), number, tracker.sender_id, language)
            except (BackendRejected, BackendUnavailable):
                pass  # the citizen can still ask for it: "प्रमाण पत्र भेजो"
        return []
