"""The citizen's latest message as the Lok Seva flows read it, and the words
that stop, skip or finish a step (actions/words.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

from jan_seva.text.ids import find_tracking_numbers, fold_digits
from rasa_sdk import Tracker

from actions.words import means

# Digits with the spaces and hyphens people group them by ("98765 43210", "2345-6789-0123").
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-]*\d)*")


def lone_number(text: str) -> str:
    """The one number written in a sentence ("मेरा आधार २३४५ ६७८९ ०१२३ है" -> "2345 6789 0123");
    the text itself when it holds none or several, for the validation to answer."""
    runs = _DIGIT_RUN.findall(fold_digits(text))
    return runs[0].strip() if len(runs) == 1 else text


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
        return means(self.typed(), meaning)

    def application_number(self) -> Optional[str]:
        """An application number given as an entity, or typed in any spelling the NLU accepts."""
        if self.entity("application_id"):
            return str(self.entity("application_id"))
        return next((number.value for number in find_tracking_numbers(self.text)
                     if number.entity == "application_id"), None)
