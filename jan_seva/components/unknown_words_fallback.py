"""Falls back when most words of a message are words the assistant never saw.

DIET gives some intent a confident score even for "xq zzv blorf": its
confidence says which known intent is closest, not whether the message is
language at all. This component remembers every word of the training data,
by its normalised spelling and by its sound skeleton (so "namsate" and
"dhanyvad" count as known), and when fewer than `min_known_share` of a
message's words are known it predicts `nlu_fallback`, as Rasa's
FallbackClassifier does: the assistant then offers the likely options
instead of guessing. Words with digits (tracking numbers, wards, amounts)
are not counted either way.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.text.normalize import normalize_token
from jan_seva.text.phonetic import phonetic_key
from jan_seva.text.tokens import split_words

VOCABULARY_FILE = "vocabulary.json"
FALLBACK_INTENT = "nlu_fallback"


def counted_words(text: str) -> List[str]:
    """Words with letters and no digits (a matra is no letter to str.isalpha, hence "any")."""
    return [span.text for span in split_words(text)
            if any(ch.isalpha() for ch in span.text) and not any(ch.isdigit() for ch in span.text)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `confidence`: the score given to nlu_fallback (FallbackClassifier's threshold).
        return {"min_known_share": 0.4, "confidence": 0.4}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 vocabulary: Set[str] = frozenset()):
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = set(vocabulary)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "UnknownWordsFallback":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "UnknownWordsFallback":
        with model_storage.read_from(resource) as directory:
            words = json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, set(words))

    @staticmethod
    def _keys(word: str) -> Set[str]:
        return {"w:" + normalize_token(word), "s:" + phonetic_key(word)}

    def train(self, training_data: TrainingData) -> Resource:
        self.vocabulary = {key for example in training_data.intent_examples
                           for word in counted_words(example.get(TEXT) or "") for key in self._keys(word)}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary), ensure_ascii=False),
                                                     encoding="utf-8")
        return self._resource

    def known_share(self, text: str) -> float:
        words = counted_words(text)
        if not words:
            return 1.0  # emoji, digits, IDs: nothing to judge here
        return sum(1 for word in words if self._keys(word) & self.vocabulary) / len(words)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = message.get(INTENT) or {}
            if text.startswith("/") or intent.get(INTENT_NAME_KEY) == FALLBACK_INTENT:
                continue
            if self.known_share(text) < self._config["min_known_share"]:
                fallback = {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: self._config["confidence"]}
                message.data[INTENT] = fallback
                message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, dict(fallback))
        return messages
