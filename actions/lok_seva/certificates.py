"""`download_certificate`: the issued certificate as a WhatsApp document, of
the application named, else the one the conversation is about, else the
citizen's one issued certificate (or a choice of them).

The document goes out as the channel's custom JSON ({"whatsapp": {"type":
"document", "link", "filename", "caption"}}); on the REST channel the same
JSON comes back as `custom`. Only the applicant gets it (personal data).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.lokseva import LokSevaClient
from actions.follow_up import item_meant
from actions.lok_seva.citizen import ALL_OF_THEM, applications_of, owns
from actions.subject import APPLICATION, remember
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import button, pick

WITH_CERTIFICATE = ("issued", "delivered")
LISTED = 10


def certificate_document(talk: Talk, application: Dict[str, Any]) -> Dict[str, Any]:
    number = application["application_id"]
    caption = talk.text("lok_seva.certificate.caption", service=pick(application["service"]["name"], talk.language),
                        application_id=number)
    return {"whatsapp": {"type": "document", "link": application["certificate"]["download_url"],
                         "filename": f"{number}.pdf", "caption": caption}}


def _which(talk: Talk, client: LokSevaClient) -> Optional[str]:
    """The citizen's one application with a certificate; else they are told or asked to choose."""
    items = applications_of(client, talk.sender_id, page_size=ALL_OF_THEM)["items"]
    ready = [item for item in items if item["status"] in WITH_CERTIFICATE]
    if len(ready) == 1:
        return ready[0]["application_id"]
    if not ready:
        talk.say("lok_seva.certificate.none")
    else:
        talk.say("lok_seva.certificate.choose", buttons=[
            button(item["application_id"], "download_certificate", application_id=item["application_id"])
            for item in ready[:LISTED]
        ])
    return None


def send_certificate(talk: Talk, client: LokSevaClient, number: str) -> None:
    application = client.application(number)
    if not owns(client, talk.sender_id, application):
        talk.say("lok_seva.certificate.not_yours")
    elif not application.get("certificate"):
        talk.say("lok_seva.certificate.not_issued", application_id=number,
                 status=pick(application["status_label"], talk.language))
        remember(talk, application=number)
    else:
        talk.dispatcher.utter_message(json_message=certificate_document(talk, application), key="lok_seva.certificate.document")
        remember(talk, application=number)


def certificate(talk: Talk, task: Optional[Task] = None) -> None:
    client = LokSevaClient()
    item = item_meant(talk, APPLICATION)
    if item is None and talk.message.entity("service") and task is None:
        # "beti ka janm praman ptr chahiye" from a number with no such application: it is to be applied for
        from actions.tasks.action import start_kind
        talk.say("lok_seva.certificate.not_applied")
        start_kind(talk, "application")
        return
    number = item["id"] if item and item["kind"] == APPLICATION else _which(talk, client)
    if number:
        send_certificate(talk, client, number)


class ActionDownloadCertificate(AnswerAction):
    def name(self) -> Text:
        return "action_download_certificate"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        certificate(talk, task)
