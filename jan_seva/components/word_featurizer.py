"""Word-level bag of words that keeps Devanagari words whole.

Rasa's CountVectorsFeaturizer hard-codes sklearn's `(?u)\\b\\w+\\b` for the
word analyzer, which splits "क्या" into "क" and "य" (matras are not `\\w`).
The tokenizer has already split the message, so tokens are joined by spaces
and split back on whitespace only.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from sklearn.feature_extraction.text import CountVectorizer

WHITESPACE_TOKENS = r"(?u)\S+"


def _whitespace_vectorizers(
    vectorizers: Dict[Text, CountVectorizer]
) -> Dict[Text, CountVectorizer]:
    for vectorizer in vectorizers.values():
        if vectorizer.analyzer == "word":
            vectorizer.set_params(token_pattern=WHITESPACE_TOKENS)
    return vectorizers


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True
)
class DevanagariWordFeaturizer(CountVectorsFeaturizer):
    @classmethod
    def _create_shared_vocab_vectorizers(
        cls, parameters: Dict[Text, Any], vocabulary: Optional[Any] = None
    ) -> Dict[Text, CountVectorizer]:
        return _whitespace_vectorizers(
            super()._create_shared_vocab_vectorizers(parameters, vocabulary)
        )

    @classmethod
    def _create_independent_vocab_vectorizers(
        cls, parameters: Dict[Text, Any], vocabulary: Optional[Any] = None
    ) -> Dict[Text, CountVectorizer]:
        return _whitespace_vectorizers(
            super()._create_independent_vocab_vectorizers(parameters, vocabulary)
        )
