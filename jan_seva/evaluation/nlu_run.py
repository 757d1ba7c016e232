"""Parses every example of a Rasa NLU YAML file with a trained model."""
from __future__ import annotations

import asyncio
import time
from typing import List

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from jan_seva.evaluation.metrics import Prediction
from jan_seva.evaluation.script_groups import script_group


async def _predict(agent: Agent, test_file: str) -> List[Prediction]:
    predictions = []
    for example in load_data(test_file).intent_examples:
        text = example.get("text")
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        elapsed = time.perf_counter() - started
        predictions.append(
            Prediction(
                text=text,
                group=script_group(text),
                true_intent=example.get("intent"),
                predicted_intent=(parsed.get("intent") or {}).get("name") or "",
                true_entities=example.get("entities") or [],
                predicted_entities=parsed.get("entities") or [],
                seconds=elapsed,
            )
        )
    return predictions


def predict_file(model_path: str, test_file: str) -> List[Prediction]:
    agent = Agent.load(model_path)
    return asyncio.run(_predict(agent, test_file))
