"""Reads one message against every field of a task, not only the one asked.

"मेरे पति का नाम रमेश है, पिन 457661" answers two fields whatever was asked.
A cue (content/field_cues.yml, else the words of the field's label) marks
the words that follow it, up to the next cue, as that field's answer; a
trailing cue the words before it ("25 saal se", "beti ke admission ke liye").
Values with a shape of their own (a mobile, a date, a masked Aadhaar
number, a spoken amount, an option's name) are found without a cue when only
one open field can take them. A cue with a change word ("naam galat hai,
Rekha Devi likho") corrects that answer, or asks to change it when no new
value follows; a correction of a part of a written answer ("Scheme 78 not
Scheme 54", even without a cue) changes only that part (values.PartChanged);
a cue with a "no" ("no photo", "pole number nahi hai") skips an optional
field. What no cue claims is read as the answer to the question
asked; the turn (actions/tasks/turn.py) decides whether it reads as one.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Dict, FrozenSet, Iterable, Iterator, List, Mapping, Match, Optional, Sequence, Set, Tuple

from actions.tasks import values
from actions.tasks.fields import (
    AADHAAR,
    CHOICE,
    DATE,
    DOCUMENTS,
    FREE_TEXT,
    LOCATION,
    MOBILE,
    NAME,
    NUMBER,
    PHOTOS,
    PINCODE,
    SHAPED,
    TEXT,
    Choice,
    Field,
)
from actions.tasks.values import Invalid, PartChanged
from actions.texts import content
from common.words import means, mentions, name_in, normalise, without_words, words_for

DEFAULT_MAX_LENGTH = {TEXT: 200, NAME: 100}
SHORT_TEXT = 30  # a text field this short holds a value, not a sentence (a khasra number)
FILES = (DOCUMENTS, PHOTOS)
WRITTEN = (TEXT, NAME, LOCATION)  # answers in the citizen's own words, corrected a part at a time
PLACES = (TEXT, LOCATION, CHOICE)  # fields whose answer may stand before the cue ("Gopalpura village")
FINISHED = "finished"  # a files step said to be over ("kagaj baad me", "no photo")
GENERIC_CHOICES = frozenset({"other"})  # too vague to be named in passing
YES_NO = frozenset({"yes", "no"})
ADDRESS = "address"  # the field an uncued place beside a PIN code answers
_WORD = re.compile(r"\S+")
# A comma between digits groups them ("1,20,000"); elsewhere it separates answers.
# A full stop, a space and a letter end a sentence ("his father. Mother's name …", "khasra 214/1. The
# neighbouring farmers …"); not in "S.K. Bhuria", "12.05.2025" or "No. 5".
_SEPARATORS = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;\n।]|(?<!\b[^\W\d_])\.\s+(?=[A-Z\u0900-\u097F]))\s*"
                         r"|\s+(?:aur|और|and|tatha|तथा)\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z\u0900-\u097F][.!?।])\s+(?=[A-Z\u0900-\u097F])")
_EDGE_PUNCTUATION = " ,.;:!?।-–=\"'()"


@dataclass
class Reading:
    found: Dict[str, Any] = field(default_factory=dict)  # field name -> value
    invalid: Dict[str, Invalid] = field(default_factory=dict)  # field name -> why its answer was refused
    skipped: Set[str] = field(default_factory=set)  # optional fields the citizen says they have nothing for
    change: Optional[str] = None  # a field the citizen wants to change, no new value given yet
    passing: Set[str] = field(default_factory=set)  # fields whose value was named in passing, without a cue
    rest: str = ""  # what no cue claimed
    asked_value: Any = None  # `rest` read as the asked field's value (or Invalid); the turn decides on it
    unclear: Dict[str, Any] = field(default_factory=dict)  # a correction that fits several answers: each, changed


# --- cues ---------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _cue_data() -> Dict[str, Any]:
    return content("field_cues")


def _phrase(text: str) -> Tuple[str, ...]:
    return tuple(normalise(text).split())


@functools.lru_cache(maxsize=None)
def _listed(section: str, name: str) -> Tuple[Tuple[str, ...], ...]:
    return tuple(_phrase(cue) for cue in (_cue_data()[section].get(name) or ()))


_LABEL_STOPWORDS = frozenset(_phrase("का की के नाम name of the your आपका आपकी number नंबर"))


MAX_LABEL_WORDS = 4  # a longer label is a question ("किस तरह का कचरा है?"), no name for the field


def cues_of(spec: Field) -> Tuple[Tuple[str, ...], ...]:
    """The field's own cues, the shared ones for its name, else the distinctive words of a short label
    (never for options, whose labels share words with their choices)."""
    cues = tuple(_phrase(cue) for cue in spec.cues) + _listed("cues", spec.short_name)
    if cues or _listed("after", spec.short_name) or spec.kind == CHOICE:
        return cues
    labels = [_phrase(text) for text in spec.label.values()]
    if any(len(words) > MAX_LABEL_WORDS for words in labels):
        return ()
    label_words = {word for words in labels for word in words if word not in _LABEL_STOPWORDS}
    return tuple((word,) for word in label_words if len(word) > 2)


@functools.lru_cache(maxsize=None)
def _words_of(key: str) -> Tuple[Tuple[str, ...], ...]:
    return tuple(_phrase(word) for word in _cue_data()[key])


@functools.lru_cache(maxsize=None)
def _word_set(*keys: str) -> FrozenSet[str]:
    """The phrases of these lists, each as one normalised string ("links", "fillers", …)."""
    return frozenset(" ".join(words) for key in keys for words in _words_of(key))


@dataclass(frozen=True)
class _Token:
    word: str  # normalised
    start: int
    end: int


def _tokens(text: str) -> List[_Token]:
    tokens = []
    for match in _WORD.finditer(text):
        for part in normalise(match.group(0)).split():
            tokens.append(_Token(part, match.start(), match.end()))
    return tokens


def _starts_with(tokens: Sequence[_Token], at: int, phrase: Tuple[str, ...]) -> bool:
    return bool(phrase) and tuple(t.word for t in tokens[at:at + len(phrase)]) == phrase


@dataclass(frozen=True)
class _CueHit:
    field: str
    start: int  # token index of the cue
    end: int  # token index after it
    how: str  # "before" the answer (the usual), "kept" (part of it: "ग्राम कालीदेवी"), "after" it ("25 saal se")
    amount: bool = False  # the field takes a number: a trailing cue's answer is the amount just before it
    name_only: bool = False  # a trailing cue whose answer is only the name just before it ("रामा गाँव में हुई")
    person: bool = False  # a trailing cue of a person's name: the name's words just before it ("… Premlata ke naam thi")


AFTER_A_NAME = "after_a_name"
TRAILING = ("after", AFTER_A_NAME)  # cues said after the answer
PATTERN_LOOKAHEAD = 3  # words after a cue in which a patterned value must start ("khasra number 61")
CODE_PREFIX = 3  # letters before the digits of a code ("P-114", "KJ-52")




def _after_words_before_identifier(span: str) -> str:
    words = span.split()
    between = _word_set("links", "fillers", "before_identifier")
    while words and normalise(words[0]) in between:
        words.pop(0)
    return " ".join(words)


def _pattern_follows(tokens: Sequence[_Token], at: int, pattern: Optional[str]) -> bool:
    """For a field whose values have a pattern, a cue counts only with such a value right after it, only
    words like "number" or "पर" between: "khasra copy of Kalidevi" names the record, "khasra 61" a khasra
    number; "the pole outside house 22" gives no pole number."""
    if pattern is None:
        return True
    between = _word_set("links", "fillers", "before_identifier")
    others = 0  # words of another kind: only a short prefix of the value itself ("P-114", "KJ-52")
    for token in tokens[at:at + 2 * PATTERN_LOOKAHEAD]:
        if re.search(pattern, token.word):
            return True
        if token.word not in between:
            others += 1
            if others > 1 or len(token.word) > CODE_PREFIX:
                return False
    return False


def _document_words_at(tokens: Sequence[_Token], at: int) -> int:
    """How many words of a certificate's name ("प्रमाण पत्र", "certificate", "card") stand here (0: none)."""
    return next((len(words) for words in _words_of("document_words") if _starts_with(tokens, at, words)), 0)


def _document_name_end(tokens: Sequence[_Token], at: int, table: Sequence[Tuple[Tuple[str, ...], str, str]]) -> int:
    """The end of a certificate's name starting with a cue word here ("jati praman patra"), or of a document
    named and promised for later ("aadhar baad me"), else 0."""
    for name in _words_of("document_names"):
        if _starts_with(tokens, at, name) and any(_starts_with(tokens, at + len(name), later)
                                                   for later in _words_of("later_words")):
            return at + len(name)
    for phrase, _, how in table:
        if how not in TRAILING and _starts_with(tokens, at, phrase):  # "के लिए चाहिए प्रमाण पत्र" names no document
            length = _document_words_at(tokens, at + len(phrase))
            if length:
                return at + len(phrase) + length
    return 0


def _follows_a_value(text: str, tokens: Sequence[_Token], at: int) -> bool:
    """A trailing cue ("48000 saal ki") needs words before it in the same part of the message: "…, साल की आय
    72000" opens a part, and "आय" then leads the answer."""
    return at > 0 and not _SEPARATORS.search(" " + text[tokens[at - 1].start:tokens[at].start])


def _ends_a_part(text: str, tokens: Sequence[_Token], end: int) -> bool:
    return end == len(tokens) or bool(_SEPARATORS.search(text[tokens[end - 1].start:tokens[end].start]))


def _place_cue_ends(text: str, tokens: Sequence[_Token], end: int,
                    starting: Dict[str, List[Tuple[Tuple[str, ...], str, str]]]) -> bool:
    """A place's cue with nothing of its own after it: the part ends there, or after "me" another cue
    starts ("Kalidevi village me khasra 45/2": the village's name stood before the cue)."""
    if _ends_a_part(text, tokens, end):
        return True
    within = _word_set("place_within", "links")  # "gaon me hai": the linking words of the sentence
    after = end
    while after < len(tokens) and tokens[after].word in within and not _ends_a_part(text, tokens, after):
        after += 1
    return after > end and (_ends_a_part(text, tokens, after) or any(
        _starts_with(tokens, after, entry[0]) for entry in starting.get(tokens[after].word, [])))


def _inside_a_place(text: str, tokens: Sequence[_Token], hits: Sequence[_CueHit], kinds: Dict[str, str],
                    at: int, kind: str) -> bool:
    """A place's cue word after another place's cue, in the same part of the message ("पता ग्राम कालीदेवी",
    "address Karwad village")."""
    previous = hits[-1] if hits else None
    return previous is not None and kind in PLACES and kinds[previous.field] in (TEXT, LOCATION) \
        and previous.how == "before" and at >= previous.end \
        and not _SEPARATORS.search(text[tokens[previous.end].start:tokens[at].start])


def _new_part_between(text: str, tokens: Sequence[_Token], first: int, last: int) -> bool:
    """Whether a new part of the message starts between these two words (a comma, a new sentence, "aur")."""
    return bool(_SEPARATORS.search(text[tokens[first].start:tokens[last].end]))


def _awaits_its_name(text: str, tokens: Sequence[_Token], hits: Sequence[_CueHit], kinds: Dict[str, str],
                     at: int) -> bool:
    """The previous cue names a person and only linking words stand between it and here (no new part:
    "his father. Mother's name …" starts one)."""
    previous = hits[-1] if hits else None
    links = _word_set("links")
    return previous is not None and kinds[previous.field] == NAME and previous.how == "before" \
        and all(token.word in links for token in tokens[previous.end:at]) \
        and not _new_part_between(text, tokens, previous.end - 1, at)


def _a_source_before(tokens: Sequence[_Token], index: int) -> bool:
    """"on her Aadhaar", "aadhaar ke hisab se", "as per my Aadhaar": words before the cue that make the card
    named the source of another answer (source_of in field_cues.yml)."""
    before = [token.word for token in tokens[max(0, index - 3):index]]
    owners = _word_set("fillers", "source_owners")
    while before and before[-1] in owners:
        before.pop()
    return any(tuple(before[-len(words):]) == words for words in _words_of("source_of") if len(words) <= len(before))


def _cue_hits(text: str, tokens: Sequence[_Token], fields: Sequence[Field], answering: bool = True) -> List[_CueHit]:
    """Non-overlapping cues, left to right, the longest at each place; a field's first cue only. Answering,
    a cue of a field with a pattern counts only with such a value after it; talked about, it always does."""
    table = [(phrase, spec.name, "before") for spec in fields for phrase in cues_of(spec)]
    table += [(phrase, spec.name, "kept") for spec in fields for phrase in _listed("kept_with_value", spec.short_name)]
    table += [(phrase, spec.name, "after") for spec in fields for phrase in _listed("after", spec.short_name)]
    table += [(phrase, spec.name, AFTER_A_NAME) for spec in fields for phrase in _listed("after_a_name", spec.short_name)]
    table += [(phrase, spec.name, "value") for spec in fields for phrase in _listed("values", spec.short_name)]
    table.sort(key=lambda item: len(item[0]), reverse=True)
    starting: Dict[str, List[Tuple[Tuple[str, ...], str, str]]] = {}  # the cues by their first word, longest first
    for entry in table:
        if entry[0]:
            starting.setdefault(entry[0][0], []).append(entry)
    patterns = {spec.name: spec.pattern for spec in fields if spec.pattern}
    kinds = {spec.name: spec.kind for spec in fields}
    papers = next((spec.name for spec in fields if spec.kind == DOCUMENTS), None)
    hits: List[_CueHit] = []
    seen = set()
    index = 0
    while index < len(tokens):
        here = starting.get(tokens[index].word, [])
        named_paper_end = _document_name_end(tokens, index, here)
        if named_paper_end and papers is not None and papers not in seen:
            # "जाति प्रमाण पत्र बाद में दूंगी", "aadhaar card kal bhejungi": a document named, then what about it
            hits.append(_CueHit(papers, index, named_paper_end, "before"))
            seen.add(papers)
            index = named_paper_end
            continue
        hit = next((entry for entry in here if _starts_with(tokens, index, entry[0])
                    and (entry[1] not in seen or _a_relatives_name_word(tokens, index, entry[0]))
                    and (not answering or _pattern_follows(tokens, index + len(entry[0]), patterns.get(entry[1])))
                    # "आय प्रमाण पत्र": the cue word is part of a certificate's name, no answer
                    and (entry[2] in TRAILING or not _document_words_at(tokens, index + len(entry[0])))
                    and (entry[2] not in TRAILING or _follows_a_value(text, tokens, index))
                    # "kheti se saal ki sawa lakh": a trailing cue of an amount needs the amount before it
                    and (entry[2] not in TRAILING or kinds[entry[1]] != NUMBER
                         or values.amount_word(tokens[index - 1].word))),
                   None)
        if hit is None:
            index += 1
            continue
        phrase, name, how = hit
        if kinds[name] == NAME and phrase in _words_of("speaker_cues") and index + len(phrase) < len(tokens) \
                and means(tokens[index + len(phrase)].word, "not_in_names"):
            index += 1  # "मैं दूल्हा हूँ", "I am his son": who speaks, not their name
            continue
        if kinds[name] == NAME and index + len(phrase) < len(tokens) \
                and tokens[index + len(phrase)].word in _word_set("in_the_name_of"):
            index += 1  # "mere naam krwana h": in whose name the land goes, no name given
            continue
        if kinds[name] == NAME and _awaits_its_name(text, tokens, hits, kinds, index):
            index += 1  # "his father was late Hira Katara": "late" belongs to the name asked for
            continue
        after = index + len(phrase)
        if how == "kept" and after < len(tokens) and any(
                entry[2] == AFTER_A_NAME and entry[1] != name and _starts_with(tokens, after, entry[0])
                for entry in starting.get(tokens[after].word, [])):
            index += 1  # "Rama gaon me hui": the place where the marriage happened, not the address
            continue
        if how == "value" and index + len(phrase) < len(tokens) and any(
                entry[1] == name and entry[2] in TRAILING and _starts_with(tokens, index + len(phrase), entry[0])
                for entry in starting.get(tokens[index + len(phrase)].word, [])):
            index += 1  # "beti ki scholarship ke liye": the cue after it takes the value with the words before
            continue
        if kinds[name] in SHAPED and _a_source_before(tokens, index):
            index += 1  # "date of birth on her Aadhaar is 01-01-1952": the card says where the date is written
            continue
        # "Address: Karwad village, Jhabua": the word is part of the address; "khasra 17 village Gopalpura" is
        # two answers (a number with a shape is no place)
        if name not in patterns and not (hits and hits[-1].field in patterns) \
                and _inside_a_place(text, tokens, hits, kinds, index, kinds[name]):
            index += 1
            continue
        end = index + len(phrase)
        # "पिता जी का नाम": words that only complete the cue belong to it
        end += max((len(more) for more in _words_of("cue_endings") if _starts_with(tokens, end, more)), default=0)
        if how == "before" and kinds[name] in PLACES and _place_cue_ends(text, tokens, end, starting) \
                and _follows_a_value(text, tokens, index) and not _no_before(tokens, index):
            how = "kept"  # "in Gopalpura village": nothing follows the cue, the name stands before it
        elif how == "before" and kinds[name] == NUMBER and _ends_a_part(text, tokens, end) \
                and _follows_a_value(text, tokens, index):
            how = "after"  # "sawa lakh aamdani": the amount stands before the cue that ends the part
        hits.append(_CueHit(name, index, end, "after" if how == AFTER_A_NAME else how, amount=kinds[name] == NUMBER,
                            person=kinds[name] == NAME,
                            name_only=how == AFTER_A_NAME))
        seen.add(name)
        index = end
    return hits


def _a_relatives_name_word(tokens: Sequence[_Token], at: int, phrase: Tuple[str, ...]) -> bool:
    """"…, papa ka naam Ramsingh": a second bare "naam" after a relative's word may name another person;
    "papa ka naam …, mera naam Ajay": so may one after "my" (`_person_meant` decides whose)."""
    if at < 1 or not means(" ".join(phrase), "name_words"):
        return False
    return tokens[at - 1].word in _relative_words("my") or (
        at >= 2 and tokens[at - 1].word in _word_set("links") and tokens[at - 2].word in _relation_of())


def speaker_is(text: str, fields: Sequence[Field]) -> Tuple[Optional[str], str]:
    """"I am the father", "मैं उसकी माँ", "I am the groom": the field of the person the speaker says they are,
    and the name they give between ("main Anita Garwal uski mummy": "Anita Garwal"; else "")."""
    for told, name in [(text, ""), *_without_own_name(text)]:
        padded = f" {' '.join(normalise(told).split())} "
        for short_name, phrases in (_cue_data().get("speaker_is") or {}).items():
            person = next((spec for spec in fields if spec.short_name == short_name), None)
            if person is not None and any(f" {' '.join(normalise(phrase).split())} " in padded for phrase in phrases):
                return person.name, name
    return None, ""


def _without_own_name(text: str) -> Iterator[Tuple[str, str]]:
    """"main Anita Garwal uski mummy" -> ("main Garwal uski mummy", "Anita"), ("main uski mummy", "Anita Garwal"):
    the text without one to NAME_WORDS written name words after the speaker's "I" (speaking_of_self), and
    those words, the shortest name first ("मैं अनिता गरवाल उसकी माँ": "उसकी" may read as a name too)."""
    words = text.replace("'", " ").split()  # "I'm" is written as the list writes it: "i m"
    for index in range(len(words)):
        said = next((len(phrase) for phrase in _words_of("speaking_of_self")
                     if _phrase(" ".join(words[index:index + len(phrase)])) == phrase), 0)
        after = index + said
        for count in range(1, values.NAME_WORDS + 1) if said else ():
            name = " ".join(words[after:after + count]).strip(",")
            if after + count < len(words) and values.written_as_name(name):
                yield " ".join(words[:after] + words[after + count:]), name


def same_person(fields: Sequence[Field], values: Mapping[str, Any], person: str) -> Dict[str, Any]:
    """The applicant is `person`: the name known of one of them is the other's too ({field: name})."""
    applicant = next((spec.name for spec in fields if spec.kind == NAME and spec.short_name == "name"), None)
    if applicant is None or person not in {spec.name for spec in fields}:
        return {}
    if values.get(person) and not values.get(applicant):
        return {applicant: values[person]}
    if values.get(applicant) and not values.get(person):
        return {person: values[applicant]}
    return {}


def _about_them(person: Dict[str, Any], words_before: Set[str], dated: bool, all_words: Set[str]) -> bool:
    """Whether the words before a bare name (or a date beside it, or a word anywhere) say it is this
    person's (bare_name_is)."""
    return bool(words_before & {normalise(word) for word in person.get("words", ())}) \
        or (dated and bool(person.get("dated"))) \
        or bool(all_words & {normalise(word) for word in person.get("said_with", ())})


def _person_meant(hits: List[_CueHit], text: str, tokens: Sequence[_Token], by_name: Dict[str, Field],
                  today: date, named_already: Iterable[str], asked: Optional[Field]) -> List[_CueHit]:
    """"mere bete ka janm praman patra, naam Aayush": a bare name in a request about someone else is theirs
    (the first such person not named yet); asked for someone's name, "naam Vihaan rakha" is that one's."""
    people = _cue_data().get("bare_name_is") or {}
    named = {hit.field for hit in hits} | set(named_already)
    dated = values.a_date(text, today) is not None
    everything = {token.word for token in tokens}
    meant: List[_CueHit] = []
    for hit in hits:
        words = " ".join(token.word for token in tokens[hit.start:hit.end])
        if by_name[hit.field].short_name == "name" and means(words, "name_words"):
            before = {token.word for token in tokens[:hit.start]}
            # asked the applicant's own name, "naam Vihaan rakha" may still be the child's of the request
            someone_else_asked = asked is not None and asked.kind == NAME and asked.short_name != "name"
            person = asked if someone_else_asked and asked.name not in named else next(
                (spec for spec in by_name.values() if spec.name not in named
                 and _about_them(people.get(spec.short_name) or {}, before, dated, everything)), None)
            if person is not None:
                hit = replace(hit, field=person.name)
                named.add(person.name)
        if all(hit.field != earlier.field for earlier in meant):  # a second name nobody else is meant by: left
            meant.append(hit)
    return meant


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def _written_name_word(text: str, token: _Token) -> bool:
    """A word that can stand in a name here: letters, capitalised in Latin script ("Arya", "भेरूसिंह")."""
    word = _POSSESSIVE.sub("", text[token.start:token.end]).strip(_EDGE_PUNCTUATION)
    return bool(word) and values.is_name(word) and (word[0].isupper() or not word[0].isascii())


@functools.lru_cache(maxsize=None)
def _relative_words(key: str) -> FrozenSet[str]:
    return frozenset(normalise(word) for word in (_cue_data().get("relative_named") or {}).get(key, ()))


@functools.lru_cache(maxsize=1)
def _relation_of() -> Dict[str, Tuple[str, ...]]:
    """Each relation word of bare_name_is and the fields of the people it may name, in the file's order
    ("पिताजी" -> deceased_name, deceased_relative_name, previous_owner_name): a form's first one is meant."""
    people = _cue_data().get("bare_name_is") or {}
    relation_of: Dict[str, Tuple[str, ...]] = {}
    for short, person in people.items():
        for word in person.get("words", ()):
            relation_of[normalise(word)] = relation_of.get(normalise(word), ()) + (short,)
    return relation_of


def _relative_named(text: str, tokens: Sequence[_Token],
                    by_name: Dict[str, Field]) -> Tuple[Dict[str, str], List[Tuple[int, int]]]:
    """Names given as "my <relative> <name>" (field_cues.yml `relative_named`): {field: name} and where
    in the text the names stand."""
    config = _cue_data().get("relative_named") or {}
    mine, titles, ends = (_relative_words(key) for key in ("my", "before_title", "name_ends"))
    relation_of = _relation_of()
    by_short = {spec.short_name: spec for spec in by_name.values()}
    found: Dict[str, str] = {}
    spans: List[Tuple[int, int]] = []
    for at in range(1, len(tokens)):
        relations = relation_of.get(tokens[at].word)
        if relations is None or tokens[at - 1].word not in mine:
            continue
        start = at + 1
        while start < len(tokens) and tokens[start].word in titles:
            start += 1
        end = start
        while end < len(tokens) and end - start < values.NAME_WORDS and tokens[end].word not in ends \
                and _written_name_word(text, tokens[end]):
            end += 1
            if _POSSESSIVE.search(text[tokens[end - 1].start:tokens[end - 1].end]):
                break  # "my father Bherusingh's": the name ends with its 's
        if end == start:
            continue
        closed = end == len(tokens) or tokens[end].word in ends or _POSSESSIVE.search(
            text[tokens[end - 1].start:tokens[end - 1].end]) or _new_part_between(text, tokens, end - 1, end)
        for_them = any(at - 1 - len(words) >= 0 and _starts_with(tokens, at - 1 - len(words), words)
                       for words in map(_phrase, config.get("for_before", ()))) \
            or any(_starts_with(tokens, end, words) for words in map(_phrase, config.get("for_after", ())))
        spec = next((by_short[short] for short in relations if short in by_short), None) \
            or (by_short.get("name") if for_them else None)
        if not closed or spec is None or spec.name in found:
            continue
        name = _POSSESSIVE.sub("", text[tokens[start].start:tokens[end - 1].end].rstrip(_EDGE_PUNCTUATION))
        found[spec.name] = name.strip(_EDGE_PUNCTUATION)
        spans.append((tokens[start].start, tokens[start].start + len(name)))
    return found, spans


def named_fields(text: str, fields: Sequence[Field]) -> List[str]:
    """The fields whose cue words the message uses ("don't know the pole number" names pole_number)."""
    return [hit.field for hit in _cue_hits(text, _tokens(text), fields, answering=False)]


def _outside_names(hits: List[_CueHit], by_name: Dict[str, Field], text: str,
                   tokens: Sequence[_Token]) -> List[_CueHit]:
    """Without the answer-words that stand inside a name: "naam Ramesh Bhil" is a name, not a caste
    ("papa Nanuram Bhabor the, hum bhil h" is not: words that are never in a name stand between)."""
    kept: List[_CueHit] = []
    for hit in hits:
        previous = kept[-1] if kept else None
        inside_name = previous is not None and by_name[previous.field].kind == NAME and not _SEPARATORS.search(
            _span(text, tokens, previous.end, hit.start)) and _name_end(tokens, by_name.values(), previous.end,
                                                                        hit.start) == hit.start \
            and values.is_name(_span(text, tokens, previous.end, hit.end).strip(_EDGE_PUNCTUATION))
        if hit.how != "value" or not inside_name:
            kept.append(hit)
    return kept


def _places_go_on(hits: List[_CueHit], by_name: Dict[str, Field], text: str,
                  tokens: Sequence[_Token]) -> List[_CueHit]:
    """Without a place's cue that only says where the place before it is: "at our home in village Rotla",
    "घर पर गाँव गोपालपुरा में", "at home in Gopalpura village" are the place of death, "village" no address of
    its own; "ग्राम करवड़ में घर पर" too (the village named first)."""
    kept: List[_CueHit] = []
    within = _word_set("place_within")
    for hit in hits:
        previous = kept[-1] if kept else None
        places = previous is not None and previous.how == hit.how == "kept" \
            and {by_name[previous.field].kind, by_name[hit.field].kind} <= FREE_TEXT \
            and previous.end <= hit.start \
            and not _SEPARATORS.search(text[tokens[previous.end - 1].start:tokens[hit.start].start])
        if not places:
            kept.append(hit)
            continue
        between = [token.word for token in tokens[previous.end:_kept_start(hit, text, tokens, previous.end)]]
        if all(word in within for word in between):
            continue  # the second place is where the first is
        if between and between[-1] in within and by_name[previous.field].short_name == ADDRESS \
                and by_name[hit.field].short_name != ADDRESS:
            kept[-1] = replace(previous, field=hit.field)  # "ग्राम करवड़ में घर पर": the home in the village
            continue
        kept.append(hit)
    return kept


def _place_for_the_place_asked(hits: List[_CueHit], by_name: Dict[str, Field],
                               asked: Optional[Field]) -> List[_CueHit]:
    """Asked where the marriage was, "शादी रामा गाँव में घर पर ही हुई": a place said with a place's word
    ("गाँव", which would cue the address) answers the place asked; "पता गाँव रामा" still names the address."""
    if asked is None or asked.kind != TEXT or asked.short_name == ADDRESS \
            or not _listed("kept_with_value", asked.short_name) or any(hit.field == asked.name for hit in hits):
        return hits
    moved = next((hit for hit in hits if hit.how == "kept" and by_name[hit.field].short_name == ADDRESS), None)
    return [replace(hit, field=asked.name) if hit is moved else hit for hit in hits]


def _name_end(tokens: Sequence[_Token], fields: Iterable[Field], start: int, end: int) -> int:
    """Where a name written from `start` ends, at the latest `end`: before the first word that starts an
    option's name ("Vijay Katara salary job", "कालू भाबोर अनुसूचित जनजाति"); at `start` itself when an option
    stands there ("पति मज़दूरी करते हैं" names the husband's work, not his name)."""
    names = {tuple(name.split()) for spec in fields if spec.kind == CHOICE for choice in spec.choices
             if choice.value not in YES_NO | GENERIC_CHOICES for name in choice.names() if len(name) >= 2}
    return next((index for index in range(start, end) if any(_starts_with(tokens, index, name) for name in names)),
                end)


def _without(text: str, key: str) -> str:
    """The text without the words of `key` (links around an answer, words asking for a change)."""
    phrases = sorted((" ".join(p) for p in _words_of(key)), key=len, reverse=True)
    padded = f" {' '.join(normalise(text).split())} "
    original = text
    for phrase in phrases:
        if f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
            # "it s" is how "it's" reads once normalised: any punctuation may stand between the words
            words = r"[\W_]+".join(map(re.escape, phrase.split()))
            original = re.sub(rf"(?<!\w){words}(?!\w)", " ", original, flags=re.IGNORECASE)
    return " ".join(original.split()).strip(_EDGE_PUNCTUATION)


def strip_links(text: str) -> str:
    words = text.split()
    links = _word_set("links")
    while words and (normalise(words[0]) in links or not normalise(words[0])):
        words.pop(0)
    while words and (normalise(words[-1]) in links or not normalise(words[-1])):
        words.pop()
    return " ".join(words).strip(_EDGE_PUNCTUATION)


def _says(text: str, key: str) -> bool:
    """Whether one of the phrases of `key` stands in the text, as whole words."""
    padded = f" {' '.join(normalise(text).split())} "
    return any(f" {' '.join(words)} " in padded for words in _words_of(key))


def says_change(text: str) -> bool:
    return _says(text, "change")


SHORT_REPLY = 4  # words: "baad me bhejunga" says later, a longer sentence may say more
SENTENCE_REPLY = 12  # words: "I don't have the Aadhaar with me right now" says none in a sentence of its own


def says_none(text: str) -> bool:
    """"nahi", "no", "nahi hai", "baad me bhejunga": there is nothing to give for this field now."""
    plain = strip_links(text)
    # "बाद में": the link word stripped would leave "बाद", which means nothing
    if not plain or any(means(said, key) for said in {text, plain} for key in ("no", "skip", "done")):
        return True
    return len(plain.split()) <= SHORT_REPLY and any(mentions(plain, key) for key in ("no", "skip")) \
        or not_at_hand(text)


def skips_files(text: str) -> bool:
    """A skip word said of the files: in a short reply, or in a sentence naming a photo, a camera or a
    document, or putting something off ("will send it later"). "poori gali me pani nahi h" at the photo
    step describes the problem: its "nahi h" says nothing of a photo."""
    return mentions(text, "skip") and (
        len(text.split()) <= SHORT_REPLY or mentions(text, "photo_words") or _says(text, "document_names")
        or _says(text, "document_words") or mentions(without_words(text, "no"), "skip"))


def not_at_hand(text: str) -> bool:
    """"I don't have the Aadhaar with me right now", "I'd rather not share it": a sentence of its own
    saying there is nothing to give."""
    return len(text.split()) <= SENTENCE_REPLY and mentions(text, "not_at_hand")


PUT_OFF_WORDS = 6  # "ye baad me bata dungi" puts the answer off; a longer message may hold one


def promised_later(text: str) -> bool:
    """"pta bad me btata hu", "later": a short reply that puts the answer off."""
    # the words are looked for in the whole text: "bad me" ends in a link word, which strip_links would cut
    return len(strip_links(text).split()) <= PUT_OFF_WORDS and _says(text, "put_off_words")


def files_promised_later(text: str) -> bool:
    """"parchi bad me", "aadhar baad me bhejungi": documents put off, not the answer asked."""
    return promised_later(text) and (_says(text, "document_names") or _says(text, "document_words"))


# --- values by kind ------------------------------------------------------------

def parse(spec: Field, text: str, today: date) -> Any:
    """The field's value in `text`, an Invalid with the reason, or None when there is no answer at all."""
    text = text.strip(_EDGE_PUNCTUATION)
    if not text:
        return None
    if spec.kind in FILES:  # "I don't have the sarpanch letter now, will send it later": however long
        return FINISHED if says_none(text) or skips_files(text) else None
    parser = _PARSERS.get(spec.kind)
    return parser(spec, text, today) if parser else None  # a confirmation is not a typed value


def _text(spec: Field, text: str, today: date) -> Any:
    limit = spec.max_length or DEFAULT_MAX_LENGTH.get(spec.kind, 500)
    if spec.pattern and not re.search(spec.pattern, text):
        return Invalid("text")  # "की नकल चाहिए" is no khasra number
    if spec.pattern:
        text = _through_the_code(text, spec.pattern)
    if len(text) <= limit:
        return text
    # a short value said in a sentence ("khasra 130/1 ka namantaran karwana hai"): the words before the first link
    head = _leading_words(text)
    return head if head and len(head) <= limit else Invalid("too_long", {"limit": limit})


def _through_the_code(text: str, pattern: str) -> str:
    """The words through those that look like the code ("45 flickering whole night": 45; "EL 1234" and
    "45 / 2": all)."""
    words = text.split()
    end = next((index for index, word in enumerate(words) if re.search(pattern, word)), len(words) - 1)
    while end + 1 < len(words) and (re.search(pattern, words[end + 1]) or not any(c.isalnum() for c in words[end + 1])):
        end += 1
    return " ".join(words[:end + 1])


def _leading_words(text: str) -> str:
    """The words a value starts with, up to a linking word or the end of its part ("45/2, Ramesh …": 45/2;
    "1187 likha h": 1187)."""
    links = _word_set("links", "fillers", "before_identifier")
    words = []
    for word in _SEPARATORS.split(text)[0].split():
        if normalise(word) in links:
            break
        words.append(word)
    return " ".join(words).strip(_EDGE_PUNCTUATION)


def _name(spec: Field, text: str, today: date) -> Any:
    name = _after_relation(name_in(text).strip(_EDGE_PUNCTUATION))
    # "Shantilal Katara last year": the capitalised words are the name, the words after them are not
    name = values.leading_written_name(name, _relative_words("before_title")) or (name if values.is_name(name) else "")
    if not name:
        return Invalid("name")
    return _text(spec, name, today)


def _after_relation(name: str) -> str:
    """"purane malik papa Dhanna Bhuria": the relation word before a name says whose it is, it is no part of it."""
    words = name.split()
    relations = _relation_of()
    while len(words) > 1 and normalise(words[0]) in relations:
        words.pop(0)
    return " ".join(words)


def _mobile(spec: Field, text: str, today: date) -> Any:
    return values.mobile(text) or Invalid("mobile")


def _pincode(spec: Field, text: str, today: date) -> Any:
    return values.pincode(text) or Invalid("pincode")


def _aadhaar(spec: Field, text: str, today: date) -> Any:
    return values.aadhaar_last4(text) or Invalid("aadhaar")


def _date(spec: Field, text: str, today: date) -> Any:
    found = values.a_date(text, today)
    if found is None:
        without_year = values.day_and_month(text)
        # "12 march ko hua": the year is asked for, the day and month kept (turn.py)
        return Invalid("date_needs_year", {"day_month": without_year.strftime("%d-%m")}) if without_year \
            else Invalid("date")
    if spec.not_in_future and found > today:
        return Invalid("date_in_future")
    return found.isoformat()


def _number(spec: Field, text: str, today: date) -> Any:
    number = values.amount(text)
    if number is None:
        number = values.amount_inside(text)
    if number is None:
        ungrouped = re.sub(r"(?<=\d),(?=\d)", "", values.counted_in_digits(text))  # "1,20,000 from salary"
        runs = [run for run in values.digit_runs(ungrouped) if run.isdigit()]
        number = int(runs[0]) if len(runs) == 1 and len(runs[0]) <= 18 else None
    if number is None:
        return Invalid("count" if spec.answer_form == "count" else "number")
    if spec.short_name in _cue_data()["yearly_amounts"] and mentions(text, "per_month"):
        number *= 12  # "महीने के 12 हजार" asked a yearly income
    low = spec.minimum if spec.minimum is not None else 0
    high = spec.maximum if spec.maximum is not None else 10**18
    return number if low <= number <= high else Invalid("number_range", {"min": low, "max": high})


def _choice(spec: Field, text: str, today: date) -> Any:
    plain = strip_links(text) or text
    named = [choice for choice in spec.choices if choice.named_by(plain)]
    if not named:
        named = [choice for choice in spec.choices if choice.mentioned_in(plain)]
    if spec.several and named:
        return [choice.value for choice in named]
    if named and {choice.value for choice in named} <= YES_NO and _yes_or_no_in_passing(named, plain):
        return None  # "2 dengue cases already, no fogging done": that "no" answers another question
    if {choice.value for choice in named} == YES_NO:  # "पानी नहीं भरा": the yes words, denied
        return "no"
    return named[0].value if len(named) == 1 else Invalid("choice")


def _yes_or_no_in_passing(named: Sequence[Choice], text: str) -> bool:
    """A sentence where a bare yes or no stands after its start: "nahi, sookha hai" and "पानी नहीं भरा"
    answer, "2 dengue cases in our lane, no fogging done" does not."""
    words = normalise(text).split()
    if len(words) <= SHORT_REPLY or any(choice.longest_mention(text) >= 2 for choice in named):
        return False
    return not any(words[0] == name for choice in named for name in choice.names())


_PARSERS = {NAME: _name, MOBILE: _mobile, PINCODE: _pincode, AADHAAR: _aadhaar, DATE: _date, NUMBER: _number,
            CHOICE: _choice, TEXT: _text, LOCATION: _text}


# --- values found by their shape, without a cue -----------------------------------

def _by_shape(spec: Field, text: str, today: date) -> Any:
    """A value whose shape alone says which field it is: a mobile, a PIN code, a masked Aadhaar, a date."""
    if spec.kind == MOBILE:
        return values.mobile(text)
    if spec.kind == PINCODE:
        return values.pincode(text) if values.mobile(text) is None else None
    if spec.kind == AADHAAR:
        return values.aadhaar_last4(text) if "XXXX" in text.upper() else None
    if spec.kind == DATE:
        found = values.a_date(text, today)
        return found.isoformat() if found and not (spec.not_in_future and found > today) else None
    return None


_DIGIT_RUN = re.compile(r"\+?[\d०-९][\d०-९ \-]{4,14}[\d०-९]")
_SHAPED_RUNS = {MOBILE: _DIGIT_RUN, PINCODE: _DIGIT_RUN,
                DATE: re.compile(r"[\d०-९]{1,2}[-/.][\d०-९]{1,2}[-/.][\d०-९]{2,4}")}


def _without_shaped_values(span: str, fields: Sequence[Field], today: date) -> Tuple[str, Dict[str, Any]]:
    """A mobile, a PIN code or a date in figures written inside a free-text answer, taken out for its own
    field ("mandir me hui 5-3-2024 ko")."""
    found: Dict[str, Any] = {}
    for spec in fields:
        if spec.kind not in _SHAPED_RUNS:
            continue
        for run in _SHAPED_RUNS[spec.kind].findall(span):
            value = _by_shape(spec, run, today)
            if value is not None:
                found[spec.name] = value
                span = span.replace(run, " ")
                break
    return " ".join(span.split()).strip(_EDGE_PUNCTUATION), found


def _claimable(segment: str, others: Sequence[Field], today: date) -> bool:
    """Whether another field can take this part of a message by its shape or an option's name."""
    plain = strip_links(segment)
    return any(_by_shape(spec, segment, today) is not None
               or (spec.kind == CHOICE and any(c.value not in GENERIC_CHOICES and c.named_by(plain) for c in spec.choices))
               for spec in others)


def _own_segments(span: str, others: Sequence[Field], today: date) -> Tuple[str, List[str]]:
    """A free-text answer up to the first comma-separated part that belongs to another field."""
    parts = _SEPARATORS.split(span)
    for index, part in enumerate(parts[1:], start=1):
        if _claimable(part, others, today):
            return ", ".join(parts[:index]), parts[index:]
    return span, []


def vague_place(text: str) -> bool:
    """"here", "near my house", "मेरे घर के पास": no place a field crew could find."""
    return not meaningful(without_words(text, "vague_places"))


def _capitalised_after_the_first_word(text: str) -> bool:
    """"near Big Bazaar", "Vijay Nagar": a proper name (a first word may be capitalised as a sentence's)."""
    return any(word[0].isascii() and word[0].isupper() for word in text.split()[1:])


def _part_of_a_place(segment: str) -> bool:
    """A part of a message that names a place by its words ("Holkar college ke peeche", "Big Bazaar")."""
    return mentions(segment, "place_words") or _capitalised_after_the_first_word(segment)


_PLACE_WORD = re.compile(r"[^\s,.;:!?()]+")  # a word without the punctuation that ends a place


@dataclass(frozen=True)
class _PlaceWords:
    nouns: FrozenSet[str]  # words that name a kind of place ("nagar", "चौराहा")
    generic: FrozenSet[str]  # nouns that say no name by themselves ("gali", "sadak")
    no_name: FrozenSet[str]  # linking, filler and direction words: never part of a name
    postpositions: FrozenSet[str]  # "ke", "me", "पर": after a name, it is a place
    prepositions: FrozenSet[str]  # "near", "in": before a name, it is a place


@functools.lru_cache(maxsize=1)
def _place_words() -> _PlaceWords:
    def folded(key: str) -> FrozenSet[str]:
        return frozenset(normalise(word) for word in words_for(key))
    directions, postpositions = folded("place_directions"), folded("place_postpositions")
    return _PlaceWords(nouns=folded("place_words") - directions,
                       generic=frozenset(normalise(w) for w in words_for("vague_places") if " " not in w),
                       no_name=_word_set("links", "fillers") | directions | postpositions,
                       postpositions=postpositions, prepositions=folded("place_prepositions"))


def _capitalised(word: str) -> bool:
    return word[0].isascii() and word[0].isupper()


def _place_span(text: str, words: Sequence[Match[str]], start: int, end: int) -> Tuple[int, int]:
    """Where the place the words between `start` and `end` begin grows to (see `whole_place`), as word indexes."""
    vocabulary = _place_words()
    inside = [i for i, word in enumerate(words) if word.start() < end and word.end() > start]

    def joins(i: int, j: int) -> bool:  # word j continues the place from word i, with nothing but a space between
        word, key = words[j].group(), normalise(words[j].group())
        if not text[min(words[i].end(), words[j].end()):max(words[i].start(), words[j].start())].isspace():
            return False
        if _capitalised(word) or key in vocabulary.nouns:
            return True
        if j > i and word.isdigit():  # "सेक्टर 2", "MR 10"
            return normalise(words[i].group()) in vocabulary.nouns or _capitalised(words[i].group())
        if normalise(words[i].group()) not in vocabulary.nouns or j > i:
            return False
        # the name before a noun that follows names ("नगर", not "gali"), where a clause starts: not "pada gali"
        return normalise(words[i].group()) not in vocabulary.generic and key not in vocabulary.no_name \
            and not any(character.isdigit() for character in word) and starts_a_clause(j)

    def starts_a_clause(j: int) -> bool:
        return j == 0 or not text[words[j - 1].end():words[j].start()].isspace() \
            or normalise(words[j - 1].group()) in vocabulary.no_name

    first, last = inside[0], inside[-1]
    while first > 0 and joins(first, first - 1):
        first -= 1
    while last + 1 < len(words) and joins(last, last + 1):
        last += 1
    return first, last


def whole_place(text: str, start: int, end: int) -> str:
    """The words the NLU read as a place, grown over the proper name and place nouns next to them:
    "Vijay" in "outside Vijay Nagar police station" is "Vijay Nagar" (a comma ends a place). A place noun
    also takes the name before it and the number after it: "नगर" in "अनूप नगर में" is "अनूप नगर",
    "सेक्टर" in "द्वारकापुरी सेक्टर 2 में" is "सेक्टर 2" and then "द्वारकापुरी सेक्टर 2" (no capitals in Devanagari);
    a capitalised name takes its number too ("MR 10")."""
    words = list(_PLACE_WORD.finditer(text))
    if not any(word.start() < end and word.end() > start for word in words):
        return text[start:end]
    first, last = _place_span(text, words, start, end)
    return text[min(words[first].start(), start):max(words[last].end(), end)]


def place_in(text: str) -> Optional[str]:
    """A place named in a message the NLU found none in: a name before a place noun where a clause starts
    ("मरीमाता चौराहे पर"), or capitalised words a place noun or a postposition follows, maybe one word on
    ("Bicholi Mardana main road pe", "Lasudia mori me"), or a preposition goes before ("near Palasia").
    None when there is none: a person's name ("mera naam Rakesh Solanki h") is not followed so."""
    vocabulary = _place_words()
    words = list(_PLACE_WORD.finditer(text))
    keys = [normalise(word.group()) for word in words]
    for index, (word, key) in enumerate(zip(words, keys)):
        first, last = _place_span(text, words, word.start(), word.end())
        named = first < index or (last > index and words[last].group().isdigit())  # "अनूप नगर", "Scheme 78"
        if key in vocabulary.nouns and key not in vocabulary.generic and named:
            return text[words[first].start():words[last].end()]
        if _capitalised(word.group()) and key not in vocabulary.no_name and first == index:
            following = itertools.takewhile(  # the next two words in the same clause
                lambda at: text[words[at - 1].end():words[at].start()].isspace(), range(last + 1, min(last + 3, len(words))))
            marks = [keys[at] in vocabulary.nouns or keys[at] in vocabulary.postpositions for at in following]
            if marks[:1] == [True] or (index > 0 and keys[index - 1] in vocabulary.prepositions):
                return text[word.start():words[last].end()]
            if marks == [False, True] and keys[last + 1] not in vocabulary.no_name:
                further = last + 2 if keys[last + 2] in vocabulary.nouns else last + 1
                return text[word.start():words[further].end()]
    return None


_CLAUSE_END = re.compile(r"[,.;!?।]")


def place_said_instead(text: str) -> Optional[str]:
    """The place typed after saying the one given was wrong ("माफ़ करना, गलत जगह का पिन चला गया। कचरा
    खजराना गणेश मंदिर के पीछे वाली गली में है"), without the clause that says so; None when there is none."""
    folded = text.casefold()
    ends = [match.end() for phrase in words_for("wrong_place_words")
            for match in re.finditer(rf"(?<!\w){re.escape(phrase.casefold())}(?!\w)", folded)]
    if not ends:
        return None
    after = text[max(ends):]
    clauses = [clause.strip() for clause in _CLAUSE_END.split(after)]
    while clauses and not names_a_place(clauses[0]):
        clauses.pop(0)  # "… का पिन चला गया": what went wrong, not where
    place = ", ".join(clause for clause in clauses if clause)
    return place or None


def used_as_a_place(text: str, name: str) -> bool:
    """A name followed by a word that makes it a place ("pardesipura ke sulabh shauchalay"), where the name
    alone has no place word or capital to show it is one."""
    follows = re.search(rf"(?<!\w){re.escape(name.casefold())}\s+([^\s,.;:!?]+)", text.casefold())
    return follows is not None and normalise(follows.group(1)) in _place_words().postpositions


def names_a_place(text: str) -> bool:
    """Typed words a crew could find: a place word, a number or a capitalised name after the first word
    ("Geeta Bhawan ke peeche", "gali 3", "near Big Bazaar"); not a plea ("aap log aake dekh lo na")."""
    return mentions(without_words(text, "not_places"), "place_words") or any(character.isdigit() for character in text) \
        or _capitalised_after_the_first_word(text)


def meaningful(text: str) -> bool:
    """More than filler words ("mera", "aur", "hai")."""
    fillers = _word_set("links", "fillers")
    return any(normalise(word) not in fillers and any(character.isalnum() for character in word)
               for word in text.split() if normalise(word))  # "🙏" says nothing either


# --- reading a message ------------------------------------------------------------

def _span(text: str, tokens: Sequence[_Token], first: int, end: int) -> str:
    return text[tokens[first].start:tokens[end - 1].end] if first < end else ""


def _cued_answer(hit: _CueHit, text: str, tokens: Sequence[_Token], previous_end: int, next_start: int) -> str:
    if hit.how == "after":  # the words just before the cue, back to a separator or the previous cue
        return _span(text, tokens, _after_start(hit, text, tokens, previous_end), hit.start)
    if hit.how == "kept":  # "Civil Hospital Meghnagar", "Karwad gaon": the name may come before the cue
        return _span(text, tokens, _kept_start(hit, text, tokens, previous_end), next_start)
    if hit.how == "value":  # "bhil": the cue is the answer
        return _span(text, tokens, hit.start, hit.end)
    return _span(text, tokens, hit.end, next_start)


KEPT_WORDS_BEFORE = 2  # "Civil Hospital", "Karwad gaon": a place's name before its kind


def _kept_start(hit: _CueHit, text: str, tokens: Sequence[_Token], previous_end: int) -> int:
    """Back from a kept cue over the words of a name: not past a separator, a linking word or a number."""
    first = max(_segment_start(hit, text, tokens, previous_end), hit.start - KEPT_WORDS_BEFORE)
    links = _word_set("links", "fillers", "what_is_there")
    start = hit.start
    while start > first and tokens[start - 1].word not in links and not any(ch.isdigit() for ch in tokens[start - 1].word):
        start -= 1
    town = start - 2  # "Thandla ke sarkari aspatal": a town's name tied to the place by "ke"
    if town >= _segment_start(hit, text, tokens, previous_end) and tokens[start - 1].word in _word_set("place_of") \
            and tokens[town].word not in links and _written_name_word(text, tokens[town]):
        start = town
    return start


def _after_start(hit: _CueHit, text: str, tokens: Sequence[_Token], previous_end: int) -> int:
    """Where a trailing cue's answer starts: "husband Vijay salary job 1 lakh 20 hazar yearly" gives the
    amount only; otherwise the words back to a separator or the previous cue."""
    start = _segment_start(hit, text, tokens, previous_end)
    if hit.person and hit.how == "after":  # "pehle zameen mummy Premlata Vasuniya ke naam thi": back over the name
        name_start = hit.start
        while name_start > start and hit.start - name_start < values.NAME_WORDS \
                and _written_name_word(text, tokens[name_start - 1]):
            name_start -= 1
        return name_start
    if hit.name_only:  # "12 मई को रामा गाँव में हुई": back to a linking word or a number, not over the date
        links = _word_set("links", "fillers")
        place_start = hit.start
        while place_start > start and tokens[place_start - 1].word not in links \
                and not any(ch.isdigit() for ch in tokens[place_start - 1].word):
            place_start -= 1
        return place_start
    if hit.amount:
        amount_start = hit.start
        while amount_start > start and values.amount_word(tokens[amount_start - 1].word):
            amount_start -= 1
        if amount_start < hit.start:
            return amount_start
    return start


def _segment_start(hit: _CueHit, text: str, tokens: Sequence[_Token], previous_end: int) -> int:
    """The first token after the last separator (or cue) before this cue."""
    before = _span(text, tokens, previous_end, hit.start)
    part = _SEPARATORS.split(before)[-1] if before else ""
    answer_start = text.rfind(part, 0, tokens[hit.start].start) if part.strip() else -1
    if answer_start < 0:
        return hit.start
    return next((i for i, t in enumerate(tokens) if t.start >= answer_start), hit.start)


@functools.lru_cache(maxsize=1)
def _cue_last_words() -> FrozenSet[str]:
    """The last word of every cue: "naam" of "mera naam", "मोबाइल"."""
    return frozenset(_phrase(cue)[-1] for cues in _cue_data()["cues"].values() for cue in cues if _phrase(cue))


def _trailing_cues() -> Tuple[Tuple[str, ...], ...]:
    """Every cue said after its answer ("…ke liye", "…saal se")."""
    return tuple(_phrase(cue) for cues in _cue_data()["after"].values() for cue in cues if _phrase(cue))


def _clauses_marked(text: str) -> str:
    """A comma after each word that ends a clause when more follows: a run-on ("…कमला है मेरे पति भेरू थे
    मैं मजदूरी करती हूं…") is read in parts, as if the citizen had punctuated it. Not where the clause word
    stands between a cue and its value ("mera naam h Ramesh", "मोबाइल बेटे का है 8962310745"), nor before
    a cue that looks back at it ("loan lena h uske liye")."""
    ends, goes_on = _word_set("clause_ends"), _word_set("clause_goes_on")
    open_before = _cue_last_words() | _word_set("links")
    trailing = _trailing_cues()
    tokens = _tokens(text)
    for at in reversed(range(1, len(tokens) - 1)):
        before, token, following = tokens[at - 1], tokens[at], tokens[at + 1]
        if token.word in ends and following.word not in goes_on and before.word not in open_before \
                and not text[token.end:following.start].strip() \
                and not any(_starts_with(tokens, at + 1, cue) for cue in trailing):
            text = f"{text[:token.end]},{text[token.end:]}"
    return text


def read(text: str, fields: Sequence[Field], asked: Optional[Field], today: date,
         named: Iterable[str] = ()) -> Reading:
    """What the typed `text` says for `fields` (the task's fields, answered ones included for changes).
    `named`: the people's fields answered already; a bare name is not meant as theirs ("माँ का नाम सुगना था"
    earlier, "पिताजी का नाम मांगीलाल" now is the next person's, her husband's)."""
    reading = _read_message(_clauses_marked(text), fields, asked, today, named)
    _place_of_the_pincode(reading, text, fields, asked, named)
    for spec in fields:  # "घर में मैं, मेरे पति, सास और दो बच्चे": the family's number, counted
        if spec.kind == NUMBER and values.counts_people(spec.short_name) and spec.name not in reading.found:
            count = values.people_count(text)
            if count is not None:
                reading.found[spec.name] = count
                reading.invalid.pop(spec.name, None)
                if reading.asked_value is not None and asked is spec:
                    reading.asked_value = None
    return reading


def _read_message(text: str, fields: Sequence[Field], asked: Optional[Field], today: date,
                  named: Iterable[str]) -> Reading:
    reading = Reading()
    if means(text, "submit"):  # "ok register it": a step the citizen takes, no answer to any question
        reading.rest = text
        return reading
    chosen_instead = _choice_corrected(text, fields)
    if chosen_instead:  # "arre light nahi, kachre ki shikayat hai": the whole message says which one
        reading.found.update(chosen_instead)
        return reading
    tokens = _tokens(text)
    by_name = {spec.name: spec for spec in fields}
    relatives, spans = _relative_named(text, tokens, by_name)
    if relatives:  # the name read, the rest of the message is read without it (its commas kept)
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        tokens = _tokens(text)
    hits = _person_meant(_places_go_on(_outside_names(_cue_hits(text, tokens, fields), by_name, text, tokens), by_name,
                                       text, tokens), text, tokens, by_name, today, [*relatives, *named], asked)
    hits = _place_for_the_place_asked(hits, by_name, asked)
    leftovers: List[str] = []
    spares: List[str] = []  # the words beside a cued value: only an option's name is taken from them
    claimed = [False] * len(tokens)
    for number, hit in enumerate(hits):
        previous_end = hits[number - 1].end if number else 0
        next_start = len(tokens)
        if number + 1 < len(hits):  # "janam se yahin, 22 saal": "22" belongs to the trailing cue after it
            following = hits[number + 1]
            next_start = _after_start(following, text, tokens, hit.end) if following.how == "after" \
                else _kept_start(following, text, tokens, hit.end) if following.how == "kept" else following.start
        spec = by_name[hit.field]
        if spec.kind == NAME and hit.how == "before":  # the words after the name are for other questions
            next_start = _name_end(tokens, fields, hit.end, next_start)
        span = _cued_answer(hit, text, tokens, previous_end, next_start)
        leftovers_before = len(leftovers)
        if spec.kind not in (TEXT, LOCATION, *FILES) and not says_change(span):  # "90 hazar, kheti": the amount, then more
            span, *rest = _SEPARATORS.split(span) if hit.how != "after" else (span,)
            leftovers += rest
            if spec.kind not in (NAME, CHOICE):
                spares.append(span)  # "72000 per year from labour": the option named beside the amount
            if spec.kind == NUMBER and hit.how == "before" and _after_words_before_identifier(span)[:1].isdigit():
                span = _after_words_before_identifier(span)  # "khata no 30198276451": "no" is no "none"
        else:  # "gaon Kalidevi 457661": the PIN code is not part of the address; "jati Bhil, ST": nor ST
            span, rest = _own_segments(span, [other for other in fields if other is not spec], today)
            leftovers += rest
            if spec.kind == LOCATION:  # "jagah Rajwada, 3 din se kachra pada hai": the place ends where a sentence starts
                span, *told = _place_parts(span)
                leftovers += told
            if spec.kind == TEXT and (spec.max_length or DEFAULT_MAX_LENGTH[TEXT]) <= VALUE_TEXT:
                # "at home in Thandla. I am his son.": a place or a name of a thing ends with its sentence
                span, *later = _SENTENCE_END.split(span, maxsplit=1)
                leftovers += later
            # "45 ki light band hai": an identifier ends where linking words start
            if spec.max_length and spec.max_length <= SHORT_TEXT and (len(span) > spec.max_length or spec.pattern):
                if spec.pattern:  # "pe number likha h KJ-52": the words before the code are not part of it
                    span = _after_words_before_identifier(span)
                head = _leading_words(span)  # "khasra 128 ki khatauni chahiye": 128, and "khatauni" for another
                if spec.pattern:  # "pole no 45 flickering whole night": 45, and "flickering" for another
                    head = _through_the_code(head, spec.pattern)
                if head:
                    leftovers.append(span[span.find(head) + len(head):])
                    span = head
            # "is wrong: it is 13-11-2025, not 03-11-2025" cued a date: its dates are its own to read
            span, shaped = _without_shaped_values(span, [other for other in fields if other is not spec], today)
            reading.found.update({name: value for name, value in shaped.items() if name not in reading.found})
        _read_cued(reading, spec, hit, span, text, tokens, today)
        no_digits = not any(character.isdigit() for character in span)
        named_only = hit.how == "before" and (spec.kind in (TEXT, NAME, CHOICE) or (
            spec.kind in SHAPED and no_digits and is_question(text)))
        if named_only and spec.name in reading.invalid:
            # "खसरे की नकल": no khasra number follows, so "खसरे" names something else here;
            # "why do you need my aadhaar?": no digits, the field is talked about, not answered
            del reading.invalid[spec.name]
            del leftovers[leftovers_before:]
            continue
        if spec.kind == DATE and no_digits and hit.how == "before":
            reading.invalid.pop(spec.name, None)  # "शादी का पंजीयन करवाना है": the marriage named, no date given
        first_claimed = _after_start(hit, text, tokens, previous_end) if hit.how == "after" \
            else _kept_start(hit, text, tokens, previous_end) if hit.how == "kept" \
            else _segment_start(hit, text, tokens, previous_end) if spec.kind in FILES and spec.name in reading.found \
            else hit.start  # "I'll bring the khasra copy later": the whole part is about the documents
        # "आय प्रमाण पत्र चाहिए। …": a certificate named with nothing said about it leaves the words after it
        idle_files = spec.kind in FILES and spec.name not in reading.found
        for index in range(first_claimed, hit.end if hit.how in ("after", "value") or idle_files else next_start):
            claimed[index] = True
    _add_implied_by_cues(reading, hits, tokens, by_name)
    head = text  # what no cue claimed, commas kept
    for token, taken in zip(tokens, claimed):
        if taken:
            head = head[:token.start] + " " * (token.end - token.start) + head[token.end:]
    head = " ".join(head.split())
    segments = [part.strip(_EDGE_PUNCTUATION) for part in [*_SEPARATORS.split(head), *leftovers]
                if part.strip(_EDGE_PUNCTUATION)]
    if asked is not None and asked.kind not in (TEXT, LOCATION, NAME):
        # a number or an option asked for is read first ("2" asked a number is not a PIN code)
        reading.rest = ", ".join(segments) if hits else head.strip(_EDGE_PUNCTUATION)
        if reading.rest and asked.name not in reading.found and asked.name not in reading.invalid:
            reading.asked_value = parse(asked, text if asked.kind in FILES else reading.rest, today)
            if _valid(reading.asked_value):
                own = next((part for part in segments if _valid(parse(asked, part, today))), None)
                if asked.several or len(segments) <= 1 or own is None:
                    if asked.kind in (NUMBER, DATE):  # "saal ki 85000 kheti se": the option beside the amount
                        _claim_segment(reading, [spec for spec in fields if spec.kind == CHOICE and spec is not asked],
                                       reading.rest, today)
                    return reading
                # "I am Manoj, 98265 53019, Station Road 457779" asked the mobile: the other parts answer more
                segments = [part for part in segments if part is not own]
    others = [spec for spec in fields if spec is not asked]
    for spare in spares:
        _claim_segment(reading, [spec for spec in others if spec.kind == CHOICE], spare, today)
    unclaimed = []
    for segment in segments:
        if asked is not None and asked.kind == LOCATION and _part_of_a_place(segment):
            unclaimed.append(segment)  # "light wali gali", "pani ki tanki ke paas": landmarks, not answers
            continue
        left = _claim_segment(reading, others, segment, today)
        if left is None:
            unclaimed.append(segment)
        elif meaningful(left):
            unclaimed.append(left)
    reading.rest = ", ".join(unclaimed) if hits else (head.strip(_EDGE_PUNCTUATION) if unclaimed == segments
                                                      else ", ".join(unclaimed))
    if reading.rest and asked is not None and asked.name not in reading.found and asked.name not in reading.invalid \
            and reading.asked_value is None:
        # files are put off by the whole message: "pani nahi h, tanker bhi nahi bheja" has its "no" in words
        # no other question took, yet says nothing of a photo
        reading.asked_value = parse(asked, text if asked.kind in FILES else _the_name_among(asked, unclaimed)
                                    or reading.rest, today)
    for name, value in relatives.items():
        parsed = parse(by_name[name], value, today)
        if name not in reading.found and _valid(parsed):
            reading.found[name] = parsed
    _add_implied(reading, fields)
    if reading.change in reading.found:  # "pin galat likha, 457661 hai": the new value came later in the message
        reading.change = None
    return reading


def _the_name_among(asked: Field, parts: Sequence[str]) -> Optional[str]:
    """"Suresh Meda, me uska papa" asked a name: the one part written as a name."""
    names = [part for part in parts if values.written_as_name(part)] if asked.kind == NAME and len(parts) > 1 else []
    return names[0] if len(names) == 1 else None


def _add_implied(reading: Reading, fields: Sequence[Field]) -> None:
    """"caste: Bhilala" answers the category too (content/field_cues.yml `implied_answers`)."""
    by_short = {spec.short_name: spec for spec in fields}
    for source, targets in (_cue_data().get("implied_answers") or {}).items():
        given = by_short.get(source)
        if given is None or given.name not in reading.found:
            continue
        _take_implied(reading, by_short, normalise(str(reading.found[given.name])), targets)


def _take_implied(reading: Reading, by_short: Dict[str, Field], said: str,
                  targets: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
    """The options `said` implies ({field: {option: words}}), for the fields not answered in this message."""
    for target, options in targets.items():
        spec = by_short.get(target)
        option = next((value for value, words in options.items() if said in {normalise(w) for w in words}), None)
        if spec is not None and option is not None and spec.name not in reading.found:
            reading.found[spec.name] = option
            reading.passing.add(spec.name)  # implied: it does not change an answer already given


PLACE_WORDS_AT_LEAST = 2  # "Rajgarh naka jhabua": a place; one word alone may be anything


def _place_of_the_pincode(reading: Reading, text: str, fields: Sequence[Field], asked: Optional[Field],
                          named: Iterable[str]) -> None:
    """"ghar Rajgarh naka jhabua, pin 457661": the words no cue took, right before the PIN code, are the
    place it is the code of (the address, when it is still open)."""
    address = next((spec for spec in fields if spec.kind == TEXT and spec.short_name == ADDRESS), None)
    pincode = next((spec for spec in fields if spec.kind == PINCODE and spec.name in reading.found), None)
    if address is None or pincode is None or address.name in reading.found or address.name in set(named) \
            or address is asked or not reading.rest:
        return
    code = re.escape(str(reading.found[pincode.name]))
    cues = "|".join(r"\s+".join(map(re.escape, cue)) for cue in sorted(cues_of(pincode), key=len, reverse=True) if cue)
    parts = [part for part in reading.rest.split(", ") if part]
    for last, part in enumerate(parts):
        at = text.find(part)
        follows_the_code = at >= 0 and re.match(rf"\s*[,;]\s*(?:(?:{cues})\s*[:\-]?\s*)?{code}\b",
                                                text[at + len(part):], re.IGNORECASE)
        if not follows_the_code or not _reads_as_a_place(part) or len(part.split()) < PLACE_WORDS_AT_LEAST:
            continue
        first = last  # "Meghnagar, near railway station, 457779": the parts before it in a row are the place too
        while first > 0 and _reads_as_a_place(parts[first - 1]) and re.fullmatch(
                r"\s*[,;]\s*", text[text.find(parts[first - 1]) + len(parts[first - 1]):text.find(parts[first])]):
            first -= 1
        reading.found[address.name] = ", ".join(parts[first:last + 1])
        reading.rest = ", ".join(parts[:first] + parts[last + 1:])
        if asked is not None and reading.asked_value is not None and not reading.rest:
            reading.asked_value = None
        return


def _place_parts(span: str) -> List[str]:
    """The place of "Lane 3, Sector C, Sudama Nagar" (its parts in a row, numbers allowed), then the parts
    from the first that tells something ("3 din se kachra pada hai") on."""
    parts = [part.strip() for part in _SEPARATORS.split(span)]
    place = 1
    while place < len(parts) and parts[place] and not _tells_something(parts[place]):
        place += 1
    return [", ".join(parts[:place]), *[part for part in parts[place:] if part]]


def _tells_something(part: str) -> bool:
    """A question or a sentence ("3 din se kachra pada hai"), not a place's name."""
    return is_question(part) or _says(part, "clause_ends")


def _reads_as_a_place(part: str) -> bool:
    """Words that may name a place: no digits, no question, no sentence ("mera beta bimar hai" is none)."""
    return meaningful(part) and not any(ch.isdigit() for ch in part) and not _tells_something(part)


def _add_implied_by_cues(reading: Reading, hits: Sequence[_CueHit], tokens: Sequence[_Token],
                         by_name: Dict[str, Field]) -> None:
    """"Ramesh Bhuria se kharidi": the cue of the seller's name says the reason too (field_cues.yml
    `implied_by_cues`)."""
    by_short = {spec.short_name: spec for spec in by_name.values()}
    config = _cue_data().get("implied_by_cues") or {}
    for hit in hits:
        said = " ".join(token.word for token in tokens[hit.start:hit.end])
        _take_implied(reading, by_short, said, config.get(by_name[hit.field].short_name) or {})


def is_question(text: str) -> bool:
    return "?" in text or mentions(text, "question_words")


def _valid(value: Any) -> bool:
    return value is not None and not isinstance(value, Invalid)


def _options_beside(reading: Reading, others: Sequence[Field], segment: str, today: date) -> bool:
    """An option named beside a value read by its shape: "1.5 lakh saal ki खेती से", "बिटिया हुई है 2 दिसंबर को"."""
    return _claim_segment(reading, [spec for spec in others if spec.kind == CHOICE], segment, today) is not None


_NUMERIC_DAY_AND_MONTH = re.compile(r"\d\s*[-/.]\s*\d")  # "12/3" uncued may be a plot or a khasra; "12 march" is a date


def _claim_segment(reading: Reading, others: Sequence[Field], segment: str, today: date) -> Optional[str]:
    """A part of the message only one field can take, by its shape or an option's name. Returns what is
    left of it ("Station Road Meghnagar" of "Station Road Meghnagar 457779"), or None if nothing took it."""
    open_fields = [spec for spec in others if spec.name not in reading.found and spec.name not in reading.invalid]
    left, shaped = _without_shaped_values(segment, open_fields, today)
    if shaped:
        reading.found.update(shaped)
        address = next((spec for spec in others if spec.kind == TEXT and spec.name.split(".")[-1] == ADDRESS), None)
        pincode_taken = any(spec.kind == PINCODE and spec.name in shaped for spec in open_fields)
        if address is not None and pincode_taken and left and not any(c.isdigit() for c in left):
            if address.name in reading.found:  # "address बस स्टैंड के पीछे, Ranapur 457993": the town too
                reading.found[address.name] = f"{reading.found[address.name]}, {left}"
                return ""
            if len(left.split()) >= 2:
                reading.found[address.name] = left  # "Station Road Meghnagar 457779": the place the PIN code is of
                return ""
        return "" if meaningful(left) and _options_beside(reading, others, left, today) else left
    for spec in open_fields:
        value = _by_shape(spec, segment, today)
        if value is not None:
            reading.found[spec.name] = value
            _options_beside(reading, others, segment, today)
            return ""
    dates = [spec for spec in open_fields if spec.kind == DATE]
    if len(dates) == 1 and values.day_and_month(segment) and not _NUMERIC_DAY_AND_MONTH.search(segment):
        reading.invalid[dates[0].name] = _date(dates[0], segment, today)  # "12 march ko hui": which year, asked
        return ""
    numbers = [spec for spec in open_fields if spec.kind == NUMBER]
    if len(numbers) == 1 and values.spoken_amount(segment):
        value = _number(numbers[0], segment, today)
        if not isinstance(value, Invalid):
            reading.found[numbers[0].name] = value
            _options_beside(reading, others, segment, today)
            return ""
    plain = strip_links(segment)
    named = [(spec, choice) for spec in open_fields if spec.kind == CHOICE
             # "Other" said in passing is no answer; "meri saas" (an other relation) is
             for choice in spec.choices if (choice.alias_mentioned_in(plain) if choice.value in GENERIC_CHOICES
                                            else choice.named_by(plain) or choice.mentioned_in(plain))
             # a bare "नहीं" in "अब तक ठीक नहीं की" answers no yes/no question; "पानी भरा है" does, but not
             # "no stagnant water though": yes and no both said, the question is asked
             and (choice.value not in YES_NO or (choice.longest_mention(plain) >= 2
                                                 and not all(other.mentioned_in(plain) for other in spec.choices)))]
    # "अनुसूचित जनजाति" names ST as written, SC only word by word: the option written out wins
    padded = f" {' '.join(normalise(plain).split())} "
    written_out = {(spec.name, choice.value) for spec, choice in named
                   if any(f" {name} " in padded for name in choice.names())}
    named = [(spec, choice) for spec, choice in named if (spec.name, choice.value) in written_out
             or not any(field_name == spec.name for field_name, _ in written_out)]
    # "my father died" names son_daughter ("my father", 2 words) more than parent ("father"): the longest wins
    longest: Dict[str, int] = {}
    for spec, choice in named:
        longest[spec.name] = max(longest.get(spec.name, 0), choice.longest_mention(plain))
    named = [(spec, choice) for spec, choice in named
             if spec.several or choice.longest_mention(plain) == longest[spec.name]]
    by_field: Dict[str, List[str]] = {}
    for spec, choice in named:
        by_field.setdefault(spec.name, []).append(choice.value)
    several = {spec.name for spec, _ in named if spec.several}
    # "B-1 copy for Gopalpura village": a record and a village, each named once; but a "haan" that two
    # yes/no questions share answers neither
    named_anywhere = [value for options in by_field.values() for value in set(options)]
    taken = {name: list(dict.fromkeys(options)) for name, options in by_field.items()
             if (len(set(options)) == 1 or name in several) and all(named_anywhere.count(v) == 1 for v in set(options))}
    for name, options in taken.items():
        reading.found[name] = options if name in several else options[0]
        reading.passing.add(name)
    return "" if taken else None


def _no_before(tokens: Sequence[_Token], at: int) -> bool:
    """"no photo", "नहीं है फोटो": a no just before the cue, linking words between."""
    links = _word_set("links")
    index = at - 1
    while index >= 0 and tokens[index].word in links:
        index -= 1
    return index >= 0 and means(tokens[index].word, "no")


def _read_cued(reading: Reading, spec: Field, hit: _CueHit, span: str, text: str, tokens: Sequence[_Token],
               today: date) -> None:
    """One cue's answer: a value, a refusal, nothing to give ("no photo"), or a change to make."""
    said_no = _no_before(tokens, hit.start)
    corrected = _corrected(spec, span, today)
    if corrected is not None:
        reading.found[spec.name] = corrected
        return
    cue_ends_part = hit.end == len(tokens) or text[tokens[hit.start].start:tokens[hit.end - 1].end][-1:] in ",;.।!?"
    if said_no and spec.kind in WRITTEN and hit.start and cue_ends_part \
            and not _SEPARATORS.search(text[tokens[hit.start - 1].start:tokens[hit.start].start]):
        # "padosiyo ke naam nhi pta, skip kr do": "don't know" ("pta" is the address's cue word too); "nahi nahi
        # naam Sunita Bhuria hai" goes on to the name
        if not spec.required:
            reading.skipped.add(spec.name)
        return
    if said_no and spec.kind in FILES:  # "no photo, it's dark now": whatever follows, there is none
        reading.found[spec.name] = FINISHED
        return
    answer = strip_links(span)
    changing = says_change(answer)
    if not changing and spec.kind in WRITTEN and (means(answer, "no") or means(answer, "dont_know")
                                                  or promised_later(answer)):
        # "pata nahi", "पता नहीं": the cue word said "don't know", no address "nahi"; "pta bad me btata hu": none yet;
        # "janm sthan ka pata nahi": not known
        if not spec.required and (promised_later(answer) or means(answer, "dont_know")):
            reading.skipped.add(spec.name)
        return
    if changing:
        answer = strip_links(_without(answer, "change"))
    elif (said_no and not answer) or (answer and says_none(span) and spec.kind not in (NAME, TEXT)):
        if spec.kind in FILES:
            reading.found[spec.name] = FINISHED
        elif not spec.required:
            reading.skipped.add(spec.name)
        return
    value = (_changed_value(spec, answer, today) if changing else parse(spec, answer, today)) if answer else None
    if value is None or (changing and isinstance(value, Invalid)):
        if changing or says_change(text):
            reading.change = spec.name
    elif isinstance(value, Invalid):
        reading.invalid[spec.name] = value
    else:
        reading.found[spec.name] = value


_CHANGE_PARTS = re.compile(r"\s*[,;:.\n।]\s*")


def _changed_value(spec: Field, answer: str, today: date) -> Any:
    """The new value of a change asked for: "लिखा, सही है कानजी डोडियार", "spelling galat hai: Ramesh nahi
    Rameshwar", "wrong. It's Rooplal, not Roopsingh" hold it in a part of their own (the last one first)."""
    corrected = _corrected(spec, strip_links(_without(answer, "correct_is")), today)
    if corrected is not None:  # "spelling mistake in the name: Kamla, not Kamala"
        return corrected
    whole = parse(spec, answer, today)
    if _valid(whole):
        return whole
    for part in reversed(_CHANGE_PARTS.split(answer)):
        part = strip_links(_without(part, "correct_is"))
        value = (_corrected(spec, part, today) or parse(spec, part, today)) if part else None
        if _valid(value):
            return value
    return whole


_ALTERNATIVE = re.compile(r"\s*(?:,|\bbut\b|\bbalki\b|बल्कि)\s*", re.IGNORECASE)
SHORT_VALUE = 3  # words: "Ranapur nahi Kalidevi" names two places, "pani nahi aata" says something
VALUE_TEXT = 200  # characters: a text field this short holds a value (a place, a name), a longer one an account


def _value_like(spec: Field, old: str, new: str) -> bool:
    short_field = spec.kind in (NAME, LOCATION) or (spec.max_length or DEFAULT_MAX_LENGTH[TEXT]) <= VALUE_TEXT
    return short_field and all(len(side.split()) <= SHORT_VALUE for side in (old, new))


def _corrected(spec: Field, span: str, today: date) -> Any:
    """The new value of "60 हजार नहीं 72 हजार", "17, not 71", "not 71 but 17": both sides must be values
    of the field, else the "not" says something else ("pani nahi aata", "no photo")."""
    for key, before, after in _negations(span):
        old, new = (before, after) if key == "not_the_one_before" else (after, before)
        if key == "not_the_one_after" and not meaningful(new):  # "not 71 but 17"
            old, new = (_ALTERNATIVE.split(after, maxsplit=1) + [""])[:2]
        old, new = strip_links(old), strip_links(new)
        if spec.kind in (TEXT, NAME) and not _value_like(spec, old, new):
            continue
        old_value, new_value = (parse(spec, side, today) if side else None for side in (old, new))
        # "gaon Ranapur nahi Kalidevi": an option denied need not be on the list, the one meant must
        denied = _valid(old_value) or (spec.kind == CHOICE and old_value is not None
                                       and len(old.split()) <= SHORT_VALUE)
        if denied and _valid(new_value) and old_value != new_value:
            # a written answer keeps what the correction does not name ("Scheme 78 not Scheme 54, Vijay Nagar")
            return PartChanged(old_value, new_value) if spec.kind in WRITTEN else new_value
    return None


CORRECTION_WORDS = 10  # a message this short that denies part of an answer only corrects it
ASKED_CORRECTION_WORDS = 20  # as long, when it says it corrects ("Sorry, wrong place. It is not Khajrana, …")


def corrected_part(text: str, answers: Sequence[Tuple[Field, str]], today: date) -> Dict[str, PartChanged]:
    """"अरे गली नंबर 4 नहीं, गली नंबर 6 है", "Ranapur nahi Rajpur" said after the bot moved on: the part of
    the written answer that holds the denied words changes. Several answers holding them are all returned:
    which one is meant is the citizen's to say."""
    if len(text.split()) > (ASKED_CORRECTION_WORDS if says_change(text) else CORRECTION_WORDS):
        return {}
    for key, before, after in _negations(text):
        # "Kamla nhi Kamala likho": the words asking for the change are neither side
        nearest = (_nearest_part(before, -1), _nearest_part(after, 0))
        old, new = nearest if key == "not_the_one_before" else nearest[::-1]
        instead = key == "not_the_one_after" and not meaningful(new)
        if instead:  # "it is not Khajrana, it is Scheme 54 Vijay Nagar, the lane behind C21 mall": all that follows
            old, new = (_ALTERNATIVE.split(after.strip(_EDGE_PUNCTUATION), maxsplit=1) + [""])[:2]
            old, new = strip_links(old), strip_links(_without(new, "change"))
        if not (old and new):
            continue
        found = {spec.name: change for spec, written in answers
                 for change in [_part_changed(spec, PartChanged(old, new).within(written), key, today, instead)
                                if spec.kind in WRITTEN else _shaped_changed(spec, written, old, new, today)]
                 if change}
        if found:
            return found
    return {}


def _shaped_changed(spec: Field, written: str, old: str, new: str, today: date) -> Optional[PartChanged]:
    """"sorry 3 nhi, 5 din ho gye" of a number answered 3: the whole answer changes to what is said instead;
    "12 नहीं 21 मार्च" of a date answered 12-03-2025: the day (and month) said, the year kept."""
    if spec.kind == DATE:
        return _date_changed(spec, written, old, new, today)
    if spec.kind == MOBILE:
        return _digits_changed(spec, written, old, new, today)
    if spec.kind != NUMBER:
        return None
    before, after = parse(spec, old, today), parse(spec, new, today)
    return PartChanged(written, new) if before == parse(spec, written, today) and _valid(after) and after != before \
        else None


def _date_changed(spec: Field, written: str, old: str, new: str, today: date) -> Optional[PartChanged]:
    answered = values.a_date(written, today)
    if answered is None or _day_said(old) != answered.day:
        return None
    meant = values.a_date(new, today)
    day_and_month, day = values.day_and_month(new), _day_said(new)
    try:
        if meant is None and day_and_month is not None:
            meant = answered.replace(month=day_and_month.month, day=day_and_month.day)
        elif meant is None and day is not None:
            meant = answered.replace(day=day)
    except ValueError:  # "30 nahi 31" of a month of 30 days
        return None
    if meant is None or meant == answered:
        return None
    told = meant.strftime("%d-%m-%Y")
    return PartChanged(written, told) if _valid(parse(spec, told, today)) else None  # not a date to come


def _digits_changed(spec: Field, written: str, old: str, new: str, today: date) -> Optional[PartChanged]:
    """"47 nahi 74" of a mobile holding 47 once: those digits replaced by as many others."""
    denied, meant = (re.sub(r"\D", "", values.folded(side)) for side in (old, new))
    if not denied or len(denied) != len(meant) or written.count(denied) != 1:
        return None
    changed = written.replace(denied, meant)
    return PartChanged(written, changed) if _valid(parse(spec, changed, today)) and changed != written else None


def _day_said(text: str) -> Optional[int]:
    """The day a short text says: "12", "तारीख 12", "12 मार्च"."""
    numbers = re.findall(r"\d+", values.folded(text))
    return int(numbers[0]) if len(numbers) == 1 and 1 <= int(numbers[0]) <= 31 else None


def _nearest_part(text: str, which: int) -> str:
    """The part of the text next to a "not" (the last part before it: -1, the first after it: 0)."""
    return strip_links(_without(_SEPARATORS.split(text.strip(_EDGE_PUNCTUATION))[which], "change"))


def _part_changed(spec: Field, change: Optional[PartChanged], key: str, today: date,
                  whole: bool = False) -> Optional[PartChanged]:
    """The change as it applies to this answer, if the new words are a value of its kind (`whole`: the new
    words are all the citizen says instead, however many)."""
    if change is None:
        return None
    new = change.new
    words = new.split()
    if len(words) > SHORT_VALUE and not whole:  # "spelling mistake in the name: Kamla, not Kamala": as many words
        count = len(change.old.split())
        new = " ".join(words[-count:] if key == "not_the_one_after" else words[:count])
    if (whole or _value_like(spec, change.old, new)) and _valid(parse(spec, new, today)) \
            and normalise(change.old) != normalise(new):
        return PartChanged(change.old, new)
    return None


def _negations(text: str) -> Iterator[Tuple[str, str, str]]:
    """Each "not" in the text, left to right: its kind (which side it denies) and the text either side."""
    tokens = _tokens(text)
    for index in range(len(tokens)):
        for key in ("not_the_one_before", "not_the_one_after"):
            phrase = next((words for words in _words_of(key) if _starts_with(tokens, index, words)), None)
            if phrase is not None:
                yield key, text[:tokens[index].start], text[tokens[index + len(phrase) - 1].end:]


NEW_CHOICE_WITHIN = 3  # words after "not" in which the option meant instead must be named
_SENTENCE_PARTS = re.compile(r"[.,;!?।\n]")


def _choice_corrected(text: str, fields: Sequence[Field]) -> Dict[str, Any]:
    """"light nahi, kachre ki shikayat hai", "not the light. The garbage van…": one option named and
    denied, another named right after; "light nahi jal rahi" denies nothing."""
    for key, before, after in _negations(text):
        parts = [part for part in _SENTENCE_PARTS.split(after) if part.strip()]
        if key == "not_the_one_before":  # "light nahi, kachra": the words before, the part after
            old, new = _SEPARATORS.split(before)[-1], parts[0] if parts else ""
        else:  # "not the light. The garbage van": the part after, the part after that
            old, new = (parts + ["", ""])[:2]
        new = " ".join(new.split()[:NEW_CHOICE_WITHIN])
        found = {spec.name: meant for spec in fields if spec.kind == CHOICE and not spec.several
                 for meant in [_one_choice_instead(spec, old, new)] if meant}
        if found:
            return found
    return {}


def _one_choice_instead(spec: Field, old: str, new: str) -> Optional[str]:
    def named(words: str) -> List[str]:
        return [choice.value for choice in spec.choices
                if choice.value not in YES_NO | GENERIC_CHOICES and words and choice.mentioned_in(words)]
    denied, meant = named(old), named(new)
    return meant[0] if len(denied) == 1 and len(meant) == 1 and denied != meant else None
