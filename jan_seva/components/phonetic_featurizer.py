"""Character n-grams over each word's sound skeleton.

"प्रमाण पत्र" and "parmaan patr" share no characters, but their skeletons
("prmn ptr") are identical, so this featurizer gives the classifier one
signal for both spellings (see jan_seva.text.phonetic). Configure it with
`analyzer: char_wb` and small n-gram sizes.
"""
from __future__ import annotations

from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from jan_seva.text.phonetic import phonetic_key


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True
)
class PhoneticNgramFeaturizer(CountVectorsFeaturizer):
    def _get_message_tokens_by_attribute(
        self, message: Message, attribute: Text
    ) -> List[Text]:
        tokens = super()._get_message_tokens_by_attribute(message, attribute)
        if attribute != TEXT:
            return tokens
        # An empty skeleton (a lone vowel, an emoji) keeps its lemma so that
        # every token still gets a feature row.
        return [phonetic_key(token) or token for token in tokens]
