"""Build the custom graph components the way Rasa's graph runner does."""
from __future__ import annotations

from typing import Any, Callable, Dict, List

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.components.indic_tokenizer import IndicTokenizer


@pytest.fixture
def model_storage(tmp_path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.fixture
def execution_context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


@pytest.fixture
def create(model_storage, execution_context) -> Callable[..., Any]:
    """create(Cls, resource_name="name", **config overrides) -> a new component."""

    def _create(cls, resource_name: str = "name", **overrides: Any):
        config: Dict[str, Any] = {**cls.get_default_config(), **overrides}
        return cls.create(config, model_storage, Resource(resource_name), execution_context)

    return _create


@pytest.fixture
def tokenizer(create) -> IndicTokenizer:
    return create(IndicTokenizer)


@pytest.fixture
def tokenized(tokenizer) -> Callable[..., TrainingData]:
    """Training data of (text, intent) pairs, tokenized by IndicTokenizer."""

    def _tokenized(examples: List[tuple]) -> TrainingData:
        data = TrainingData(
            training_examples=[Message(data={"text": t, "intent": i}) for t, i in examples]
        )
        return tokenizer.process_training_data(data)

    return _tokenized
