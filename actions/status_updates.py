"""Tells the citizen that an officer changed their application or complaint.

The officers' dashboard triggers EXTERNAL_status_changed with the entities
record_kind (application | complaint), record_id and new_status. The new
status is told at once; what it brings (a rejection's reason, the documents
asked for, the certificate, the after-photo and "is it really fixed?") is
fetched from the backend, and left out if the backend cannot answer now.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.complaints.updates import tell_complaint_update
from actions.lok_seva.updates import tell_application_update
from actions.texts import content, language_of, pick, text

log = logging.getLogger(__name__)
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
        try:
            if kind == "application":
                return tell_application_update(dispatcher, LokSevaClient(), tracker.sender_id, number, status, language)
            tell_complaint_update(dispatcher, number, language)
        except (BackendRejected, BackendUnavailable) as error:
            # The status itself is told; the rest the citizen gets by asking for the status.
            log.warning("details of %s %s not told: %s", kind, number, error)
        return []
