"""Normalisation that makes spelling variants of one word look alike.

WhatsApp text mixes precomposed and decomposed nukta letters, ZWJ/ZWNJ, NBSP,
chandrabindu/anusvara and nasal-consonant spellings (हिन्दी/हिंदी), Devanagari
digits, and romanized words with stretched letters ("pleaseee"). Tokens keep
their original text; the normalised form is what features are built from.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from indicnlp.normalize.indic_normalize import DevanagariNormalizer

from common.ids import fold_digits

_INVISIBLES = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN_REPEATS = re.compile(r"([a-z])\1{2,}")


@functools.lru_cache(maxsize=1)
def _devanagari_normalizer() -> DevanagariNormalizer:
    return DevanagariNormalizer(
        lang="hi",
        remove_nuktas=True,
        nasals_mode="to_anusvaara_relaxed",
        do_normalize_chandras=True,
    )


def has_devanagari(text: str) -> bool:
    return bool(_DEVANAGARI.search(text))


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def mostly_devanagari(text: str) -> bool:
    """More Devanagari than Latin letters: an English text quoting a Hindi name or note is still English."""
    return len(_DEVANAGARI.findall(text)) > len(_LATIN_LETTER.findall(text))


# Words seen are few and come back in every message; each is normalised once.
WORDS_CACHED = 1 << 16


@functools.lru_cache(maxsize=WORDS_CACHED)
def normalize_token(token: str) -> str:
    """Normalised form of one token (a word, never a sentence).

    The indic normaliser works per Devanagari token only: on whole messages it
    would turn `|` into `।` and colons into visargas.
    """
    text = unicodedata.normalize("NFC", token).translate(_INVISIBLES)
    text = fold_digits(text).lower()
    if has_devanagari(text):
        return _devanagari_normalizer().normalize(text).replace("\u0901", "\u0902")
    return _LATIN_REPEATS.sub(r"\1\1", text)


def clean_message(text: str) -> str:
    """A message with invisible characters dropped and spaces unified, for display/logic."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLES)
    return " ".join(text.split())
