"""Which script group a test message belongs to, for per-group scores."""
from __future__ import annotations

from jan_seva.text.language import detect_language
from jan_seva.text.normalize import has_devanagari

DEVANAGARI, ROMANIZED, ENGLISH = "devanagari", "romanized_hindi", "english"
GROUPS = (DEVANAGARI, ROMANIZED, ENGLISH)


def script_group(text: str) -> str:
    if has_devanagari(text):
        return DEVANAGARI
    return ROMANIZED if detect_language(text) == "hi" else ENGLISH
