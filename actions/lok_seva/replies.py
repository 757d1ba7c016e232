"""The citizen's latest message as the Lok Seva flows read it, and the words
that stop, skip or finish a step (content/lok_seva.yml, `words`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from jan_seva.text.ids import find_tracking_numbers, fold_digits
from rasa_sdk import Tracker

from actions.texts import entry

_PUNCTUATION = re.compile(r"[\s.,:;!?।'\"()\-]+")
# Digits with the spaces and hyphens people group them by ("98765 43210", "2345-6789-0123").
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-]*\d)*")


def normalise(text: str) -> str:
    return _PUNCTUATION.sub(" ", text.casefold()).strip()


def lone_number(text: str) -> str:
    """The one number written in a sentence ("मेरा आधार २३४५ ६७८९ ०१२३ है" -> "2345 6789 0123");
    the text itself when it holds none or several, for the validation to answer."""
    runs = _DIGIT_RUN.findall(fold_digits(text))
    return runs[0].strip() if len(runs) == 1 else text


def _phrase_at_start(words: List[str], phrases: List[str]) -> int:
    """How many of the first words form one of the phrases (0 when none does)."""
    for phrase in sorted((normalise(p).split() for p in phrases), key=len, reverse=True):
        if phrase and words[:len(phrase)] == phrase:
            return len(phrase)
    return 0


def name_in(text: str) -> str:
    """The name in "मेरा नाम सुनीता भूरिया है", "mere pita ka naam Ramesh hai", "my name is Sunita" or
    "मैं सुनीता हूँ" (content/lok_seva.yml: name_words, name_openers, name_links); the text itself
    when nothing is said around the name."""
    words = text.split()
    folded = [normalise(word) for word in words]
    name_words = {normalise(word) for word in entry("lok_seva", "name_words")}
    start = next((index + 1 for index, word in enumerate(folded) if word in name_words), None)
    if start is None:
        start = _phrase_at_start(folded, entry("lok_seva", "name_openers"))
    links = {normalise(word) for word in entry("lok_seva", "name_links")}
    end = len(words)
    while start < end and (folded[start] in links or not folded[start]):
        start += 1
    while end > start and (folded[end - 1] in links or not folded[end - 1]):
        end -= 1
    name = " ".join(words[start:end]).strip(" :-,.।")
    return name or text


@dataclass(frozen=True)
class Reply:
    text: str
    intent: Optional[str] = None
    entities: Dict[str, Any] = field(default_factory=dict)
    metadata: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def latest(cls, tracker: Tracker) -> "Reply":
        message = tracker.latest_message or {}
        entities: Dict[str, Any] = {}
        for item in message.get("entities") or []:
            entities.setdefault(item.get("entity"), item.get("value"))
        return cls(
            text=message.get("text") or "",
            intent=(message.get("intent") or {}).get("name"),
            entities=entities,
            metadata=message.get("metadata") or {},
        )

    def entity(self, name: str) -> Optional[Any]:
        return self.entities.get(name)

    def typed(self) -> str:
        """What the citizen typed; empty for a button payload ("/intent{...}")."""
        return "" if self.text.startswith("/") else self.text.strip()

    def says(self, meaning: str) -> bool:
        """Whether the message is one of the `words` for `meaning` (cancel, skip, done).

        Whole messages only: "stop" ends a form, "near the bus stop" is an address.
        """
        message = normalise(self.typed())
        return bool(message) and message in {normalise(word) for word in entry("lok_seva", f"words.{meaning}")}

    def application_number(self) -> Optional[str]:
        """An application number given as an entity, or typed in any spelling the NLU accepts."""
        if self.entity("application_id"):
            return str(self.entity("application_id"))
        return next((number.value for number in find_tracking_numbers(self.text)
                     if number.entity == "application_id"), None)
