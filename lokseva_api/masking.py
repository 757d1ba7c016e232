"""Names as public answers show them (certificate verification): initials only.
Numbers are masked by common.masking, as in every process."""
from __future__ import annotations

import unicodedata


def _first_letter(word: str) -> str:
    """The first letter with its marks (matra, virama + next consonant), so Devanagari stays legible."""
    end = 1
    while end < len(word) and (unicodedata.category(word[end]).startswith("M") or word[end - 1] == "\u094d"):
        end += 1
    return word[:end]


def mask_name(name: str) -> str:
    """'Sunita Bhuria' -> 'S*** B***' (public verification shows no full names)."""
    return " ".join(_first_letter(word) + "***" for word in name.split())
