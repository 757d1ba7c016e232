"""Tokenizer for Hindi, romanized Hindi and English in one message.

Token text is always a slice of the original message (entity spans and
DIET's BILOU tags depend on it); the normalised form goes into `lemma`,
which the count-vector featurizers read. Tracking numbers stay one token
and get a placeholder lemma, so the model learns "an ID is here", not
particular digits.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from jan_seva.text.normalize import normalize_token
from jan_seva.text.tokens import split_words


def id_placeholder(entity: str) -> str:
    return f"__{entity}__"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class IndicTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        return None

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        tokens = [
            Token(
                span.text,
                span.start,
                end=span.end,
                lemma=id_placeholder(span.id_entity) if span.id_entity else normalize_token(span.text),
            )
            for span in split_words(text)
        ]
        if not tokens and text.strip():
            # Only punctuation: one token keeps the message featurisable.
            stripped = text.strip()
            start = text.index(stripped)
            tokens = [Token(stripped, start, end=start + len(stripped), lemma=stripped)]
        return self._apply_token_pattern(tokens)
