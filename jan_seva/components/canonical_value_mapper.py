"""Maps entity text to the contract's canonical values, tolerating misspellings.

Rasa's EntitySynonymMapper needs the exact string it saw in training. Here
every annotated example (`[aay praman patra]{"entity": "service", "value":
"income_certificate"}`) teaches three keys for its entity type: the
normalised text, its sound skeleton, and the skeleton of each word that
belongs to one value only. At run time the first key that matches wins;
then the closest skeleton above `min_similarity`, then the longest known
phrase inside the text, then the value most of its words belong to.
Neighbouring pieces of one entity are joined first; a span of these closed
sets that maps to no value is dropped (the flows then read the typed text).
"""
from __future__ import annotations

import difflib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.text.normalize import normalize_token
from jan_seva.text.phonetic import phonetic_key
from jan_seva.text.tokens import split_words

TABLE_FILE = "canonical_values.json"
MIN_FUZZY_KEY = 5  # letters of a sound skeleton before a near miss counts as a misspelling
MIN_VOTING_WORD = 3  # "b" (बी) or "ml" (मूल) alone says too little to name a value


def surface_key(text: str) -> str:
    return " ".join(normalize_token(span.text) for span in split_words(text))


def sound_key(text: str) -> str:
    return " ".join(filter(None, (phonetic_key(span.text) for span in split_words(text))))


@dataclass(frozen=True)
class Found:
    """A canonical value, and where inside the looked-up text the phrase that gave it lies."""

    value: str
    start: int
    end: int


class ValueTable:
    """Keys → canonical value for one entity type; ambiguous keys are dropped."""

    def __init__(self, exact: Dict[str, str], sound: Dict[str, str], words: Dict[str, str]):
        self.exact, self.sound, self.words = exact, sound, words

    @classmethod
    def learn(cls, pairs: List[tuple]) -> "ValueTable":
        candidates: Dict[str, Dict[str, set]] = {"exact": defaultdict(set), "sound": defaultdict(set), "words": defaultdict(set)}
        for text, value in pairs:
            candidates["exact"][surface_key(text)].add(value)
            candidates["sound"][sound_key(text)].add(value)
            for word in sound_key(text).split():
                candidates["words"][word].add(value)
        unique = {
            kind: {key: next(iter(values)) for key, values in keys.items() if key and len(values) == 1}
            for kind, keys in candidates.items()
        }
        return cls(**unique)

    def lookup(self, text: str, min_similarity: float) -> Optional[Found]:
        value = self._known(text) or self._closest(text, min_similarity)
        if value:
            return Found(value, 0, len(text))
        part = self._known_part(text)
        if part:
            return part
        value = self._word_majority(text)
        return Found(value, 0, len(text)) if value else None

    def _known(self, text: str) -> Optional[str]:
        return self.exact.get(surface_key(text)) or self.sound.get(sound_key(text))

    def _closest(self, text: str, min_similarity: float) -> Optional[str]:
        """A misspelling of a known phrase. Short skeletons are left out: one letter more or less
        makes "rng" (रिंग) look like "drng" (drain) and "snvr" (Sanwer) like "svr" (sewer)."""
        key = sound_key(text)
        if len(key.replace(" ", "")) < MIN_FUZZY_KEY:
            return None
        candidates = [known for known in self.sound if len(known.replace(" ", "")) >= MIN_FUZZY_KEY]
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=min_similarity)
        return self.sound[close[0]] if close else None

    def _known_part(self, text: str) -> Optional[Found]:
        """The longest run of words that is a known phrase, and where it is: the model's span is
        often a word too long ("स्ट्रीट लाइट खराब" holds "स्ट्रीट लाइट")."""
        words = split_words(text)
        for size in range(len(words) - 1, 0, -1):
            found: Dict[str, Found] = {}
            for first in range(len(words) - size + 1):
                run = words[first : first + size]
                value = self._known(" ".join(word.text for word in run))
                if value:
                    found.setdefault(value, Found(value, run[0].start, run[-1].end))
            if found:
                return next(iter(found.values())) if len(found) == 1 else None  # two values: unsure
        return None

    def _word_majority(self, text: str) -> Optional[str]:
        """The value most of the span's distinctive words belong to; a tie means "don't know", and so
        do only very short words ("b" of बी, "ml" of मूल say too little on their own)."""
        voters = [(word, self.words[word]) for word in sound_key(text).split() if word in self.words]
        votes = Counter(value for _, value in voters).most_common(2)
        if not votes or (len(votes) > 1 and votes[0][1] == votes[1][1]):
            return None
        winner = votes[0][0]
        return winner if any(len(word) >= MIN_VOTING_WORD for word, value in voters if value == winner) else None

    def as_dict(self) -> Dict[str, Dict[str, str]]:
        return {"exact": self.exact, "sound": self.sound, "words": self.words}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True
)
class CanonicalValueMapper(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `narrowed`: types whose span is the problem word itself (NLU contract), so a span found to
        # hold a known phrase shrinks to it; a service keeps its whole phrase ("... praman patra").
        return {"entities": ["service", "complaint_category", "scheme", "language"], "min_similarity": 0.85,
                "narrowed": ["complaint_category"]}

    def __init__(self, config, model_storage: ModelStorage, resource: Resource, tables=None):
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self.tables: Dict[str, ValueTable] = tables or {}

    @classmethod
    def create(cls, config, model_storage, resource, execution_context: ExecutionContext):
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs: Any):
        with model_storage.read_from(resource) as directory:
            raw = json.loads((directory / TABLE_FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, {name: ValueTable(**t) for name, t in raw.items()})

    def train(self, training_data: TrainingData) -> Resource:
        pairs: Dict[str, List[tuple]] = defaultdict(list)
        for example in training_data.entity_examples:
            for entity in example.get(ENTITIES, []):
                if entity["entity"] in self._config["entities"] and entity.get("value"):
                    text = example.get(TEXT)[entity["start"] : entity["end"]]
                    value = str(entity["value"])
                    pairs[entity["entity"]] += [(text, value), (value.replace("_", " "), value)]
        self.tables = {name: ValueTable.learn(p) for name, p in pairs.items()}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / TABLE_FILE).write_text(
                json.dumps({n: t.as_dict() for n, t in self.tables.items()}, ensure_ascii=False),
                encoding="utf-8",
            )
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            kept = []
            text = message.get(TEXT) or ""
            for entity in joined_fragments(text, message.get(ENTITIES, []), self.tables):
                table = self.tables.get(entity["entity"])
                if table is None:
                    kept.append(entity)
                    continue
                spanned = "start" in entity and "end" in entity
                found = table.lookup(text[entity["start"]:entity["end"]] if spanned else str(entity.get("value", "")),
                                     self._config["min_similarity"])
                if found:  # a closed set: a span that is none of its values is noise ("hamari gali")
                    if spanned and entity["entity"] in self._config["narrowed"]:
                        entity["start"], entity["end"] = entity["start"] + found.start, entity["start"] + found.end
                    entity["value"] = found.value
                    kept.append(self.add_processor_name(entity))
            message.set(ENTITIES, kept, add_to_output=True)
        return messages


def joined_fragments(text: str, entities: List[Dict[str, Any]], types: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Neighbouring pieces of one entity of these types, with only spaces between them, as one
    ("mosquito" + "fogging" -> "mosquito fogging"): the model sometimes tags a phrase word by word."""
    joined: List[Dict[str, Any]] = []
    for entity in sorted(entities, key=lambda e: e.get("start", 0)):
        previous = joined[-1] if joined else None
        if (previous is not None and entity["entity"] in types and previous["entity"] == entity["entity"]
                and previous.get("extractor") == entity.get("extractor") and "end" in previous and "start" in entity
                and not text[previous["end"]:entity["start"]].strip()):
            previous["end"] = entity["end"]
            previous["value"] = text[previous["start"]:entity["end"]]
            if "confidence_entity" in entity:
                previous["confidence_entity"] = min(previous.get("confidence_entity", 1.0), entity["confidence_entity"])
            continue
        joined.append(entity)
    return joined
