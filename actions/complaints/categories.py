"""The complaint categories and their questions, as the city's 311 system
publishes them (Open311 GET services and service definitions), read in Hindi
and English and kept a few minutes. Another Open311 city plugs in without a
code change: its categories, their keywords and questions come from it."""
from __future__ import annotations

import threading
from typing import Dict, List, Optional

from cachetools import TTLCache, cached
from cachetools.keys import hashkey

from actions.complaints.backend import open311
from actions.tasks.fields import Choice, Field, from_open311
from common.backend_call import BackendUnavailable
from common.words import normalise, without_words

LANGUAGES = ("hi", "en")
CATEGORIES_SECONDS = 300
_lock = threading.Lock()


def _server() -> str:
    return open311().settings.api_url  # what is read from a 311 server is cached under its address


# The categories last read from each 311 server: while it is away they still name the problems.
_last_known: Dict[str, List[Choice]] = {}


def categories() -> List[Choice]:
    """Every category as a choice: its service code, names in both languages, keywords as other names.
    While the 311 server is away, the ones last read from it; none when it never answered."""
    try:
        found = _read_categories()
    except BackendUnavailable:
        return _last_known.get(_server(), [])
    _last_known[_server()] = found
    return found


@cached(TTLCache(maxsize=4, ttl=CATEGORIES_SECONDS), key=lambda: hashkey(_server()), lock=_lock)
def _read_categories() -> List[Choice]:
    by_language = {language: open311().services(language) for language in LANGUAGES}
    hindi = {service["service_code"]: service for service in by_language["hi"]}
    choices = []
    for service in by_language["en"]:
        in_hindi = hindi.get(service["service_code"], service)
        keywords = [word.strip() for listing in (service.get("keywords"), in_hindi.get("keywords"))
                    for word in str(listing or "").split(",") if word.strip()]
        choices.append(Choice(service["service_code"], {"hi": in_hindi["service_name"], "en": service["service_name"]},
                              tuple(dict.fromkeys(keywords))))
    return choices


def category_code(value: str) -> Optional[str]:
    """The service code a category means: the code itself (the NLU's values are Indore's codes) or a keyword;
    the NLU's value as it is while the 311 server cannot say (the complaint is kept and sent later)."""
    known = categories()
    if not known:
        return value
    codes = [choice.value for choice in known]
    if value in codes:
        return value
    named = [choice.value for choice in categories() if normalise(value.replace("_", " ")) in choice.names()]
    return named[0] if len(named) == 1 else None


def category_meant(text: str, understood: Optional[str]) -> Optional[str]:
    """The category the NLU understood, unless the message names another one more fully (or as fully, first):
    "मरी हुई गाय" is a dead animal though "गाय" alone is a stray one; a road named as the place
    ("road pe kutta mara pada") names no problem."""
    problem = without_words(text, "road_as_place")
    mentioned = {choice.value: choice.longest_mention(problem) for choice in categories()}
    # where each is first named by more than a word that stands around other problems too
    strong = without_words(problem, "weak_category_words")
    place = {choice.value: (choice.first_mentioned_at(strong), choice.first_mentioned_at(problem))
             for choice in categories()}
    # the most fully named; between equals, the one named first ("चैंबर ओवरफ्लो ... गंदा पानी")
    best = min(mentioned, key=lambda code: (-mentioned[code], place[code]), default=None)
    if best is None or mentioned[best] == 0:
        return understood
    # named as fully, and first by a strong word: "naali jam hai aur ganda pani beh raha" is the drain,
    # whatever the NLU thought
    if understood is None or mentioned[best] > mentioned.get(understood, 0) or (
            mentioned[best] == mentioned.get(understood, 0) and place[best][0] < place[understood][0]):
        return best
    return understood


@cached(TTLCache(maxsize=64, ttl=CATEGORIES_SECONDS), key=lambda code: hashkey(_server(), code), lock=_lock)
def questions(service_code: str) -> List[Field]:
    """The category's own questions (Open311 attributes), e.g. garbage_type or pole_number."""
    return from_open311({language: open311().definition(service_code, language) for language in LANGUAGES})
