"""What an officer's change of an application brings the citizen besides the
new status: the reason of a rejection, which documents are asked for (and that
they can be sent right here), the officer's note, the certificate once issued."""
from __future__ import annotations

from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.certificates import send_certificate
from actions.lok_seva.status import latest_note
from actions.tasks.talk import Talk

# The application that photos and PDFs sent outside any form go to (actions/lok_seva/requested_documents.py).
DOCUMENTS_SLOT = "documents_for_application"


def tell_application_update(talk: Talk, client: LokSevaClient, number: str, status: str) -> None:
    """Raises BackendUnavailable/BackendRejected when the API cannot tell more."""
    if status == "issued":  # not again when delivered: the citizen has it
        send_certificate(talk, client, number)
        return
    application = client.application(number)
    note = latest_note(application)
    if status == "rejected":
        talk.say("lok_seva.updates.rejected", reason=application.get("rejection_reason") or note or "-")
    elif status == "documents_requested":
        talk.say("lok_seva.updates.documents_requested", application_id=number, note=note or "-")
        talk.set_slot(DOCUMENTS_SLOT, number)
    elif note:
        talk.say("lok_seva.status.note", note=note)
