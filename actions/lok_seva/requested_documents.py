"""A photo or PDF sent outside any form: added to the citizen's application
whose documents an officer asked for, or to the one named in the officer's
update or taken the latest such files; without one the citizen is told what
files are for. Sent through the outbox like every submission: a Lok Seva API
that is away gets it later."""
from __future__ import annotations

import uuid
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.citizen import awaiting_documents, wa_id
from actions.lok_seva.display import say
from actions.lok_seva.documents import describe, received_file
from actions.lok_seva.replies import Reply
from actions.lok_seva.submission import submit
from actions.lok_seva.updates import DOCUMENTS_SLOT
from actions.texts import language_of

KIND = "documents"


def _target(tracker: Tracker) -> Optional[str]:
    """While the API is away only the application this conversation named can be trusted."""
    try:
        found = awaiting_documents(LokSevaClient(), tracker.sender_id)
    except (BackendUnavailable, BackendRejected):
        found = None
    return found or tracker.get_slot(DOCUMENTS_SLOT)


class ActionTakeDocument(BlockingAction):
    def name(self) -> Text:
        return "action_take_document"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        reply = Reply.latest(tracker)
        path = received_file(reply)
        if path is None:
            dispatcher.utter_message(text=say("media_rejected.download_failed", language))
            return []
        number = _target(tracker)
        if number is None:
            dispatcher.utter_message(response="utter_media_received")
            return []
        payload = {"application_id": number, "wa_id": wa_id(tracker.sender_id), "files": [describe(path, reply)]}
        message_id = (reply.metadata.get("whatsapp") or {}).get("message_id") or uuid.uuid4().hex
        submit(dispatcher, KIND, payload, f"{KIND}-{message_id}", tracker.sender_id, language)
        return [SlotSet(DOCUMENTS_SLOT, number)]
