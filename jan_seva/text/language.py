"""Which language a citizen writes in: `hi` (Devanagari or romanized Hindi) or `en`.

Any Devanagari letter decides at once. A Latin-script message is romanized Hindi
when it has more Hindi marker words (a designer-edited list) than English
function words. Messages with no words ("1", "👍") give None so that the
conversation keeps the language it had. Words Hinglish borrows ("complaint",
"near") with no Hindi word beside them only lean to English: enough to start a
conversation in English ("garbage complaint"), not to switch one a citizen
writes in Hindi ("Sector B, near Shiv mandir" typed as an address).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import FrozenSet, Optional, Tuple

import regex
import yaml

from jan_seva.text.normalize import normalize_token

MARKERS_FILE = Path(__file__).with_name("data") / "language_markers.yml"

_DEVANAGARI_LETTER = regex.compile(r"[\u0900-\u0963\u0971-\u097F]")
_LATIN_WORD = regex.compile(r"[a-zA-Z]+")

# English function words; nouns that Hinglish borrows ("certificate",
# "status", "complaint") are deliberately absent.
_ENGLISH_WORDS = frozenset(
    """the a an is are am was were be been my your our his her their i you we they it this that
    these those what which who whom whose when where why how want wants need needs can could
    would should will shall does did have has had get got please thanks thank tell give
    show of for to from in on at with about and or not no yes yeah yep there here any some
    us him them hi hey hello bye good morning evening night today tomorrow kindly know like
    just still already since many much""".split()
)


@functools.lru_cache(maxsize=1)
def _markers() -> dict:
    return yaml.safe_load(MARKERS_FILE.read_text(encoding="utf-8"))


def hindi_markers() -> FrozenSet[str]:
    return _marker_set("hindi")


@functools.lru_cache(maxsize=None)
def _marker_set(key: str) -> FrozenSet[str]:
    return frozenset(normalize_token(word) for word in _markers()[key])


def detect_language(text: str) -> Optional[str]:
    if _DEVANAGARI_LETTER.search(text):
        return "hi"
    words = [normalize_token(w) for w in _LATIN_WORD.findall(text)]
    hindi = sum(word in hindi_markers() for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    if hindi > english:
        return "hi"
    if english > hindi:
        return "en"
    return None


def leaning_language(text: str) -> Optional[str]:
    """English for a message of borrowed words and not one Hindi marker ("garbage complaint")."""
    if _DEVANAGARI_LETTER.search(text):
        return None
    words = [normalize_token(w) for w in _LATIN_WORD.findall(text)]
    if not any(word in hindi_markers() for word in words) \
            and any(word in _marker_set("english_borrowed") for word in words):
        return "en"
    return None


LANGUAGES = ("hi", "en")
SET_LANGUAGE = "set_language"
# "ok thanks", "yes", "bye": Hindi speakers say them in English too, so they do not switch a conversation
COURTESIES = frozenset({"thank", "affirm", "deny", "goodbye"})


SURE_SWITCH = 0.8  # "bhasha badlo" names no language: only a request the NLU is this sure of switches


def reply_language(current: Optional[str], locked: bool, intent: Optional[str], detected: Optional[str],
                   requested: Optional[str], leaning: Optional[str] = None, confidence: float = 1.0) -> Tuple[str, bool]:
    """The language to answer a message in, and whether it is now locked.

    "English please" (set_language) chooses a language and locks it, or switches
    to the other one when it names none and the NLU is sure ("पता बदलना है, अब हम
    गाँव में रहते हैं" read as one at 0.46 is not); a locked language sticks; otherwise the
    language the message is written in; a message without words, or only a courtesy
    or a yes or no, keeps the last one; the language a message only leans to starts
    a conversation in it.
    """
    if intent == SET_LANGUAGE and requested in LANGUAGES:
        return str(requested), True
    if intent == SET_LANGUAGE and confidence >= SURE_SWITCH:
        return ("en" if current == "hi" else "hi"), True
    if locked:
        return current or "hi", True
    if detected in LANGUAGES and not (current and intent in COURTESIES):
        return str(detected), False
    if not current and leaning in LANGUAGES:
        return str(leaning), False
    return current or "hi", False
