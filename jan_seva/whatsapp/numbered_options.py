"""Options a citizen can answer by typing their number ("2", "२", "2.", "2️⃣").

The bot's buttons are remembered per user (see options_store); a reply that
is only a number picks that option's payload, as if the button was tapped.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, List, Mapping, Optional, Sequence

from common.ids import fold_digits

# "2", "२", "2.", "2)", "(2)", "2।" with surrounding spaces
_NUMBER_REPLY = re.compile(r"^\s*\(?\s*([0-9]{1,2})\s*[.):।]?\s*$")
# Keycap emoji, as WhatsApp's emoji keyboard offers them: "2️⃣" is "2" + VS16 + COMBINING ENCLOSING KEYCAP.
_KEYCAPS = str.maketrans({"\ufe0f": None, "\u20e3": None, "\U0001f51f": "10"})


@dataclass(frozen=True)
class Option:
    title: str
    payload: str

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Option":
        return cls(title=str(data["title"]), payload=str(data["payload"]))


def options_from_buttons(buttons: Iterable[Mapping[str, Any]]) -> List[Option]:
    """Rasa buttons (`title`, `payload`) as options; a button without payload sends its title."""
    options = []
    for button in buttons:
        title = str(button.get("title") or button.get("payload") or "").strip()
        if title:
            options.append(Option(title=title, payload=str(button.get("payload") or title)))
    return options


def numbered_text(body: str, titles: Sequence[str], hint: str) -> str:
    lines = [f"{number}. {title}" for number, title in enumerate(titles, start=1)]
    return "\n\n".join(part for part in (body.strip(), "\n".join(lines), hint) if part)


def chosen_number(text: str) -> Optional[int]:
    match = _NUMBER_REPLY.match(fold_digits((text or "").translate(_KEYCAPS)))
    return int(match.group(1)) if match else None


def payload_for_reply(text: str, options: Sequence[Option]) -> Optional[str]:
    """The chosen option's payload when `text` is one of the offered numbers."""
    number = chosen_number(text)
    if number is None or not 1 <= number <= len(options):
        return None
    return options[number - 1].payload
