"""Scores for one evaluation run: intent macro-F1 and entity F1.

Entities count as found when type, start and end match exactly (span F1);
for tracking numbers the canonical value must match too (ID F1), because
that value is what the actions use.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Set, Tuple

from sklearn.metrics import f1_score

ID_ENTITIES = {"application_id", "complaint_id"}


@dataclass
class Prediction:
    text: str
    group: str
    true_intent: str
    predicted_intent: str
    true_entities: List[dict]
    predicted_entities: List[dict]
    seconds: float = 0.0


def intent_macro_f1(predictions: List[Prediction]) -> float:
    """Macro-F1 over the intents present in the test data (fallbacks count as misses)."""
    if not predictions:
        return 0.0
    truth = [p.true_intent for p in predictions]
    return float(
        f1_score(truth, [p.predicted_intent for p in predictions], labels=sorted(set(truth)), average="macro", zero_division=0)
    )


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def f1(self) -> float:
        denominator = 2 * self.true_positive + self.false_positive + self.false_negative
        return 1.0 if denominator == 0 else 2 * self.true_positive / denominator

    def add(self, truth: Set[Tuple], predicted: Set[Tuple]) -> None:
        self.true_positive += len(truth & predicted)
        self.false_positive += len(predicted - truth)
        self.false_negative += len(truth - predicted)


def _spans(entities: List[dict], only: Set[str] = None) -> Set[Tuple]:
    return {(e["entity"], e["start"], e["end"]) for e in entities if only is None or e["entity"] in only}


def _id_values(entities: List[dict]) -> Set[Tuple]:
    return {(e["entity"], str(e.get("value"))) for e in entities if e["entity"] in ID_ENTITIES}


def entity_f1(predictions: List[Prediction]) -> float:
    counts = Counts()
    for p in predictions:
        counts.add(_spans(p.true_entities), _spans(p.predicted_entities))
    return counts.f1()


def id_entity_f1(predictions: List[Prediction]) -> float:
    counts = Counts()
    for p in predictions:
        counts.add(_id_values(p.true_entities), _id_values(p.predicted_entities))
    return counts.f1()


def per_entity_f1(predictions: List[Prediction]) -> Dict[str, float]:
    names = sorted({e["entity"] for p in predictions for e in p.true_entities + p.predicted_entities})
    result = {}
    for name in names:
        counts = Counts()
        for p in predictions:
            counts.add(_spans(p.true_entities, {name}), _spans(p.predicted_entities, {name}))
        result[name] = counts.f1()
    return result


def canonical_value_accuracy(predictions: List[Prediction]) -> float:
    """Share of correctly found spans whose value is the annotated canonical value."""
    right = total = 0
    for p in predictions:
        predicted = {(e["entity"], e["start"], e["end"]): str(e.get("value")) for e in p.predicted_entities}
        for e in p.true_entities:
            key = (e["entity"], e["start"], e["end"])
            if key in predicted:
                total += 1
                right += predicted[key] == str(e.get("value"))
    return right / total if total else 1.0


@dataclass
class Percentiles:
    p50_ms: float = 0.0
    p95_ms: float = 0.0


def latency(predictions: List[Prediction]) -> Percentiles:
    times = sorted(p.seconds * 1000 for p in predictions)
    if not times:
        return Percentiles()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return Percentiles(round(pick(0.5), 1), round(pick(0.95), 1))
