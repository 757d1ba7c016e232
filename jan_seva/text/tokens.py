"""Split a message into word spans, keeping tracking numbers whole.

Python's `re` does not count matras and virama as word characters, so words
are matched with the `regex` module's Unicode classes (letters, marks,
digits, plus ZWJ/ZWNJ that sit inside Devanagari words). Emoji and other
symbols become tokens of their own ("👍" means something); punctuation goes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

import regex

from common.ids import find_tracking_numbers

# An emoji keeps its variation selector, skin tone and ZWJ-joined parts (❤️, 👍🏽, 👨‍👩‍👧).
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_\u200c\u200d]+|\p{So}(?:[\p{M}\p{Sk}]|\u200d\p{So})*")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    id_entity: Optional[str] = None  # application_id / complaint_id for tracking numbers


def split_words(text: str) -> List[Span]:
    ids = list(find_tracking_numbers(text))
    spans = [Span(text[t.start : t.end], t.start, t.end, t.entity) for t in ids]
    for match in _WORD.finditer(text):
        if not any(t.start <= match.start() < t.end for t in ids):
            spans.append(Span(match.group(), match.start(), match.end()))
    return sorted(spans, key=lambda span: span.start)
