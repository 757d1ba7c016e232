"""Words citizens type to steer a conversation (actions/content/words.yml, a
designer's file): to stop, skip or finish a step, yes and no, pleas,
question words, follow-ups, and the words said around a name. Shared by the
action server's flows and by the Rasa server's follow-up policy."""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any, Dict, Iterable, List

import yaml

WORDS_FILE = Path(__file__).resolve().parents[1] / "actions" / "content" / "words.yml"

_PUNCTUATION = re.compile(r"[\s.,:;!?।'\"()\-/]+")


def normalise(text: str) -> str:
    """Lower case, no punctuation, one encoding of nukta letters (ज़ typed as one character or two)."""
    return _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


@functools.lru_cache(maxsize=1)
def _words() -> Dict[str, Any]:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _normalised(key: str) -> List[str]:
    return [" ".join(normalise(word).split()) for word in _words()[key]]


def words_for(key: str) -> List[str]:
    """The words listed for `key`, normalised."""
    return list(_normalised(key))


def means(typed: str, meaning: str) -> bool:
    """Whether the whole message is one of the words for `meaning` (cancel, skip, done), or only such words
    and softeners ("ha thik h", "हाँ अब ठीक है"): "stop" ends a form, "near the bus stop" is an address."""
    message = " ".join(normalise(typed).split())
    if not message:
        return False
    if message in _normalised(meaning):
        return True
    rest = without_words(message, meaning)
    return rest != message and not without_words(rest, "softeners")


def mentions(typed: str, key: str) -> bool:
    """Whether one of the words for `key` stands anywhere in the message, as whole words."""
    padded = f" {' '.join(normalise(typed).split())} "
    return any(f" {word} " in padded for word in _normalised(key) if word)


def without_words(typed: str, key: str) -> str:
    """The message, normalised, without the whole-word phrases listed for `key`."""
    return without_phrases(typed, _normalised(key))


def without_phrases(typed: str, phrases: Iterable[str]) -> str:
    """The message, normalised, without these phrases as whole words, the longest first."""
    padded = f" {' '.join(normalise(typed).split())} "
    for phrase in sorted((" ".join(normalise(p).split()) for p in phrases), key=len, reverse=True):
        while phrase and f" {phrase} " in padded:  # "nahi nahi": neighbours share the space between them
            padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


def leads_with(typed: str, key: str) -> bool:
    """Whether the message begins with one of the words for `key` ("yes that place", "haan wahi")."""
    return _phrase_at_start(normalise(typed).split(), _normalised(key)) > 0


def after_leading(typed: str, *keys: str) -> str:
    """The message without the words for `keys` it begins with: "haan ji wahi, Geeta Bhawan ke paas"
    after yes and same_place is "Geeta Bhawan ke paas"."""
    words = typed.split()
    phrases = {phrase for key in keys for phrase in _normalised(key) if phrase}
    while True:  # counted in typed words: "that's" is one, though it reads as "that s"
        taken = max((count for count in range(1, len(words) + 1)
                     if " ".join(normalise(" ".join(words[:count])).split()) in phrases), default=0)
        if not taken:
            return " ".join(words).strip(" ,.;:-")
        words = words[taken:]


_PARTS = re.compile(r"[,.!?;।]+")


def ends_with(typed: str, key: str) -> bool:
    """Whether the message's last part (after its last comma or full stop) is one of the words for `key`:
    "ok then no point, cancel the application"; "near the bus stop" is one part and means no stop."""
    parts = _parts(typed)
    return len(parts) > 1 and means(parts[-1], key)


def said_in_a_part(typed: str, key: str) -> bool:
    """Whether a part of the message (between commas or full stops) is one of the words for `key`, wherever
    it stands: "wait, cancel it. I'll go to the zonal office myself"."""
    parts = _parts(typed)
    return len(parts) > 1 and any(means(part, key) for part in parts)


def _parts(typed: str) -> List[str]:
    """The message's parts between commas and full stops."""
    return [part for part in _PARTS.split(typed) if part.strip()]


def _phrase_at_start(words: List[str], phrases: List[str]) -> int:
    """How many of the first words form one of the phrases (0 when none does)."""
    for phrase in sorted((p.split() for p in phrases), key=len, reverse=True):
        if phrase and words[:len(phrase)] == phrase:
            return len(phrase)
    return 0


def name_in(text: str) -> str:
    """The name in "मेरा नाम सुनीता भूरिया है", "mere pita ka naam Ramesh hai", "my name is Sunita" or
    "मैं सुनीता हूँ": what follows the first name word (or an opener), without the linking words at
    either end; the text itself when nothing is said around the name."""
    words = text.split()
    folded = [normalise(word) for word in words]
    name_words = _normalised("name_words")
    start = next((index + 1 for index, word in enumerate(folded) if word in name_words), None)
    if start is None:
        start = _phrase_at_start(folded, _normalised("name_openers"))
    links = _normalised("name_links")
    end = len(words)
    while start < end and (folded[start] in links or not folded[start]):
        start += 1
    while end > start and (folded[end - 1] in links or not folded[end - 1]):
        end -= 1
    return " ".join(words[start:end]).strip(" :-,.।") or text
