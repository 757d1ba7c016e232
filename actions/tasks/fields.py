"""What a task asks: its fields, from data (the Lok Seva catalogue, the
Open311 service definitions, content/tasks.yml). A field is kept in the
task's slot as a plain dict, so the task goes on even if the backend that
described it is briefly away."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any, Dict, List, Optional, Tuple

from actions.texts import content, pick
from common.words import normalise
from jan_seva.text.normalize import normalize_token
from jan_seva.text.phonetic import phonetic_key, sound_of

MIN_SKELETON = 3  # shorter sound skeletons match too many words
MIN_ALIKE_SKELETON = 2  # within a name of several words, "nhi"/"nahi", "rha"/"raha" are alike (vowels compared)
STEM = 5  # "flickers" and "flickering" share their first five letters
MIN_SOUND_LIKENESS = 0.75  # difflib ratio of two spellings of one word, vowels included
MIN_SAME_STEM_SHARE = 0.7  # the shorter of two words sharing a stem is at least this part of the longer
MIN_STEMMED = 5  # a name this short must stand as a whole word
SMALL_COUNT = 100  # a number question with a maximum this low counts things (family members), it is no amount


def _stem(word: str) -> str:
    return normalize_token(word)[:STEM]


def _alike(wanted: str, word: str, in_a_phrase: bool = False) -> bool:
    """The same word, or one that differs only in its ending or its spelling ("खसरे" / "खसरा", "kalidevi" /
    "कालीदेवी"; within a name of several words also "nhi" / "nahi", though alone "nal" is no "nala")."""
    if _stem(wanted) == _stem(word):  # "flickers" / "flickering", not "house" / "household"
        return min(len(wanted), len(word)) >= MIN_SAME_STEM_SHARE * max(len(wanted), len(word))
    sound = phonetic_key(wanted)
    if len(sound) < (MIN_ALIKE_SKELETON if in_a_phrase else MIN_SKELETON) or sound != phonetic_key(word):
        return False
    # the same consonants with other vowels are often another word ("khadda" / "खोदी")
    return SequenceMatcher(None, sound_of(wanted), sound_of(word)).ratio() >= MIN_SOUND_LIKENESS \
        and not _other_vowels_in_latin(wanted, word)


_VOWELS = frozenset("aeiou")


def _other_vowels_in_latin(wanted: str, word: str) -> bool:
    """Two Latin spellings whose vowels differ, not only by some left out or doubled: "smell" is no
    "small", though "kchra" is "kachra", "nhi" is "nahi" and "kooda" is "kuda"."""
    if not (wanted.isascii() and word.isascii()):
        return False
    spelt = (w.lower().replace("oo", "u").replace("ee", "i") for w in (wanted, word))  # "kooda" is "kuda"
    shorter, longer = sorted(([ch for ch in w if ch in _VOWELS] for w in spelt), key=len)
    rest = iter(longer)
    return not all(vowel in rest for vowel in shorter)


def _in_order(wanted: List[str], words: List[str]) -> bool:
    position = 0
    for want in wanted:
        found = next((index for index in range(position, len(words))
                      if _alike(want, words[index], in_a_phrase=len(wanted) > 1)), None)
        if found is None:
            return False
        position = found + 1
    return True


def skeleton(text: str) -> str:
    """The sound skeleton of each word: "kheti" and "खेती" sound alike."""
    return " ".join(phonetic_key(word) for word in normalise(text).split())

Bilingual = Dict[str, str]

# Kinds of field. Values typed in a sentence are read by actions/tasks/values.py.
TEXT, NAME, MOBILE, PINCODE, AADHAAR, DATE, NUMBER, CHOICE = (
    "text", "name", "mobile", "pincode", "aadhaar", "date", "number", "choice")
LOCATION, PHOTOS, DOCUMENTS, CONFIRM = "location", "photos", "documents", "confirm"
# Kinds whose value is typed free text: a message must read as an answer to be taken.
FREE_TEXT = frozenset({TEXT, LOCATION})
# Kinds whose value is found by its shape anywhere in a message ("98765 43210" is a mobile).
SHAPED = frozenset({MOBILE, PINCODE, AADHAAR, DATE, NUMBER})


@dataclass(frozen=True)
class Choice:
    value: str
    label: Bilingual
    aliases: Tuple[str, ...] = ()

    def names(self) -> List[str]:
        """Its value, labels (and each half of "पुत्र/पुत्री"), other names; compared without punctuation."""
        labels = [part for label in self.label.values() for part in (label, *label.split("/"))]
        return [" ".join(normalise(name).split()) for name in (self.value.replace("_", " "), *labels, *self.aliases)
                if name and normalise(name).strip()]

    def named_by(self, text: str) -> bool:
        """The whole message names this choice ("खेती", "agriculture", or by its sound, "kheti")."""
        if normalise(text) in self.names():
            return True
        sound = skeleton(text)
        return len(sound.replace(" ", "")) >= MIN_SKELETON and sound in {skeleton(name) for name in self.names()}

    def mentioned_in(self, text: str) -> bool:
        """A name of the choice stands in the message: as whole words, or word by word in order with
        other words between and endings changed ("flickers all night" names "Flickering",
        "कचरा गाड़ी 3 दिन से नहीं आई" names "कचरा गाड़ी नहीं आई")."""
        return self.longest_mention(text) > 0

    def longest_mention(self, text: str) -> int:
        """How many words the longest of its names mentioned in the message has (0: none is):
        "मरी हुई गाय" names "मरी गाय" (2 words), more than "गाय" (1)."""
        words = normalise(text).split()
        words += [word[:-1] for word in words if word.endswith("s") and len(word) > 3]  # "cows" names "cow"
        padded = f" {' '.join(words)} "
        longest = 0
        for name in self.names():
            wanted = name.split()
            if (len(name) > 1 and f" {name} " in padded) or \
                    (sum(len(_stem(word)) for word in wanted) >= MIN_STEMMED and _in_order(wanted, words)):
                longest = max(longest, len(wanted))
        return longest

    def alias_mentioned_in(self, text: str) -> bool:
        """One of its other names stands in the message; its value and label ("other", "अन्य") do not count."""
        return Choice("", {}, self.aliases).mentioned_in(text)

    def first_mentioned_at(self, text: str) -> int:
        """The place (in words) where one of its names first stands in the message; past the end if none does."""
        words = normalise(text).split()
        places = [index for name in self.names() if self.longest_mention(text) and len(name) > 1
                  for index, word in enumerate(words) if _alike(name.split()[0], word) or name.split()[0] == word]
        return min(places, default=len(words))


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: Bilingual
    question: Bilingual
    required: bool = True
    choices: Tuple[Choice, ...] = ()
    minimum: Optional[int] = None
    maximum: Optional[int] = None
    max_length: Optional[int] = None
    not_in_future: bool = False
    pattern: Optional[str] = None  # a regular expression a typed value must contain a match of
    several: bool = False  # a choice that takes every option named ("kutte aur gaay"): a list of values
    # Words that name this field in a sentence ("पति का नाम", "husband"), besides the shared ones.
    cues: Tuple[str, ...] = ()
    example: Bilingual = field(default_factory=dict)

    @property
    def answer_form(self) -> str:
        """The form of the answer, for examples and refusals: a small number is a count ("5", not "120000"),
        a text with a pattern a code ("45/2", not an address); else the kind."""
        if self.kind == NUMBER and self.maximum is not None and self.maximum <= SMALL_COUNT:
            return "count"
        if self.kind == TEXT and self.pattern:
            return "code"
        return self.kind

    @property
    def short_name(self) -> str:
        """The name without its place in a submission ("applicant.mobile" -> "mobile")."""
        return self.name.rsplit(".", 1)[-1]

    def text(self, language: str) -> str:
        return pick(self.question, language)

    def choice(self, value: Any) -> Optional[Choice]:
        return next((choice for choice in self.choices if choice.value == value), None)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Field":
        values = dict(data)
        values["choices"] = tuple(Choice(c["value"], c["label"], tuple(c.get("aliases") or ()))
                                  for c in values.get("choices") or ())
        values["cues"] = tuple(values.get("cues") or ())
        return cls(**values)


def choice_of(value: str, hi: str, en: str, aliases: Tuple[str, ...] = ()) -> Choice:
    return Choice(value, {"hi": hi, "en": en}, aliases)


def designers_aliases(field_name: str, value: str) -> Tuple[str, ...]:
    """Other names of an option, from content/choice_aliases.yml (by the field's short name)."""
    return tuple(str(alias) for alias in (content("choice_aliases").get(field_name) or {}).get(value) or ())


def from_catalogue(spec: Dict[str, Any], name: Optional[str] = None) -> Field:
    """A field of the Lok Seva catalogue (GET /services/{code}: applicant_fields and fields)."""
    return Field(
        name=name or spec["name"],
        kind=spec["type"],
        label=dict(spec["label"]),
        question=dict(spec["question"]),
        required=spec.get("required", True),
        choices=tuple(choice_of(c["value"], c["hi"], c["en"],
                                (*(c.get("aliases") or ()), *designers_aliases(spec["name"], c["value"])))
                      for c in spec.get("choices") or ()),
        minimum=spec.get("min"),
        maximum=spec.get("max"),
        max_length=spec.get("max_length"),
        not_in_future=bool(spec.get("not_in_future")),
        pattern=spec.get("pattern"),
    )


# Open311 datatypes and the field kinds that ask them.
OPEN311_KINDS = {"string": TEXT, "text": TEXT, "number": NUMBER, "datetime": DATE,
                 "singlevaluelist": CHOICE, "multivaluelist": CHOICE}


IDENTIFIER_LENGTH = 30  # characters of a pole, meter or house number


IDENTIFIER_PATTERN = r"\d"  # a pole or meter number holds digits ("114", "P-114")


def _identifier(code: str) -> bool:
    return code.endswith("_number")


def attribute_max_length(code: str) -> Optional[int]:
    """"pole_number": an identifier, so "45 ki light band hai" answers "45" and the rest says more."""
    return IDENTIFIER_LENGTH if _identifier(code) else None


def attribute_pattern(code: str) -> Optional[str]:
    return IDENTIFIER_PATTERN if _identifier(code) else None


def from_open311(attributes: Dict[str, List[Dict[str, Any]]]) -> List[Field]:
    """The questions of an Open311 service definition, read in both languages (locale hi and en)."""
    fields = []
    hindi = {attribute["code"]: attribute for attribute in attributes.get("hi", [])}
    for attribute in sorted(attributes.get("en", []), key=lambda a: a.get("order") or 0):
        if attribute.get("variable") is False:
            continue  # an informational attribute: nothing to ask
        in_hindi = hindi.get(attribute["code"], attribute)
        names_hi = {value["key"]: value["name"] for value in in_hindi.get("values") or []}
        fields.append(Field(
            name=attribute["code"],
            kind=OPEN311_KINDS.get(attribute.get("datatype") or "string", TEXT),
            label={"hi": in_hindi.get("description") or attribute["description"], "en": attribute["description"]},
            question={"hi": in_hindi.get("description") or attribute["description"], "en": attribute["description"]},
            required=bool(attribute.get("required")),
            several=attribute.get("datatype") == "multivaluelist",
            max_length=attribute_max_length(attribute["code"]),
            pattern=attribute_pattern(attribute["code"]),
            choices=tuple(choice_of(value["key"], names_hi.get(value["key"], value["name"]), value["name"],
                                    designers_aliases(attribute["code"], value["key"]))
                          for value in attribute.get("values") or []),
        ))
    return fields
