"""What the citizen is told once a submission is through (or refused for
good): right after confirming, or later when the outbox worker sent it.
Each message is the keyword arguments of dispatcher.utter_message."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.lok_seva.display import button, day, say

Message = Dict[str, Any]


def _in(result: Dict[str, Any], name: str, language: str) -> str:
    """A result value that comes in both languages (`<name>_hi`, `<name>_en`)."""
    return str(result.get(f"{name}_{language}") or result.get(f"{name}_hi") or "")


def _application(result: Dict[str, Any], language: str) -> List[Message]:
    number = result["application_id"]
    return [{
        "text": say("application.submitted", language, application_id=number,
                     service=_in(result, "service_name", language), due_date=day(result.get("due_date"))),
        "buttons": [button(say("buttons.status", language), "check_application_status", application_id=number)],
    }]


def _delivery(result: Dict[str, Any], language: str) -> List[Message]:
    return [{"text": say("delivery.requested", language, application_id=result["application_id"],
                          status=_in(result, "delivery_status", language), pincode=result.get("pincode", ""),
                          mobile=result.get("mobile_masked", ""))}]


def _certified_copy(result: Dict[str, Any], language: str) -> List[Message]:
    caption = say("copy.caption", language, record_type=_in(result, "record_type", language),
                   village=_in(result, "village", language), khasra=result.get("khasra_number", ""),
                   copy_number=result["copy_number"])
    return [{"json_message": {"whatsapp": {"type": "document", "link": result["pdf_url"],
                                           "filename": f"{result['copy_number']}.pdf", "caption": caption}}}]


def _documents(result: Dict[str, Any], language: str) -> List[Message]:
    return [{"text": say("updates.documents_added", language, application_id=result["application_id"])}]


ANNOUNCERS = {"application": _application, "delivery": _delivery, "certified_copy": _certified_copy,
              "documents": _documents}


def announce(kind: str, result: Dict[str, Any], language: str) -> List[Message]:
    return ANNOUNCERS[kind](result, language)


def announce_failure(kind: str, error: Dict[str, Any], language: str) -> List[Message]:
    reason = error.get(f"message_{language}") or error.get("message_hi") or ""
    return [{"text": say("form.refused", language, request=say(f"requests.{kind}", language), reason=reason)}]
