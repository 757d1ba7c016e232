"""Values as citizens write them in a chat, read by the bot itself.

Amounts ("80 हजार", "1.5 lakh", "₹ 1,20,000 रुपये"), dates ("15 अगस्त 1990",
"15/8/90"), mobiles, PIN codes, the last digits of an Aadhaar number and
names said in a sentence become the plain values a backend takes; the
backends receive clean values only. Spellings of amounts and months:
content/spoken_values.yml.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import AbstractSet, Any, Dict, Iterable, List, Match, Optional, Pattern, Set

from actions.texts import content
from common.ids import fold_digits
from common.words import mentions, normalise

_WORD_CHAR = r"\w\u0900-\u097F"  # word characters of any script, Devanagari matras included
_GROUPED_DIGITS = re.compile(r"\+?\d(?:[\s\-]?\d)*")
_HYPHENATED_DATE = re.compile(r"\d{1,2}-\d{1,2}-(?:\d{2}|\d{4})")


@dataclass(frozen=True)
class Invalid:
    """Why a reply is not a value of the field: a text of content/tasks.yml `invalid` by its code,
    or any text by its full key."""
    code: str
    params: Dict[str, Any] = field(default_factory=dict)
    key: str = ""

    @property
    def text_key(self) -> str:
        return self.key or f"tasks.invalid.{self.code}"


@dataclass(frozen=True)
class PartChanged:
    """"Scheme 78, not Scheme 54": a written answer whose named part changes; the rest of it stays."""
    old: str
    new: str

    def _found(self, written: str) -> Optional[Match[str]]:
        """The old words as the answer holds them; words before them may be the citizen's ("sorry गाँव
        कालीदेवी"), so the longest ending of them found counts."""
        words = self.old.split()
        for start in range(len(words)):
            found = re.search(rf"(?<![{_WORD_CHAR}]){re.escape(' '.join(words[start:]))}(?![{_WORD_CHAR}])",
                              written, re.IGNORECASE)
            if found:
                return found
        return None

    def within(self, written: str) -> Optional["PartChanged"]:
        """This change with the old words as the answer holds them, if it holds them."""
        found = self._found(written)
        return PartChanged(found.group(0), self.new) if found else None

    def applied_to(self, written: str) -> str:
        """The answer with its old part replaced; only the new part when the old one is not in it, or when
        the new part already says the rest ("Rooplal Kushwaha, not Roopsingh" of "Roopsingh Kushwaha")."""
        found = self._found(written)
        if found is None:  # "Ward 9 not Ward 11" of "Ward 9, …": nothing to change when the answer says so already
            return written if written and PartChanged(self.new, "")._found(written) else self.new
        if len(self.new.split()) >= len(written.split()):  # as long as the answer: a new answer, not a part of it
            return self.new
        before, after = written[:found.start()], written[found.end():]
        if _words_of(f"{before} {after}") <= _words_of(self.new):
            return self.new
        # "Palasia nahi, Manoramaganj side" of "Geeta Bhawan, Palasia side": "side" is not said twice, nor
        # "ग्राम" in "रामा नहीं, ग्राम पिटोल" of "ग्राम रामा, तहसील झाबुआ"
        new = [folded(word) for word in self.new.split()]
        following = [folded(word.strip(",.;")) for word in after.split()]
        preceding = [folded(word.strip(",.;")) for word in before.split()]
        overlap = max((size for size in range(1, len(new)) if new[-size:] == following[:size]), default=0)
        lead = max((size for size in range(1, len(new) - overlap) if new[:size] == preceding[-size:]), default=0)
        return before + " ".join(self.new.split()[lead:len(new) - overlap]) + after


def _words_of(text: str) -> Set[str]:
    return {word.strip(",.;:-()") for word in folded(text).split()} - {""}


def folded(text: str) -> str:
    """Compared forms: ASCII digits, no capitals, one encoding of nukta letters."""
    return unicodedata.normalize("NFC", fold_digits(text).casefold())


def _any_word(words: Iterable[str]) -> str:
    """Whole words, the longest first; a word starting or ending with a sign ("₹", "/-") may touch its
    neighbour, and a word may follow digits directly ("80k", "1.5lakh")."""
    def whole(word: str) -> str:
        before = rf"(?:(?<![{_WORD_CHAR}])|(?<=\d))" if re.match(rf"[{_WORD_CHAR}]", word) else ""
        after = rf"(?![{_WORD_CHAR}])" if re.search(rf"[{_WORD_CHAR}]$", word) else ""
        return before + re.escape(word) + after
    return "(?:" + "|".join(whole(word) for word in sorted(set(words), key=len, reverse=True)) + ")"


class _Spoken:
    def __init__(self, data: Dict[str, Any]):
        self.multiplier_of = {folded(w): int(factor) for factor, words in data["multipliers"].items() for w in words}
        self.term: Pattern[str] = re.compile(rf"\s*(\d+(?:\.\d+)?)\s*({_any_word(self.multiplier_of)})?\s*")
        self.number_of = {folded(w): str(number) for number, words in data["number_words"].items() for w in words}
        self.number_word = re.compile(_any_word(self.number_of))
        self.counted_number = re.compile(rf"{_any_word(self.number_of)}(?=\s+{_any_word(map(folded, data['counted_words']))})")
        self.added_of = {folded(w): Decimal(str(added)) for added, words in data["added_to_number"].items()
                         for w in words}
        self.added_word = re.compile(rf"({_any_word(self.added_of)})(?:\s*(\d+(?:\.\d+)?))?")
        self.noise = re.compile(_any_word(map(folded, data["currency_words"])))
        self.month_of = {folded(w): int(month) for month, words in data["months"].items() for w in words}
        self.month = re.compile(_any_word(self.month_of))
        people = data["people_counted"]
        self.people_fields = frozenset(people["fields"])
        self.one_person, self.two_people, self.people_counted = (
            frozenset(folded(word) for word in people[key]) for key in ("one", "pair", "several"))


@functools.lru_cache(maxsize=1)
def _spoken() -> _Spoken:
    return _Spoken(content("spoken_values"))


def amount(text: str) -> Optional[int]:
    """"80 हजार" -> 80000, "1 लाख 20 हज़ार" -> 120000, "₹ 1,20,000 रुपये" -> 120000; None when not an amount."""
    spoken = _spoken()
    cleaned = " ".join(_digits_for_words(spoken.noise.sub(" ", folded(text))).replace(",", "").split())
    if not cleaned:
        return None
    terms = list(spoken.term.finditer(cleaned))
    if not terms or "".join(term.group(0) for term in terms).strip() != cleaned:
        return None
    if len(terms) > 1 and not all(term.group(2) for term in terms[:-1]):
        return None  # "12 34" is two numbers, not an amount
    try:
        total = sum(Decimal(t.group(1)) * spoken.multiplier_of.get(t.group(2) or "", 1) for t in terms)
    except InvalidOperation:
        return None
    return int(total) if total == total.to_integral_value() else None


def amount_inside(text: str) -> Optional[int]:
    """The first amount said inside a longer message ("saal ki 60 hazar kamai hai" -> 60000)."""
    spoken = _spoken()
    plain = " ".join(_digits_for_words(spoken.noise.sub(" ", folded(text))).replace(",", "").split())
    multiplier = _any_word(spoken.multiplier_of)
    # "1 lakh 20 hazar" is one amount: terms with a multiplier, and maybe a plain number after them
    for match in re.finditer(rf"\d+(?:\.\d+)?\s*{multiplier}(?:\s*\d+(?:\.\d+)?(?:\s*{multiplier})?)*", plain):
        found = amount(match.group(0))
        if found is None:
            found = amount(re.match(rf"\d+(?:\.\d+)?\s*{multiplier}", match.group(0)).group(0))
        if found is not None:
            return found
    return None


def amount_word(word: str) -> bool:
    """A word of a written amount: digits, "teen", "lakh", "हजार", "₹", "rupaye"."""
    spoken = _spoken()
    plain = folded(word).replace(",", "")
    return plain.replace(".", "", 1).isdigit() or plain in spoken.multiplier_of or plain in spoken.number_of \
        or plain in spoken.added_of \
        or bool(spoken.noise.fullmatch(plain))


def counted_in_digits(text: str) -> str:
    """"तीन दिन हो गए" -> "3 दिन हो गए": number words written before what they count."""
    spoken = _spoken()
    return spoken.counted_number.sub(lambda match: spoken.number_of[match.group(0)], folded(text))


def _digits_for_words(text: str) -> str:
    """"teen" -> "3", "डेढ़" -> "1.5", "sawa do" -> "2.25": only a whole amount made of them is read
    ("kar do" stays no amount)."""
    spoken = _spoken()
    text = spoken.number_word.sub(lambda match: spoken.number_of[match.group(0)], text)
    return spoken.added_word.sub(
        lambda match: str(Decimal(match.group(2) or "1") + spoken.added_of[match.group(1)]), text)


def people_count(text: str) -> Optional[int]:
    """"मैं, मेरे पति, सास और दो बच्चे" -> 5, "me, my husband, two kids and his parents" -> 6: people listed
    (at least two), each counted; None when a group's number is not said ("बच्चे" alone)."""
    spoken = _spoken()
    words = [word.strip(".;:!?।") for word in _digits_for_words(folded(text).replace(",", " ")).split()]
    count, people, skip = 0, 0, False
    for index, word in enumerate(words):
        if skip:  # the second word of a pair said in two words ("maa baap")
            skip = False
            continue
        pair = " ".join(words[index:index + 2])
        if pair in spoken.two_people or word in spoken.two_people:
            count, people, skip = count + 2, people + 1, pair in spoken.two_people
        elif word in spoken.one_person:
            count, people = count + 1, people + 1
        elif word in spoken.people_counted:
            before = words[index - 1] if index else ""
            if not before.isdigit():
                return None
            count, people = count + int(before), people + 1
    return count if people >= 2 else None


def counts_people(field_name: str) -> bool:
    return field_name in _spoken().people_fields


def spoken_amount(text: str) -> bool:
    """Whether the text says an amount in words around digits ("80 हजार", "1.5 lakh", "₹ 5000")."""
    spoken = _spoken()
    plain = folded(text)
    return any(spoken.multiplier_of.get(term.group(2) or "") for term in spoken.term.finditer(plain)) \
        or bool(spoken.noise.search(plain) and re.search(r"\d", plain))


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})(?!\d)")


def _full_year(year: int, today: date) -> int:
    if year >= 100:
        return year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def _valid_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def a_date(text: str, today: date) -> Optional[date]:
    """"15-08-1990", "15/8/90", "1990-08-15", "15 अगस्त 1990", "Aug 15, 1990"; None when not a date."""
    plain = folded(text)
    numeric = _NUMERIC_DATE.search(plain)
    if numeric:
        first, month, last = (int(part) for part in numeric.groups())
        if len(numeric.group(1)) == 4:  # year first
            return _valid_date(first, month, last)
        return _valid_date(_full_year(last, today), month, first)
    spoken = _spoken()
    months = {spoken.month_of[found.group(0)] for found in spoken.month.finditer(plain)}
    numbers = re.findall(r"\d+", plain)
    days = [n for n in numbers if len(n) <= 2]
    years = [n for n in numbers if len(n) == 4]
    if len(months) == 1 and len(days) == 1 and len(years) == 1 and len(numbers) == 2:
        return _valid_date(int(years[0]), months.pop(), int(days[0]))
    return None


_DAY_AND_MONTH = re.compile(r"(?<![\d\-/.])(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d\-/.])")
LEAP_YEAR = 2000  # a day and month are checked against a year that has every one ("29 feb")


def day_and_month(text: str) -> Optional[date]:
    """"12 march", "12/3": a day and a month without their year, as that day of LEAP_YEAR; None when the
    text says a year too, or is no day and month."""
    plain = folded(text)
    numbers = re.findall(r"\d+", plain)
    numeric = _DAY_AND_MONTH.search(plain)
    if numeric and len(numbers) == 2:
        return _valid_date(LEAP_YEAR, int(numeric.group(2)), int(numeric.group(1)))
    spoken = _spoken()
    months = {spoken.month_of[found.group(0)] for found in spoken.month.finditer(plain)}
    if len(months) == 1 and len(numbers) == 1 and len(numbers[0]) <= 2:
        return _valid_date(LEAP_YEAR, months.pop(), int(numbers[0]))
    return None


def a_year(text: str, today: date) -> Optional[int]:
    """"2025", "सन 2025 में": the one year a text says, when it says nothing else in figures."""
    numbers = re.findall(r"\d+", folded(text))
    if len(numbers) == 1 and len(numbers[0]) == 4 and 1900 <= int(numbers[0]) <= today.year:
        return int(numbers[0])
    return None


def digit_runs(text: str) -> List[str]:
    """The numbers of a text, each with the spaces and hyphens people group digits by removed; a date
    ("5-3-2024") is no number (joined, it would read as the PIN code 532024)."""
    return [re.sub(r"[\s\-]", "", run) for run in _GROUPED_DIGITS.findall(fold_digits(text))
            if not _HYPHENATED_DATE.fullmatch(run)]


def mobile(text: str) -> Optional[str]:
    """An Indian mobile number written in any usual way ("+91 98765-43210", "098765 43210")."""
    for run in digit_runs(text):
        number = run.lstrip("+")
        if len(number) == 12 and number.startswith("91"):
            number = number[2:]
        elif len(number) == 11 and number.startswith("0"):
            number = number[1:]
        if re.fullmatch(r"[6-9]\d{9}", number):
            return number
    return None


def pincode(text: str) -> Optional[str]:
    found = [run for run in digit_runs(text) if re.fullmatch(r"[1-9]\d{5}", run)]
    return found[0] if len(found) == 1 else None


_REDACTED_AADHAAR = re.compile(r"XXXX\s*XXXX\s*(\d{4})", re.IGNORECASE)


def aadhaar_last4(text: str) -> Optional[str]:
    """The last four digits of an Aadhaar number: from a number the channel masked, or typed alone."""
    masked = _REDACTED_AADHAAR.search(text)
    if masked:
        return masked.group(1)
    runs = digit_runs(text)
    four = [run for run in runs if re.fullmatch(r"\d{4}", run)]
    # "5518 (last 4)": the small number counts the digits, it is not one of them
    return four[0] if len(four) == 1 and all(len(run) <= 4 for run in runs) else None


NAME_WORDS = 4


def written_as_name(value: str) -> bool:
    """Beside other answers, words are a name only when written as one: "Ankit Bhabhor" or "अंकित भाभोर",
    not "I can't hear properly"."""
    words = value.split()
    return is_name(value) and len(words) <= NAME_WORDS and all(
        word[0].isupper() or not word[0].isascii() for word in words)


def leading_written_name(text: str, titles: AbstractSet[str]) -> str:
    """The capitalised words a sentence starts with, when they read as a name: "Jagdish Hathila teaches in
    a private school" -> "Jagdish Hathila", "swargiya Nanuram Bhabor the hum" -> "swargiya Nanuram Bhabor"
    (a title of `titles`, normalised, before it is kept); "" otherwise (Devanagari has no capitals to tell)."""
    all_words = text.split()
    start = 0  # the words of the titles
    while start < len(all_words) and normalise(all_words[start]) in titles:
        start += 1
    words = []
    for word in all_words[start:]:
        if not (word[0].isascii() and word[0].isupper() and word.isalpha()):
            break
        words.append(word)
    name = " ".join(all_words[:start] + words)
    return name if 2 <= len(words) <= NAME_WORDS and is_name(name) and start + len(words) < len(all_words) else ""


def is_name(value: str) -> bool:
    """Letters of any script, spaces, dots, apostrophes and hyphens; 1 to 6 words, none of them a word
    that is never part of a name ("se mere naam", "for bank loan")."""
    letters_only = all(unicodedata.category(ch)[0] in "LM" or ch in " .'-" for ch in value)
    return letters_only and any(unicodedata.category(ch)[0] == "L" for ch in value) and 1 <= len(value.split()) <= 6 \
        and not mentions(value, "not_in_names")
