"""`download_certificate`: the issued certificate as a WhatsApp document.

The document goes out as the channel's custom JSON ({"whatsapp": {"type":
"document", "link", "filename", "caption"}}); on the REST channel the same
JSON comes back as `custom`. Only the applicant gets it (personal data).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.api_action import Events, LokSevaApiAction
from actions.lok_seva.citizen import ALL_OF_THEM, applications_of, owns
from actions.lok_seva.display import button, say
from actions.lok_seva.replies import Reply
from actions.texts import pick

WITH_CERTIFICATE = ("issued", "delivered")
LISTED = 10


def certificate_document(application: Dict[str, Any], language: str) -> Dict[str, Any]:
    number = application["application_id"]
    caption = say("certificate.caption", language, service=pick(application["service"]["name"], language),
                   application_id=number)
    return {"whatsapp": {"type": "document", "link": application["certificate"]["download_url"],
                         "filename": f"{number}.pdf", "caption": caption}}


def _which(dispatcher: CollectingDispatcher, client: LokSevaClient, sender_id: str, language: str) -> Optional[str]:
    """The citizen's one application with a certificate; else they are told or asked to choose."""
    items = applications_of(client, sender_id, page_size=ALL_OF_THEM)["items"]
    ready = [item for item in items if item["status"] in WITH_CERTIFICATE]
    if len(ready) == 1:
        return ready[0]["application_id"]
    if not ready:
        dispatcher.utter_message(text=say("certificate.none", language))
    else:
        dispatcher.utter_message(text=say("certificate.choose", language), buttons=[
            button(item["application_id"], "download_certificate", application_id=item["application_id"])
            for item in ready[:LISTED]
        ])
    return None


def send_certificate(dispatcher: CollectingDispatcher, client: LokSevaClient, number: str, sender_id: str,
                     language: str) -> None:
    application = client.application(number)
    if not owns(client, sender_id, application):
        dispatcher.utter_message(text=say("certificate.not_yours", language))
    elif not application.get("certificate"):
        dispatcher.utter_message(text=say("certificate.not_issued", language, application_id=number,
                                           status=pick(application["status_label"], language)))
    else:
        dispatcher.utter_message(json_message=certificate_document(application, language))


class ActionDownloadCertificate(LokSevaApiAction):
    def name(self) -> Text:
        return "action_download_certificate"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
               client: LokSevaClient) -> Events:
        number = Reply.latest(tracker).application_number() or _which(dispatcher, client, tracker.sender_id, language)
        if number:
            send_certificate(dispatcher, client, number, tracker.sender_id, language)
        return []
