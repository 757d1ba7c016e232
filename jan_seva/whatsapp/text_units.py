"""Cutting text for WhatsApp's length limits without breaking letters.

A user-perceived letter (grapheme) is the `regex` module's `\\X` cluster,
with one addition: a cluster ending in a virama (्) joins the next
consonant's cluster, so a conjunct such as "क्षि" or "स्त्री" (consonant +
virama + consonant + matra) is one unit. `\\X` in the installed Unicode
version splits conjuncts after the virama, which would leave a dangling
half-letter at a cut.
"""
from __future__ import annotations

import unicodedata
from typing import List

import regex

ELLIPSIS = "…"
_CLUSTER = regex.compile(r"\X")
_VIRAMA_CLASS = 9  # canonical combining class of every Indic virama
_JOINERS = "\u200c\u200d"


def _ends_in_virama(cluster: str) -> bool:
    stripped = cluster.rstrip(_JOINERS)
    return bool(stripped) and unicodedata.combining(stripped[-1]) == _VIRAMA_CLASS


def _starts_with_letter(cluster: str) -> bool:
    return unicodedata.category(cluster[0]).startswith("L")


def graphemes(text: str) -> List[str]:
    units: List[str] = []
    for cluster in _CLUSTER.findall(text):
        if units and _ends_in_virama(units[-1]) and _starts_with_letter(cluster):
            units[-1] += cluster
        else:
            units.append(cluster)
    return units


def truncate(text: str, limit: int, ellipsis: str = ELLIPSIS) -> str:
    """`text` if it fits in `limit` characters, else whole letters + "…"."""
    if len(text) <= limit:
        return text
    kept = ""
    for unit in graphemes(text):
        if len(kept) + len(unit) + len(ellipsis) > limit:
            break
        kept += unit
    return kept.rstrip() + ellipsis


def _words(text: str) -> List[str]:
    """Runs of non-space letters, each with the white space that follows it."""
    words: List[str] = []
    for unit in graphemes(text):
        if words and (unit.isspace() or not words[-1][-1].isspace()):
            words[-1] += unit
        else:
            words.append(unit)
    return words


def _hard_split(word: str, limit: int) -> List[str]:
    pieces = [""]
    for unit in graphemes(word):
        if len(pieces[-1]) + len(unit) > limit:
            pieces.append("")
        pieces[-1] += unit
    return pieces


def split_text(text: str, limit: int) -> List[str]:
    """Chunks of at most `limit` characters, cut between words.

    A word longer than `limit` (a long link) is cut between letters.
    """
    chunks: List[str] = []
    current = ""
    for word in _words(text.strip()):
        if len(current) + len(word.rstrip()) <= limit:
            current += word
            continue
        if current.strip():
            chunks.append(current.rstrip())
        pieces = _hard_split(word, limit) if len(word.rstrip()) > limit else [word]
        chunks.extend(pieces[:-1])
        current = pieces[-1]
    if current.strip():
        chunks.append(current.rstrip())
    return chunks
