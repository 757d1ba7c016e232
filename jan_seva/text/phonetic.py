"""A script-independent sound skeleton of a word.

"प्रमाण", "praman", "pramaan" and "parmaan" all become "prmn": Devanagari is
transliterated letter by letter, then vowels (the least stable part of
informal romanization), doubled letters and look-alike consonant spellings
are folded. Used as a feature so that Devanagari and romanized spellings of
the same word look alike to the model.
"""
from __future__ import annotations

import functools
import re

from jan_seva.text.normalize import WORDS_CACHED, normalize_token

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n",
    "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "f", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v",
    "श": "sh", "ष": "sh", "स": "s", "ह": "h",
}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri",
    "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}
_MATRAS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri",
    "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o", "ॅ": "e",
}
# Visarga, virama and nukta carry no stable sound in informal spelling; a
# word-final nasal mark neither ("nahi" for नहीं); an inner one is an "n"
# ("hindi" for हिंदी, "dhanyawad" for धन्यवाद after nasal normalisation).
_NASALS = "\u0902\u0901"
_SILENT = set("\u0903\u093c\u094d")
_FINAL_NASAL = re.compile(f"[{_NASALS}]$")

_LATIN_FOLDS = [
    (re.compile(r"ght"), "t"),  # light, night
    (re.compile(r"m(?=[bp])"), "n"),  # sambal / संबल
    (re.compile(r"n(?=m)"), "m"),  # सम्मान written संमान after nasal normalisation
    (re.compile(r"c(?=[eiy])"), "s"),  # certificate / सर्टिफिकेट
    (re.compile(r"chh|ch|c"), lambda m: "c" if m.group() != "c" else "k"),  # complaint / कंप्लेंट
    (re.compile(r"sh"), "s"),
    (re.compile(r"ph|f"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "j"),
    (re.compile(r"q"), "k"),
    (re.compile(r"x"), "ks"),
]
_VOWEL = re.compile(r"[aeiouy](?!$)|[aeiou]")
_REPEAT = re.compile(r"(.)\1+")


def transliterate(word: str) -> str:
    """Devanagari letters to rough Latin; other characters unchanged.

    A consonant directly followed by another consonant carries the inherent
    "a" (सहायता is "sahayata", not "shyt"), so that the Latin digraph folds
    below never glue two Devanagari letters together.
    """
    word = _FINAL_NASAL.sub("", word)
    letters = []
    for ch, following in zip(word, word[1:] + " "):
        if ch in _CONSONANTS:
            letters.append(_CONSONANTS[ch] + ("a" if following in _CONSONANTS else ""))
        else:
            letters.append(
                _VOWELS.get(ch)
                or _MATRAS.get(ch)
                or ("n" if ch in _NASALS else "" if ch in _SILENT else ch)
            )
    return "".join(letters)


@functools.lru_cache(maxsize=WORDS_CACHED)
def sound_of(word: str) -> str:
    """One token in folded Latin, vowels kept: "खेती" and "kheti" both "kheti"."""
    latin = transliterate(normalize_token(word))
    for pattern, replacement in _LATIN_FOLDS:
        latin = pattern.sub(replacement, latin)
    return latin


@functools.lru_cache(maxsize=WORDS_CACHED)
def phonetic_key(word: str) -> str:
    """The sound skeleton of one token: first letter kept, later vowels dropped."""
    latin = sound_of(word)
    if not latin:
        return ""
    head, tail = latin[0], _VOWEL.sub("", latin[1:])
    return _REPEAT.sub(r"\1", head + tail)
