"""Applying for a Lok Seva service: which service, then the catalogue's
questions for it (every applicant's details and the service's own fields),
the documents, a summary to confirm. Nothing here names a service or a
field: a new catalogue entry or field is asked without a code change.

The mobile number is offered from the WhatsApp number and the applicant's
name from the WhatsApp profile name, each accepted with one tap. A service
the catalogue does not have ("driving licence") is told where to go instead
(content/not_offered.yml).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from actions.clients.errors import BackendRejected
from actions.lok_seva.catalogue import catalogue, service_detail, service_picked
from actions.lok_seva.documents import keep_document, received_file
from actions.lok_seva.services import not_offered_answer
from actions.lok_seva.submission import submit
from actions.subject import subject_of
from actions.tasks.asking import button
from actions.tasks.fields import CHOICE, DOCUMENTS, MOBILE, NAME, Choice, Field, designers_aliases, from_catalogue
from actions.tasks.kinds.base import TaskKind
from actions.tasks.message import Message
from actions.tasks.state import SKIPPED, Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid, is_name
from actions.texts import entry, pick
from common.backend_call import BackendUnavailable
from common.last_turn import SERVICE_LIST_KEY, previous_actions, previous_answer_keys
from common.not_offered import not_offered_in
from common.words import means, mentions, without_phrases

APPLICANT, ANSWERS = "applicant.", "answers."
SERVICE_INFO_ACTION = "action_service_info"  # the details the citizen says yes to
SERVICE_FIELD = "service"


def _service_field(talk: Talk, chosen: Optional[Dict[str, Any]] = None) -> Field:
    """The service question; once a service is chosen, the catalogue is not needed to go on (the API may be away)."""
    try:
        services = catalogue()
    except BackendUnavailable:
        if chosen is None:
            raise
        services = [chosen]
    choices = tuple(Choice(item["code"], dict(item["name"]),
                           tuple(item.get("aliases") or ()) + designers_aliases(SERVICE_FIELD, item["code"]))
                    for item in services)
    texts = entry("lok_seva", "services.choose")
    return Field(SERVICE_FIELD, CHOICE, {"hi": "सेवा", "en": "Service"}, dict(texts), choices=choices)


def _documents_field() -> Field:
    return Field("documents", DOCUMENTS, {"hi": "दस्तावेज़", "en": "Documents"},
                 dict(entry("tasks", "documents_question")), required=False)


def chosen_service(detail: Dict[str, Any]) -> Dict[str, Any]:
    """What the task keeps of a catalogue entry (the questions with their place in the application)."""
    return {
        "code": detail["code"],
        "name": detail["name"],
        "fee_inr": detail["fee_inr"],
        "time_limit_days": detail["time_limit_days"],
        "documents": [{"name": d["name"], "required": d.get("required", True)}
                      for d in detail.get("required_documents", [])],
        "fields": [from_catalogue(spec, APPLICANT + spec["name"]).to_dict() for spec in detail["applicant_fields"]]
        + [from_catalogue(spec, ANSWERS + spec["name"]).to_dict() for spec in detail["fields"]],
    }


def _entity_text(message: Message, name: str) -> str:
    """The words that the NLU read as the entity (empty when it found none)."""
    item = next((e for e in message.entities if e.get("entity") == name and "start" in e), None)
    return message.text[item["start"]:item["end"]] if item else ""


def _service_named_besides(talk: Talk, elsewhere: Dict[str, Any]) -> Optional[str]:
    """A catalogue service the NLU found in words that are no part of `elsewhere`, the service not offered
    here that the message names ("vidhwa pension ke liye aay praman patra": "pension" is in "vidhwa pension",
    "aay praman patra" is not)."""
    message = talk.message
    tagged = next((str(entity["value"]) for entity in message.entities if entity.get("entity") == "service"
                   and "start" in entity and not_offered_in(message.typed, message.text[entity["start"]:entity["end"]])
                   is None), None)
    if tagged is not None:
        return tagged
    # "aay praman ptra", which the NLU does not tag: a name of several words said outside the service not offered
    besides = without_phrases(message.typed, elsewhere.get("names", []))
    mentioned = {choice.value: choice.longest_mention(besides) for choice in _service_field(talk).choices}
    best = max(mentioned, key=lambda code: mentioned[code], default=None)
    return best if best is not None and mentioned[best] >= MIN_NAME_WORDS else None


MIN_NAME_WORDS = 2  # "pension" alone may be any pension; "aay praman ptra" is the income certificate


ASKING_WITHIN = 6  # words after a service's name in which the words asking for it stand


def service_requested(message: Message) -> Optional[str]:
    """The service asked for. Of several named: not one named only by a land record's word ("khasra 45/2 ka
    mutation karwana hai"), and the one the asking words follow closest ("papa ki death ke baad jameen ka
    namantran mere naam krwana h" asks for the mutation, not a death certificate)."""
    named = [(str(entity["value"]), entity) for entity in message.entities if entity.get("entity") == "service"]
    if len({code for code, _ in named}) <= 1:
        return named[0][0] if named else None
    candidates = [(code, entity) for code, entity in named
                  if not means(message.text[entity.get("start", 0):entity.get("end", 0)], "land_record_words")] or named

    def asking_distance(entity: Dict[str, Any]) -> int:
        after = message.text[entity["end"]:].split() if "end" in entity else []
        return next((index for index in range(min(len(after), ASKING_WITHIN))
                     if mentions(" ".join(after[:index + 1]), "asking_words")), ASKING_WITHIN)

    return min(candidates, key=lambda item: asking_distance(item[1]))[0]


def _by_prefix(task: Task, prefix: str) -> Dict[str, Any]:
    return {name[len(prefix):]: value for name, value in task.values.items()
            if name.startswith(prefix) and value is not SKIPPED}


class ApplicationKind(TaskKind):
    name = "application"
    entity_fields = {"service": SERVICE_FIELD}
    opening_entity_fields = {"location": ANSWERS + "village"}  # a service asking for the land's village
    # A place the NLU marks stays in the words read for answers: "husband Vijay Katara" may be tagged as one.
    opening_entities = ("service", "complaint_category", "scheme")

    def start(self, talk: Talk, task: Task) -> None:
        # "haan, apply karna hai" right after a service's details: that service
        just_shown = SERVICE_INFO_ACTION in previous_actions(talk.tracker.events)
        code = service_requested(talk.message) or (subject_of(talk.tracker).get("service") if just_shown else None)
        if code is None and SERVICE_LIST_KEY in previous_answer_keys(talk.tracker.events):
            code = service_picked(talk.message.typed)  # "the income one" under the list, read as a wish to apply
        elsewhere = not_offered_in(talk.message.typed, _entity_text(talk.message, "service"))
        ours = _service_named_besides(talk, elsewhere) if elsewhere is not None else None
        if ours is not None:  # "vidhwa pension ke liye aay praman patra": the certificate is what is applied for
            code, elsewhere = ours, None
        if elsewhere is not None:
            # "passport banwana hai": no form is left open, so the questions that follow
            # ("documents for domicile?", "thanks") are answered plainly
            not_offered_answer(talk, elsewhere)
            from actions.tasks.turn import Ended
            raise Ended()
        if code and self.accept(talk, task, _service_field(talk), str(code)) is None:
            task.values[SERVICE_FIELD] = str(code)

    def fields(self, talk: Talk, task: Task) -> List[Field]:
        service = task.context.get("service")
        if service is None:
            return [_service_field(talk)]
        return [_service_field(talk, service), *(Field.from_dict(spec) for spec in service["fields"]),
                _documents_field()]

    def accept(self, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
        if spec.name != SERVICE_FIELD:
            return None
        if task.context.get("service", {}).get("code") == value:
            return None
        try:
            detail = service_detail(str(value))
        except BackendRejected:
            return Invalid("choice")
        task.context["service"] = chosen_service(detail)
        kept = {f"{APPLICANT}{name}" for name in ("name", "mobile", "aadhaar", "address", "pincode")}
        task.values = {name: v for name, v in task.values.items() if name in kept}
        talk.say("lok_seva.application.started", service=pick(detail["name"], talk.language))
        return None

    def service_of(self, task: Task) -> Optional[str]:
        return (task.context.get("service") or {}).get("code")

    def reopen(self, talk: Talk, task: Task, spec: Field) -> None:
        if spec.name == SERVICE_FIELD:
            task.context.pop("service", None)

    def questions_pending(self, task: Task) -> bool:
        return "service" not in task.context  # a service's questions come with the service

    def explain_unmatched(self, talk: Talk, task: Task, asked: Optional[Field], why: Optional[Invalid] = None) -> bool:
        """A service the catalogue does not offer: where to go instead."""
        elsewhere = not_offered_in(talk.message.typed, _entity_text(talk.message, "service"))
        if elsewhere is None:
            return False
        talk.say("lok_seva.not_offered.told", service=pick(elsewhere["name"], talk.language),
                 where=pick(elsewhere["where"], talk.language))
        return True

    def offer(self, talk: Talk, task: Task, spec: Field) -> Optional[Tuple[Any, str]]:
        if spec.kind == MOBILE and talk.whatsapp_mobile:
            from common.masking import masked_number
            return talk.whatsapp_mobile, masked_number(talk.whatsapp_mobile)
        profile = talk.message.profile_name or task.context.get("profile_name")
        if spec.name == APPLICANT + "name" and spec.kind == NAME and profile and is_name(profile) \
                and not means(profile, "not_profile_names"):  # "WhatsApp User" names nobody
            return profile, profile
        return None

    def ask_specially(self, talk: Talk, task: Task, spec: Field) -> bool:
        if spec.kind != DOCUMENTS:
            return False
        done = [button(talk, "tasks.buttons.done", "inform", do="done")]
        if task.files:
            talk.say("lok_seva.application.documents_more", count=len(task.files), buttons=done, tag="ask:documents")
            return True
        optional = pick(entry("lok_seva", "services.optional_document"), talk.language)
        names = [pick(d["name"], talk.language) + ("" if d["required"] else f" {optional}")
                 for d in task.context["service"]["documents"]]
        talk.say("lok_seva.application.documents", documents="\n".join(f"• {name}" for name in names),
                 buttons=done, tag="ask:documents")
        return True

    def take_file_or_pin(self, talk: Talk, task: Task, asked: Optional[Field]) -> None:
        message = talk.message
        if message.intent == "share_media_rejected":
            reason = str(message.entity("reason") or "")
            known = reason in ("too_large", "unsupported_type", "download_failed")
            talk.say(f"lok_seva.media_rejected.{reason if known else 'download_failed'}")
            return
        path = received_file(message)
        if path is None or task.context.get("service") is None:
            talk.say("lok_seva.media_rejected.download_failed" if path is None else "tasks.not_a_file_step")
            return
        try:
            keep_document(talk.sender_id, task, path, message)
        except BackendRejected as rejected:
            talk.say_text(rejected.message(talk.language), key="lok_seva.document_refused")
            return
        if asked is not None and asked.kind != DOCUMENTS:
            talk.say("lok_seva.application.document_kept", count=len(task.files))

    def summary(self, talk: Talk, task: Task) -> str:
        service = task.context["service"]
        lines = [talk.text("lok_seva.application.summary", service=pick(service["name"], talk.language)),
                 *(line for line in self.summary_lines(talk, task)[1:] if not line.endswith(": 0")),
                 talk.text("lok_seva.application.summary_fee", fee=service["fee_inr"], days=service["time_limit_days"])]
        return "\n".join(lines)

    def submit(self, talk: Talk, task: Task) -> None:
        service = task.context["service"]
        payload = {
            "body": {
                "service": service["code"],
                "applicant": {**_by_prefix(task, APPLICANT), "wa_id": talk.sender_id[:32]},
                "answers": _by_prefix(task, ANSWERS),
                "document_ids": [f["document_id"] for f in task.files if "document_id" in f],
            },
            # Files received while the API was away: uploaded and attached after submission.
            "files": [f for f in task.files if "document_id" not in f],
        }
        submit(talk, self.name, payload, task.key)
