"""Home delivery of an issued certificate: which application (the one just
talked about, or a choice of the citizen's issued ones), where to deliver
(the address on the application offered with one tap), confirm. The
applicant's own mobile is the contact; nothing already known is asked again."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.citizen import ALL_OF_THEM, applications_of, owns
from actions.lok_seva.submission import submit
from actions.subject import APPLICATION, subject_of
from actions.tasks.fields import CHOICE, PINCODE, TEXT, Choice, Field
from actions.tasks.kinds.base import TaskKind
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid
from actions.texts import entry, pick

ISSUED = "issued"
LISTED = 9


def _application_field(talk: Talk, task: Task) -> Field:
    choices = tuple(Choice(number, {"hi": number, "en": number}) for number in task.context.get("issued", []))
    return Field("application", CHOICE if choices else TEXT, {"hi": "आवेदन", "en": "Application"},
                 dict(entry("lok_seva", "delivery.choose" if choices else "delivery.ask_number")), choices=choices,
                 example={"hi": "LS-2026-000123", "en": "LS-2026-000123"})


ADDRESS = Field("address", TEXT, {"hi": "पता", "en": "Address"},
                {"hi": "प्रमाण पत्र किस पते पर भेजें? पूरा पता लिखें।", "en": "Where should the certificate go? Type the full address."},
                max_length=200)
PIN = Field("pincode", PINCODE, {"hi": "पिन कोड", "en": "PIN code"},
            {"hi": "उस पते का 6 अंकों का पिन कोड क्या है?", "en": "What is the 6-digit PIN code of that address?"})


class DeliveryKind(TaskKind):
    name = "delivery"
    takes_numbers = True

    def start(self, talk: Talk, task: Task) -> None:
        """A number in the message ("Home delivery" under a status), else the application just talked about."""
        number = talk.message.tracking_number("application_id") or subject_of(talk.tracker).get(APPLICATION)
        items = applications_of(LokSevaClient(), talk.sender_id, page_size=ALL_OF_THEM)["items"]
        task.context["issued"] = [item["application_id"] for item in items if item["status"] == ISSUED][:LISTED]
        if number is None and len(task.context["issued"]) == 1:
            number = task.context["issued"][0]
        if number:
            refusal = self.accept(talk, task, _application_field(talk, task), number)
            if refusal is None:
                task.values["application"] = number
            else:
                talk.say(refusal.text_key, **refusal.params)
                if not task.context["issued"]:
                    from actions.tasks.turn import Ended
                    raise Ended()  # nothing else could be delivered

    def fields(self, talk: Talk, task: Task) -> List[Field]:
        return [_application_field(talk, task), ADDRESS, PIN]

    def canonical(self, talk: Talk, task: Task, spec: Field, value: Any) -> Any:
        if spec.name != "application":
            return value
        from common.ids import canonical_id
        return canonical_id(str(value), "application_id") or value

    def accept(self, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
        if spec.name == "address" and value == (task.context.get("applicant") or {}).get("address"):
            task.values["pincode"] = task.context["applicant"]["pincode"]  # the application's own, with its PIN
        if spec.name != "application":
            return None
        try:
            application = LokSevaClient().application(str(value))
        except BackendRejected:
            return Invalid("application", key="lok_seva.delivery.ask_number")
        number = application["application_id"]
        status = pick(application["status_label"], talk.language)
        if not owns(LokSevaClient(), talk.sender_id, application):
            return Invalid("not_yours", key="lok_seva.certificate.not_yours")
        if application.get("delivery"):
            return Invalid("already", {"application_id": number,
                                       "status": pick(application["delivery"]["status_label"], talk.language)},
                           key="lok_seva.delivery.already")
        if application["status"] != ISSUED:
            return Invalid("not_issued", {"application_id": number, "status": status}, key="lok_seva.delivery.not_issued")
        task.context["applicant"] = {"address": application["applicant"]["address"],
                                     "pincode": application["applicant"]["pincode"]}
        talk.say("lok_seva.delivery.started", application_id=number, service=pick(application["service"]["name"],
                                                                                  talk.language))
        return None

    def offer(self, talk: Talk, task: Task, spec: Field) -> Optional[Tuple[Any, str]]:
        applicant: Dict[str, str] = task.context.get("applicant") or {}
        if spec.name == "address" and applicant.get("address"):
            return applicant["address"], f"{applicant['address']} — {applicant.get('pincode', '')}"
        return None

    def summary(self, talk: Talk, task: Task) -> str:
        return talk.text("lok_seva.delivery.summary", application_id=task.values["application"],
                         address=task.values.get("address", ""), pincode=task.values.get("pincode", ""))

    def submit(self, talk: Talk, task: Task) -> None:
        payload = {"application_id": task.values["application"], "address": task.values.get("address"),
                   "pincode": task.values.get("pincode")}
        submit(talk, self.name, payload, task.key)
