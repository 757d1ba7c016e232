"""What each kind of task (an application, a certified copy, a home delivery,
a complaint) adds to the shared engine: its fields, what a value sets off,
the values it can offer, special questions, files and pins, its summary and
its submission. The engine (actions/tasks/turn.py) does the rest the same
way for all of them."""
from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Tuple

from actions.tasks.asking import choice_buttons
from actions.tasks.fields import AADHAAR, CHOICE, CONFIRM, DATE, LOCATION, MOBILE, Field
from actions.tasks.message import Message
from actions.tasks.state import SKIPPED, Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid
from actions.texts import pick
from common.masking import masked_aadhaar, masked_number

CONFIRM_FIELD = Field("confirm", CONFIRM, {"hi": "पुष्टि", "en": "confirmation"},
                      {"hi": "सब सही है? जमा कर दूँ?", "en": "Is everything correct? Shall I submit it?"})


def shown_value(spec: Field, value: Any, language: str) -> str:
    """An answer as summaries show it: personal numbers masked, choices by their label, dates as 15-08-1990."""
    if spec.kind == AADHAAR:
        return masked_aadhaar(value)
    if spec.kind == MOBILE:
        return masked_number(value)
    if spec.kind == DATE:
        try:
            return date.fromisoformat(str(value)).strftime("%d-%m-%Y")
        except ValueError:
            return str(value)
    if spec.kind == CHOICE and isinstance(value, list):  # several options ("कुत्ते, गाय")
        return ", ".join(shown_value(spec, item, language) for item in value)
    if spec.kind == CHOICE and spec.choice(value):
        return pick(spec.choice(value).label, language)  # type: ignore[union-attr]
    if spec.kind == LOCATION and isinstance(value, dict):  # a typed place or a pin, never the raw record
        return str(value.get("address") or value.get("place") or f"📍 {value.get('lat')}, {value.get('long')}")
    return str(value)


class TaskKind(ABC):
    name: str = ""
    confirm = True  # a summary to confirm before submitting
    takes_numbers = False  # whether an application number answers one of its questions (home delivery)
    service: Optional[str] = None  # the Lok Seva service it is about, for "iski fees kitni hai?"
    # What the task leads to, for "kitne din me hoga?" asked in its middle when no service answers it.
    what_follows: Optional[str] = None
    # "should I send a photo too?" during the task: the text that invites it (None: files are not asked for)
    photo_invite: Optional[str] = None
    # NLU entities that answer a field ("service" -> the service asked for).
    entity_fields: Mapping[str, str] = {}
    # Entities of the opening message that answer a field ("Pitol me khasra 130/1 ka namantaran": the village).
    opening_entity_fields: Mapping[str, str] = {}
    # Entities that name the request itself ("jati praman patra", "kachra", "Sudama Nagar"): not read as answers.
    opening_entities: Tuple[str, ...] = ("service", "complaint_category", "location", "scheme")

    def confirms(self, task: Task) -> bool:
        return self.confirm

    def start(self, talk: Talk, task: Task) -> None:
        """Takes what the opening message already says."""

    def opening_text(self, talk: Talk, task: Task) -> str:
        """The opening message without the words naming the request, to be read for answers."""
        return talk.message.typed_without(*self.naming_entities(task), taken=task.values) or talk.message.caption or ""

    def naming_entities(self, task: Task) -> Tuple[str, ...]:
        """The entities whose words name the request in this task's opening (opening_entities)."""
        return self.opening_entities

    @abstractmethod
    def fields(self, talk: Talk, task: Task) -> List[Field]:
        """The questions in order; later ones may depend on earlier answers. May raise BackendUnavailable."""

    def canonical(self, talk: Talk, task: Task, spec: Field, value: Any) -> Any:
        """The value as the task keeps it ("45 / 2" -> the village's "45/2")."""
        return value

    def accept(self, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
        """What a value sets off (a service chosen loads its questions); an Invalid refuses it."""
        return None

    def reopen(self, talk: Talk, task: Task, spec: Field) -> None:
        """The citizen changes an answer: drop what depended on it."""

    def explain_unmatched(self, talk: Talk, task: Task, asked: Optional[Field], why: Optional[Invalid] = None) -> bool:
        """Something useful to say about a message that answers nothing (a service not offered here,
        a place in another city); True when said, so the question is asked again without a reproach."""
        return False

    def service_of(self, task: Task) -> Optional[str]:
        """The Lok Seva service the task is about, for questions about "it" (fee, documents)."""
        return self.service

    def questions_pending(self, task: Task) -> bool:
        """Whether most questions appear only with an answer not given yet (which service): a message
        sent meanwhile is kept, to be read against them once they do."""
        return False

    def keep_unmatched(self, talk: Talk, task: Task, asked: Field) -> bool:
        """A reply that answers no question but is worth keeping (more details of a complaint);
        True when kept, and the task goes on."""
        return False

    def offer(self, talk: Talk, task: Task, spec: Field) -> Optional[Tuple[Any, str]]:
        """A value the bot already knows for the field, and how to show it: accepted with one tap."""
        return None

    def ask_specially(self, talk: Talk, task: Task, spec: Field) -> bool:
        """Asks a question of its own making (a location with WhatsApp's pin button); False for the usual way."""
        return False

    def question_text(self, talk: Talk, task: Task, spec: Field) -> str:
        return spec.text(talk.language)

    def choice_buttons(self, talk: Talk, task: Task, spec: Field) -> List[Dict[str, str]]:
        return choice_buttons(talk, task, spec)

    def take_shared_before(self, talk: Talk, task: Task, shared: List[Message]) -> None:
        """Pins and files the citizen sent just before asking for this task."""

    def take_file_or_pin(self, talk: Talk, task: Task, asked: Optional[Field]) -> None:
        """A photo, a document or a location pin sent during the task."""
        talk.say("tasks.not_a_file_step")

    def files_value(self, task: Task) -> Any:
        return len(task.files)

    @staticmethod
    def summary_line(talk: Talk, spec: Field, value: Any) -> str:
        return talk.text("tasks.summary_line", label=pick(spec.label, talk.language),
                         value=shown_value(spec, value, talk.language))

    def summary_lines(self, talk: Talk, task: Task) -> List[str]:
        lines = []
        for spec in self.fields(talk, task):
            value = task.values.get(spec.name, SKIPPED)
            if value is not SKIPPED and spec.kind != CONFIRM:
                lines.append(self.summary_line(talk, spec, value))
        return lines

    def summary(self, talk: Talk, task: Task) -> str:
        return "\n".join(self.summary_lines(talk, task))

    @abstractmethod
    def submit(self, talk: Talk, task: Task) -> None:
        """Sends the task (through the submission outbox) and tells the citizen."""
