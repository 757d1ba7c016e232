"""What an officer's change of an application brings the citizen besides the
new status: the reason of a rejection, which documents are asked for (and that
they can be sent right here), the certificate once issued."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.certificates import send_certificate
from actions.lok_seva.display import say
from actions.lok_seva.status import latest_note

# The application that photos and PDFs sent outside any form go to (actions/lok_seva/requested_documents.py).
DOCUMENTS_SLOT = "documents_for_application"


def tell_application_update(dispatcher: CollectingDispatcher, client: LokSevaClient, sender_id: str, number: str,
                            status: str, language: str) -> List[Dict[Text, Any]]:
    """Raises BackendUnavailable/BackendRejected when the API cannot tell more."""
    if status == "issued":  # not again when delivered: the citizen has it
        send_certificate(dispatcher, client, number, sender_id, language)
        return []
    application = client.application(number)
    if status == "rejected":
        dispatcher.utter_message(text=say("updates.rejected", language,
                                          reason=application.get("rejection_reason") or "-"))
    elif status == "documents_requested":
        dispatcher.utter_message(text=say("updates.documents_requested", language, application_id=number,
                                          note=latest_note(application) or "-"))
        return [SlotSet(DOCUMENTS_SLOT, number)]
    return []
