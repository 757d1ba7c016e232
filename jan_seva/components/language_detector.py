"""Adds the language a message is written in to the parse result.

The value (`hi`, `en` or None for messages without words) appears as
`detected_language` in the parse data, and the language a message of
borrowed English words only leans to as `leaning_language`; the language
policy and the actions read them before the bot answers.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.text.language import detect_language, leaning_language

DETECTED_LANGUAGE = "detected_language"
LEANING_LANGUAGE = "leaning_language"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class LanguageDetector(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        return cls()

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        return None

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # the language of training examples feeds nothing

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            message.set(DETECTED_LANGUAGE, detect_language(text), add_to_output=True)
            message.set(LEANING_LANGUAGE, leaning_language(text), add_to_output=True)
        return messages
