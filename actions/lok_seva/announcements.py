"""What the citizen is told once a submission is through (or refused for
good): right after confirming, or later when the outbox worker sent it. The
application, and so the conversation's subject, is remembered."""
from __future__ import annotations

from typing import Any, Callable, Dict

from actions.lok_seva.display import day
from actions.subject import remember
from actions.tasks.talk import Talk
from actions.texts import button

LAND_RECORD_COPY = "land_record_copy"


def _in(result: Dict[str, Any], name: str, language: str) -> str:
    """A result value that comes in both languages (`<name>_hi`, `<name>_en`)."""
    return str(result.get(f"{name}_{language}") or result.get(f"{name}_hi") or "")


def _application(talk: Talk, result: Dict[str, Any]) -> None:
    number = result["application_id"]
    talk.say("lok_seva.application.submitted", application_id=number,
             service=_in(result, "service_name", talk.language), due_date=day(result.get("due_date")),
             buttons=[button(talk.text("lok_seva.buttons.status"), "check_application_status", application_id=number)])
    remember(talk, application=number, service=result.get("service"))


def _delivery(talk: Talk, result: Dict[str, Any]) -> None:
    talk.say("lok_seva.delivery.requested", application_id=result["application_id"],
             status=_in(result, "delivery_status", talk.language), pincode=result.get("pincode", ""),
             mobile=result.get("mobile_masked", ""))
    remember(talk, application=result["application_id"])


def _certified_copy(talk: Talk, result: Dict[str, Any]) -> None:
    caption = talk.text("lok_seva.copy.caption", record_type=_in(result, "record_type", talk.language),
                        village=_in(result, "village", talk.language), khasra=result.get("khasra_number", ""),
                        copy_number=result["copy_number"])
    talk.dispatcher.utter_message(json_message={"whatsapp": {
        "type": "document", "link": result["pdf_url"], "filename": f"{result['copy_number']}.pdf", "caption": caption}},
        key="lok_seva.copy.document")
    remember(talk, service=LAND_RECORD_COPY)  # "iska kitna paisa lagega?" is about copies


def _documents(talk: Talk, result: Dict[str, Any]) -> None:
    talk.say("lok_seva.updates.documents_added", application_id=result["application_id"])
    remember(talk, application=result["application_id"])


ANNOUNCERS: Dict[str, Callable[[Talk, Dict[str, Any]], None]] = {
    "application": _application, "delivery": _delivery, "certified_copy": _certified_copy, "documents": _documents,
}


def announce(talk: Talk, kind: str, result: Dict[str, Any]) -> None:
    ANNOUNCERS[kind](talk, result)


def announce_failure(talk: Talk, kind: str, error: Dict[str, Any]) -> None:
    reason = error.get(f"message_{talk.language}") or error.get("message_hi") or ""
    talk.say("lok_seva.form.refused", request=talk.text(f"lok_seva.requests.{kind}"), reason=reason)
