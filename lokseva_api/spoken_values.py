"""Amounts and dates as citizens write them in a chat ("80 हजार", "1.5 lakh",
"₹ 1,20,000 सालाना", "15 अगस्त 1990") turned into the plain forms the field
validators read. The words come from data/spoken_values.yml."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Pattern

from pydantic import BaseModel

from jan_seva.text.ids import fold_digits

from .datafiles import load_yaml_model

SPOKEN_VALUES_FILE = Path(__file__).with_name("data") / "spoken_values.yml"
# Word characters of any script, Devanagari matras included (re's \w misses them).
_WORD_CHAR = r"\w\u0900-\u097F"


class SpokenValues(BaseModel):
    multipliers: Dict[int, List[str]]
    currency_words: List[str]
    months: Dict[int, List[str]]


def _folded(text: str) -> str:
    """Compared forms: ASCII digits, no capitals, one encoding of nukta letters (ज़ = ज + ़)."""
    return unicodedata.normalize("NFC", fold_digits(text).casefold())


def _any_word(words: Iterable[str]) -> str:
    """A pattern of whole words, the longest first ("lakh rupees" before "lakh"); a word that
    starts or ends with a sign ("₹", "/-") may touch what stands beside it."""
    def whole(word: str) -> str:
        before = rf"(?<![{_WORD_CHAR}])" if re.match(rf"[{_WORD_CHAR}]", word) else ""
        after = rf"(?![{_WORD_CHAR}])" if re.search(rf"[{_WORD_CHAR}]$", word) else ""
        return before + re.escape(word) + after
    return "(?:" + "|".join(whole(word) for word in sorted(words, key=len, reverse=True)) + ")"


class Patterns:
    def __init__(self, values: SpokenValues):
        self.multiplier_of = {_folded(word): factor for factor, words in values.multipliers.items() for word in words}
        self.term: Pattern[str] = re.compile(rf"\s*(\d+(?:\.\d+)?)\s*({_any_word(self.multiplier_of)})?\s*")
        self.noise = re.compile(_any_word(map(_folded, values.currency_words)))
        self.month_of = {_folded(word): month for month, words in values.months.items() for word in words}
        self.month = re.compile(_any_word(self.month_of))


@lru_cache(maxsize=None)
def _patterns() -> Patterns:
    return Patterns(load_yaml_model(SPOKEN_VALUES_FILE, SpokenValues))


def plain_amount(text: str) -> str:
    """"80 हजार" -> "80000", "1 लाख 20 हज़ार" -> "120000", "₹ 1,20,000 रुपये" -> "1,20,000";
    anything else comes back as it was, for the validator to judge."""
    patterns = _patterns()
    cleaned = patterns.noise.sub(" ", _folded(text)).strip()
    terms = list(patterns.term.finditer(cleaned.replace(",", "")))
    spoken = any(term.group(2) for term in terms)
    if not spoken or "".join(term.group(0) for term in terms) != cleaned.replace(",", ""):
        return cleaned or text
    total = sum(Decimal(term.group(1)) * patterns.multiplier_of.get(term.group(2) or "", 1) for term in terms)
    return str(int(total)) if total == total.to_integral_value() else text


def plain_date(text: str) -> str:
    """"15 अगस्त 1990", "Aug 15, 1990" -> "15-08-1990"; anything else comes back as it was."""
    patterns = _patterns()
    folded = _folded(text)
    months = {patterns.month_of[found.group(0)] for found in patterns.month.finditer(folded)}
    numbers = re.findall(r"\d+", folded)
    days = [number for number in numbers if len(number) <= 2]
    years = [number for number in numbers if len(number) == 4]
    if len(months) != 1 or len(days) != 1 or len(years) != 1 or len(numbers) != 2:
        return text
    return f"{int(days[0]):02d}-{months.pop():02d}-{years[0]}"
