"""Tracking numbers: find them in free text and bring them to canonical form.

Citizens type `LS-2026-000123` as "ls2026000123", "LS 2026 000123",
"ls-२०२६-१२३" ...; everything downstream sees only the canonical form
`PREFIX-YYYY-NNNNNN` (see the NLU contract).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

ID_ENTITIES = {"LS": "application_id", "CMP": "complaint_id"}
# The prefixes as citizens spell them in Devanagari.
_DEVANAGARI_PREFIXES = {"एलएस": "LS", "सीएमपी": "CMP"}

# Separators citizens put between the parts; digits may be Devanagari (folded
# before matching, which keeps every character offset unchanged).
_SEP = r"[\s\-_/.:#]*"
_ID_PATTERN = re.compile(
    rf"(?<![A-Za-z\u0900-\u097F])(?P<prefix>LS|CMP|एलएस|सीएमपी){_SEP}(?P<year>(?:19|20)\d\d){_SEP}(?P<number>\d{{1,6}})(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TrackingNumber:
    entity: str  # application_id | complaint_id
    value: str  # canonical form
    start: int
    end: int


def fold_digits(text: str) -> str:
    """Devanagari digits to ASCII, one character for one (offsets survive)."""
    return text.translate(DEVANAGARI_DIGITS)


def _prefix(match: re.Match) -> str:
    prefix = match.group("prefix").upper()
    return _DEVANAGARI_PREFIXES.get(prefix, prefix)


def _canonical(match: re.Match) -> str:
    prefix = _prefix(match)
    return f"{prefix}-{match.group('year')}-{int(match.group('number')):06d}"


def find_tracking_numbers(text: str) -> Iterator[TrackingNumber]:
    for match in _ID_PATTERN.finditer(fold_digits(text)):
        yield TrackingNumber(
            entity=ID_ENTITIES[_prefix(match)],
            value=_canonical(match),
            start=match.start(),
            end=match.end(),
        )


def canonical_id(text: str, entity: Optional[str] = None) -> Optional[str]:
    """The canonical form of the first tracking number in `text` (of `entity` if given)."""
    for found in find_tracking_numbers(text):
        if entity is None or found.entity == entity:
            return found.value
    return None
