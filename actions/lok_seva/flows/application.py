"""Applying for a service: which service, then the catalogue's questions for
it (the applicant's details and the service's own fields), the documents,
a summary to confirm. Nothing here names a service or a field: a new
catalogue entry or field is asked without a code change."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.clients.errors import BackendRejected
from actions.lok_seva.catalogue import find_service, requested_page, service_page
from actions.lok_seva.citizen import wa_id
from actions.lok_seva.display import button, buttons_text
from actions.lok_seva.documents import keep_document, received_file
from actions.lok_seva.flow import Flow, answer_from_start
from actions.lok_seva.form_state import FormState
from actions.lok_seva.questions import (
    APPLICANT, Again, Answer, Ask, Cancel, ConfirmQuestion, FieldQuestion, Outcome, Problem, Prompt, Question,
    answered_fields, catalogue_field, summary_lines,
)
from actions.lok_seva.replies import Reply
from actions.texts import pick

ANSWERS = "answers."
# A service named with these intents is the choice of it: "आय प्रमाण पत्र" alone reads like asking for the certificate.
CHOOSING_INTENTS = ("apply_service", "download_certificate")


def chosen_service(detail: Dict[str, Any]) -> Dict[str, Any]:
    """What the form keeps of a catalogue entry."""
    return {
        "code": detail["code"],
        "name": detail["name"],
        "fee_inr": detail["fee_inr"],
        "time_limit_days": detail["time_limit_days"],
        "documents": [{"name": d["name"], "required": d.get("required", True)}
                      for d in detail.get("required_documents", [])],
        "fields": [catalogue_field(spec, applicant=True) for spec in detail["applicant_fields"]]
        + [catalogue_field(spec, applicant=False) for spec in detail["fields"]],
    }


class ServiceQuestion(Question):
    key = "service"

    def prompt(self, ask: Ask) -> Prompt:
        shown = service_page(
            ask.client, ask.state.page, ask.language, "services.choose",
            choose=lambda title, code: button(title, "inform", service=code),
            more=lambda title, next_page: button(title, "inform", page=next_page),
        )
        return Prompt(shown.text, shown.buttons)

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        page = requested_page(reply)
        if page:
            ask.state.page = page
            return Again()
        if reply.intent == "deny" and not reply.entity("service"):  # "no, none of these"
            return Cancel()
        code = find_service(ask.client, reply)
        try:
            detail = ask.client.service(code) if code else None
        except BackendRejected:
            detail = None
        if detail is None:
            return Problem(ask.text("services.unknown"))
        ask.state.context["service"] = chosen_service(detail)
        ask.say("application.started", service=pick(detail["name"], ask.language))
        return Answer(detail["code"])

    def claims(self, ask: Ask, reply: Reply) -> bool:
        return reply.entity("service") is not None and reply.intent in CHOOSING_INTENTS


class DocumentsQuestion(Question):
    key = "documents"

    def prompt(self, ask: Ask) -> Prompt:
        done = [button(ask.text("buttons.done"), "affirm")]
        if ask.state.documents:
            return Prompt(ask.text("application.documents_more", count=len(ask.state.documents)), done)
        optional = ask.text("services.optional_document")
        names = [pick(d["name"], ask.language) + ("" if d["required"] else f" {optional}")
                 for d in ask.state.context["service"]["documents"]]
        return Prompt(ask.text("application.documents", documents=buttons_text(names)), done)

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        if reply.intent == "share_media":
            path = received_file(reply)
            if path is None:
                return Problem(ask.text("media_rejected.download_failed"))
            try:
                keep_document(ask, path, reply)
            except BackendRejected as rejected:
                return Problem(rejected.message(ask.language))
            return Again()
        if reply.intent == "share_media_rejected":
            reason = str(reply.entity("reason") or "")
            known = reason in ("too_large", "unsupported_type", "download_failed")
            return Problem(ask.text(f"media_rejected.{reason if known else 'download_failed'}"))
        if reply.intent in ("affirm", "deny") or reply.says("done"):
            return Answer(len(ask.state.documents))
        return Problem(ask.text("application.documents_hint"))


class ApplicationFlow(Flow):
    name = "application"

    def questions(self, state: FormState) -> List[Question]:
        service = state.context.get("service")
        if service is None:
            return [ServiceQuestion()]
        return [
            ServiceQuestion(),
            *(FieldQuestion(spec, service["code"]) for spec in service["fields"]),
            DocumentsQuestion(),
            ConfirmQuestion(self.summary),
        ]

    def start(self, ask: Ask, reply: Reply) -> None:
        if reply.entity("service"):
            answer_from_start(ask, ServiceQuestion(), reply, tell_problems=False)

    @staticmethod
    def summary(ask: Ask) -> str:
        service = ask.state.context["service"]
        lines = [ask.text("application.summary", service=pick(service["name"], ask.language)),
                 *summary_lines(ask, service["fields"]),
                 ask.text("application.summary_documents", count=len(ask.state.documents)),
                 ask.text("application.summary_fee", fee=service["fee_inr"], days=service["time_limit_days"])]
        return "\n".join(lines)

    def payload(self, state: FormState, sender_id: str) -> Dict[str, Any]:
        fields = state.context["service"]["fields"]
        return {
            "body": {
                "service": state.context["service"]["code"],
                "applicant": {**answered_fields(state, fields, APPLICANT), "wa_id": wa_id(sender_id)},
                "answers": answered_fields(state, fields, ANSWERS),
                "document_ids": [d["document_id"] for d in state.documents if "document_id" in d],
            },
            # Files received while the API was away: uploaded and attached after submission.
            "files": [d for d in state.documents if "document_id" not in d],
        }
