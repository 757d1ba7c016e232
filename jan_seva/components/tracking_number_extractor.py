"""Extracts `application_id` and `complaint_id` in canonical form.

Tracking numbers have a fixed shape, so a pattern finds them more reliably
than a learned tagger; this component runs after DIET, drops whatever DIET
tagged as an ID and puts the pattern's findings, with canonical values, in
their place.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from common.ids import ID_ENTITIES, find_tracking_numbers

_ID_ENTITY_NAMES = set(ID_ENTITIES.values())


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class TrackingNumberExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TrackingNumberExtractor":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            kept = [e for e in message.get(ENTITIES, []) if e["entity"] not in _ID_ENTITY_NAMES]
            found = [
                {
                    "entity": number.entity,
                    "value": number.value,
                    "start": number.start,
                    "end": number.end,
                    "confidence_entity": 1.0,
                }
                for number in find_tracking_numbers(message.get(TEXT) or "")
            ]
            entities = kept + self.add_extractor_name(found)
            message.set(ENTITIES, sorted(entities, key=lambda e: e["start"]), add_to_output=True)
        return messages
