"""Questions of the Lok Seva forms: each one knows how to ask itself and how
to take an answer. The kinds here serve every flow; a flow (flows/*.py)
lists its questions."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Set

from rasa_sdk.executor import CollectingDispatcher

from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.display import button, day, masked_aadhaar, masked_mobile, say
from actions.lok_seva.form_state import FormState
from actions.lok_seva.replies import Reply, lone_number
from actions.words import name_in, normalise
from actions.texts import pick


@dataclass
class Ask:
    """Everything a question works with during one turn."""

    state: FormState
    language: str
    client: LokSevaClient
    sender_id: str
    dispatcher: CollectingDispatcher

    def text(self, key: str, /, **params: Any) -> str:
        return say(key, self.language, **params)

    def say(self, key: str, /, **params: Any) -> None:
        self.dispatcher.utter_message(text=self.text(key, **params))


@dataclass(frozen=True)
class Prompt:
    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)


class Outcome:
    pass


@dataclass(frozen=True)
class Answer(Outcome):
    value: Any


@dataclass(frozen=True)
class Problem(Outcome):
    text: str


class Again(Outcome):
    """The reply changed something (a page turned, a file added): the same question is asked again."""


class Cancel(Outcome):
    pass


class Question(ABC):
    key: str

    @abstractmethod
    def prompt(self, ask: Ask) -> Prompt:
        ...

    @abstractmethod
    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        ...

    def claims(self, ask: Ask, reply: Reply) -> bool:
        """Whether a reply the NLU read as another request is plainly this question's answer
        ("khasra" asked which record, "आय प्रमाण पत्र" asked which service)."""
        return False


def option_button(title: str, value: str) -> Dict[str, str]:
    return button(title, "inform", option=value)


def is_skip(reply: Reply) -> bool:
    return reply.intent == "deny" or reply.says("skip")


# Catalogue fields -------------------------------------------------------------

APPLICANT = "applicant."


def catalogue_field(spec: Dict[str, Any], applicant: bool) -> Dict[str, Any]:
    """A catalogue field as kept in the form state; `path` is how the API's validation names it."""
    path = (APPLICANT if applicant else "") + spec["name"]
    return {
        "key": path if applicant else f"answers.{spec['name']}",
        "path": path,
        "type": spec["type"],
        "label": spec["label"],
        "question": spec["question"],
        "required": spec.get("required", True),
        "choices": spec.get("choices") or [],
    }


def shown_value(field_spec: Dict[str, Any], value: Any, language: str) -> str:
    """An answer as the summary shows it: personal numbers masked, choices by their label."""
    kind = field_spec["type"]
    if kind == "aadhaar":
        return masked_aadhaar(value)
    if kind == "mobile":
        return masked_mobile(value)
    if kind == "date":
        return day(str(value))
    if kind == "choice":
        return next((pick(c, language) for c in field_spec["choices"] if c["value"] == value), str(value))
    return str(value)


# What a chat sentence around an answer leaves for the API to check, by field type ("मेरा मोबाइल
# नंबर 98765 43210 है"); amounts and dates the API reads itself ("80 हजार", "15 अगस्त 1990").
ANSWER_IN_SENTENCE: Dict[str, Callable[[str], str]] = {
    "mobile": lone_number, "pincode": lone_number, "aadhaar": lone_number, "name": name_in,
}


class FieldQuestion(Question):
    """A question of the catalogue, checked by the API (POST /services/{code}/validate)."""

    def __init__(self, spec: Dict[str, Any], service_code: str):
        self.spec = spec
        self.service_code = service_code
        self.key = spec["key"]

    def prompt(self, ask: Ask) -> Prompt:
        question = pick(self.spec["question"], ask.language)
        buttons = [option_button(pick(choice, ask.language), choice["value"]) for choice in self.spec["choices"]]
        if not self.spec["required"]:
            question = f"{question} {ask.text('form.optional')}"
            buttons.append(button(ask.text("buttons.skip"), "deny"))
        return Prompt(question, buttons)

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        if not self.spec["required"] and is_skip(reply):
            return Answer(None)
        raw = reply.entity("option") or reply.typed()
        if self.spec["type"] in ANSWER_IN_SENTENCE:
            raw = ANSWER_IN_SENTENCE[self.spec["type"]](raw)
        try:
            return Answer(ask.client.validate_field(self.service_code, self.spec["path"], raw))
        except BackendRejected as rejected:
            return Problem(rejected.detail(ask.language))
        except BackendUnavailable:
            return Answer(raw)  # the API checks it again when the form is submitted

    def claims(self, ask: Ask, reply: Reply) -> bool:
        typed = normalise(reply.typed())
        return bool(typed) and any(Option(choice["value"], {"hi": choice["hi"], "en": choice["en"]}).matches(typed)
                                   for choice in self.spec["choices"])


# Choices from a list ----------------------------------------------------------

@dataclass(frozen=True)
class Option:
    value: str
    label: Dict[str, str]
    aliases: List[str] = field(default_factory=list)

    def names(self) -> Set[str]:
        return {normalise(name) for name in [self.value, *self.label.values(), *self.aliases]}

    def matches(self, typed: str) -> bool:
        return typed in self.names()

    def mentioned_in(self, text: str) -> bool:
        """Whether a name of the option stands as whole words in the (normalised) text."""
        return any(f" {name} " in f" {text} " for name in self.names())


class ChoiceQuestion(Question):
    """One of a few options, as buttons or typed by name."""

    def __init__(self, key: str, texts: str, options: Callable[[Ask], List[Option]]):
        self.key = key
        self.texts = texts  # content key with `ask` and `unknown`
        self.options = options

    def prompt(self, ask: Ask) -> Prompt:
        return Prompt(ask.text(f"{self.texts}.ask"),
                      [option_button(pick(option.label, ask.language), option.value) for option in self.options(ask)])

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        option = self._named(ask, str(reply.entity("option") or reply.typed()))
        if option is None:
            return Problem(ask.text(f"{self.texts}.unknown"))
        self.chosen(ask, option)
        return Answer(option.value)

    def claims(self, ask: Ask, reply: Reply) -> bool:
        return self._named(ask, reply.typed()) is not None

    def mentioned(self, ask: Ask, text: str) -> Optional[Answer]:
        """The answer a longer message gives ("khatauni ki nakal chahiye") when it names exactly one option."""
        named = [option for option in self.options(ask) if option.mentioned_in(normalise(text))]
        if len(named) != 1:
            return None
        self.chosen(ask, named[0])
        return Answer(named[0].value)

    def _named(self, ask: Ask, typed: str) -> Optional[Option]:
        wanted = normalise(typed)
        return next((option for option in self.options(ask) if option.matches(wanted)), None) if wanted else None

    def chosen(self, ask: Ask, option: Option) -> None:
        """What a flow keeps about the option chosen."""


# Confirmation -----------------------------------------------------------------

class ConfirmQuestion(Question):
    key = "confirm"

    def __init__(self, summary: Callable[[Ask], str]):
        self.summary = summary

    def prompt(self, ask: Ask) -> Prompt:
        return Prompt(f"{self.summary(ask)}\n\n{ask.text('form.confirm')}", [
            button(ask.text("buttons.submit"), "affirm"),
            button(ask.text("buttons.cancel"), "deny"),
        ])

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        if reply.intent == "affirm":
            return Answer(True)
        if reply.intent == "deny":
            return Cancel()
        return Problem(ask.text("form.confirm_again"))


def summary_lines(ask: Ask, fields: List[Dict[str, Any]]) -> List[str]:
    answers = ask.state.answers
    return [
        f"• {pick(spec['label'], ask.language)}: {shown_value(spec, answers[spec['key']], ask.language)}"
        for spec in fields
        if answers.get(spec["key"]) is not None
    ]


def answered_fields(state: FormState, fields: List[Dict[str, Any]], prefix: str) -> Dict[str, Any]:
    """The answers of the fields whose key starts with `prefix`, by field name; skipped ones left out."""
    return {
        spec["key"][len(prefix):]: state.answers[spec["key"]]
        for spec in fields
        if spec["key"].startswith(prefix) and state.answers.get(spec["key"]) is not None
    }


def first_open(questions: List[Question], state: FormState) -> Optional[Question]:
    return next((question for question in questions if question.key not in state.answers), None)
