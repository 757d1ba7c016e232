"""Home delivery of an issued certificate: which application, the delivery
address, PIN and mobile (the catalogue's own questions for them), confirm."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.clients.errors import BackendRejected
from actions.lok_seva.citizen import ALL_OF_THEM, applications_of, owns
from actions.lok_seva.display import button, masked_mobile
from actions.lok_seva.flow import Flow, answer_from_start
from actions.lok_seva.form_state import FormState
from actions.lok_seva.questions import (
    APPLICANT, Answer, Ask, ConfirmQuestion, FieldQuestion, Outcome, Problem, Prompt, Question,
    answered_fields, catalogue_field,
)
from actions.lok_seva.replies import Reply
from actions.texts import pick

# The applicant details the API's delivery request takes, in this order, asked with the catalogue's questions.
DELIVERY_FIELDS = ("address", "pincode", "mobile")
ISSUED = "issued"
LISTED = 9


class IssuedApplicationQuestion(Question):
    key = "application"

    def prompt(self, ask: Ask) -> Prompt:
        items = applications_of(ask.client, ask.sender_id, page_size=ALL_OF_THEM)["items"]
        issued = [item for item in items if item["status"] == ISSUED][:LISTED]
        if not issued:
            return Prompt(ask.text("delivery.ask_number"))
        return Prompt(ask.text("delivery.choose"), [
            button(item["application_id"], "inform", application_id=item["application_id"]) for item in issued
        ])

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        number = reply.application_number()
        if number is None:
            return Problem(ask.text("delivery.ask_number"))
        try:
            application = ask.client.application(number)
        except BackendRejected as rejected:
            return Problem(rejected.message(ask.language))
        status = pick(application["status_label"], ask.language)
        if not owns(ask.client, ask.sender_id, application):
            return Problem(ask.text("certificate.not_yours"))
        if application.get("delivery"):
            return Problem(ask.text("delivery.already", application_id=number,
                                    status=pick(application["delivery"]["status_label"], ask.language)))
        if application["status"] != ISSUED:
            return Problem(ask.text("delivery.not_issued", application_id=number, status=status))
        service = ask.client.service(application["service"]["code"])
        ask.state.context["application"] = {"application_id": number, "service_code": service["code"],
                                            "service": service["name"]}
        wanted = [spec for spec in service["applicant_fields"] if spec["name"] in DELIVERY_FIELDS]
        ask.state.context["fields"] = [catalogue_field(spec, applicant=True)
                                       for spec in sorted(wanted, key=lambda spec: DELIVERY_FIELDS.index(spec["name"]))]
        ask.say("delivery.started", application_id=number, service=pick(service["name"], ask.language))
        return Answer(number)


class DeliveryFlow(Flow):
    name = "delivery"

    def questions(self, state: FormState) -> List[Question]:
        application = state.context.get("application")
        if application is None:
            return [IssuedApplicationQuestion()]
        return [
            IssuedApplicationQuestion(),
            *(FieldQuestion(spec, application["service_code"]) for spec in state.context["fields"]),
            ConfirmQuestion(self.summary),
        ]

    def start(self, ask: Ask, reply: Reply) -> None:
        if reply.application_number():  # e.g. the "Home delivery" button of a status
            answer_from_start(ask, IssuedApplicationQuestion(), reply, tell_problems=True)

    @staticmethod
    def summary(ask: Ask) -> str:
        details = answered_fields(ask.state, ask.state.context["fields"], APPLICANT)
        return ask.text("delivery.summary", application_id=ask.state.context["application"]["application_id"],
                        address=details.get("address", ""), pincode=details.get("pincode", ""),
                        mobile=masked_mobile(details.get("mobile", "")))

    def payload(self, state: FormState, sender_id: str) -> Dict[str, Any]:
        details = answered_fields(state, state.context["fields"], APPLICANT)
        return {"application_id": state.context["application"]["application_id"], **details}
