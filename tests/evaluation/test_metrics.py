"""The evaluation's arithmetic, on small hand-checked cases."""
import pytest

from jan_seva.evaluation import metrics
from jan_seva.evaluation.metrics import Prediction
from jan_seva.evaluation.script_groups import DEVANAGARI, ENGLISH, ROMANIZED, script_group


def p(true, predicted, true_entities=(), predicted_entities=(), seconds=0.0):
    return Prediction("x", ENGLISH, true, predicted, list(true_entities), list(predicted_entities), seconds)


def ent(name, start, end, value=None):
    return {"entity": name, "start": start, "end": end, "value": value}


def test_intent_macro_f1_averages_over_true_intents():
    predictions = [p("greet", "greet"), p("greet", "greet"), p("deny", "greet"), p("deny", "deny")]
    # greet: P=2/3 R=1 F1=0.8; deny: P=1 R=0.5 F1=2/3
    assert metrics.intent_macro_f1(predictions) == pytest.approx((0.8 + 2 / 3) / 2)


def test_fallback_counts_as_a_miss():
    assert metrics.intent_macro_f1([p("greet", "nlu_fallback")]) == 0.0


def test_entity_f1_needs_exact_spans():
    truth = [ent("location", 0, 5), ent("service", 6, 10)]
    predictions = [p("inform", "inform", truth, [ent("location", 0, 5), ent("service", 6, 9)])]
    assert metrics.entity_f1(predictions) == pytest.approx(0.5)


def test_id_f1_needs_the_canonical_value():
    truth = [ent("application_id", 0, 12, "LS-2026-000123")]
    right = p("inform", "inform", truth, [ent("application_id", 0, 12, "LS-2026-000123")])
    wrong = p("inform", "inform", truth, [ent("application_id", 0, 12, "ls2026000123")])
    assert metrics.id_entity_f1([right]) == 1.0
    assert metrics.id_entity_f1([wrong]) == 0.0


def test_latency_percentiles():
    predictions = [p("a", "a", seconds=s / 1000) for s in range(1, 101)]
    result = metrics.latency(predictions)
    assert (result.p50_ms, result.p95_ms) == (51.0, 96.0)


@pytest.mark.parametrize("text,group", [
    ("मेरा आवेदन कहाँ है", DEVANAGARI),
    ("mera aavedan kahan hai", ROMANIZED),
    ("where is my application", ENGLISH),
])
def test_script_groups(text, group):
    assert script_group(text) == group
