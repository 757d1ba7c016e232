"""Evaluate the assistant: NLU on a held-out file, dialogue on test stories.

    python -m jan_seva.evaluation [--nlu FILE] [--stories FILE] [--model PATH]

Prints intent macro-F1 and entity F1 overall and per script group
(Devanagari / romanized Hindi / English), writes the misclassified examples
to the output folder, and exits non-zero when a score is below its bar or a
test story fails.
"""
from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
from pathlib import Path

from rasa.model import get_local_model
from rasa.utils.log_utils import configure_structlog

from jan_seva.evaluation import metrics
from jan_seva.evaluation.nlu_run import predict_file
from jan_seva.evaluation.script_groups import GROUPS


def nlu_report(predictions):
    report = {
        "examples": len(predictions),
        "intent_macro_f1": metrics.intent_macro_f1(predictions),
        "entity_f1": metrics.entity_f1(predictions),
        "id_entity_f1": metrics.id_entity_f1(predictions),
        "canonical_value_accuracy": metrics.canonical_value_accuracy(predictions),
        "fallback_rate": sum(p.predicted_intent == "nlu_fallback" for p in predictions) / max(1, len(predictions)),
        "per_entity_f1": metrics.per_entity_f1(predictions),
        "latency": vars(metrics.latency(predictions)),
        "groups": {},
    }
    for group in GROUPS:
        members = [p for p in predictions if p.group == group]
        report["groups"][group] = {
            "examples": len(members),
            "intent_macro_f1": metrics.intent_macro_f1(members),
            "entity_f1": metrics.entity_f1(members),
        }
    return report


def print_report(report) -> None:
    print(f"NLU examples: {report['examples']}")
    print(f"intent macro-F1: {report['intent_macro_f1']:.3f}   entity F1: {report['entity_f1']:.3f}   "
          f"ID entity F1: {report['id_entity_f1']:.3f}   canonical values right: {report['canonical_value_accuracy']:.3f}   "
          f"fallback rate: {report['fallback_rate']:.3f}")
    for group, scores in report["groups"].items():
        print(f"  {group:16} n={scores['examples']:4}  intent macro-F1 {scores['intent_macro_f1']:.3f}  entity F1 {scores['entity_f1']:.3f}")
    print("  per entity F1: " + ", ".join(f"{k} {v:.2f}" for k, v in report["per_entity_f1"].items()))
    print(f"  parse latency: p50 {report['latency']['p50_ms']} ms, p95 {report['latency']['p95_ms']} ms")


def failed_bars(report, args) -> list:
    failures = []
    if report["intent_macro_f1"] < args.min_intent_f1:
        failures.append(f"intent macro-F1 {report['intent_macro_f1']:.3f} < {args.min_intent_f1}")
    for group, scores in report["groups"].items():
        if scores["examples"] and scores["intent_macro_f1"] < args.min_group_intent_f1:
            failures.append(f"{group} intent macro-F1 {scores['intent_macro_f1']:.3f} < {args.min_group_intent_f1}")
    if report["id_entity_f1"] < args.min_id_f1:
        failures.append(f"ID entity F1 {report['id_entity_f1']:.3f} < {args.min_id_f1}")
    return failures


def _spans(text: str, entities) -> list:
    return sorted((e["entity"], text[e["start"]:e["end"]], str(e.get("value"))) for e in entities)


def write_errors(predictions, out: Path) -> None:
    intent_errors = [
        {"text": p.text, "group": p.group, "intent": p.true_intent, "predicted": p.predicted_intent}
        for p in predictions
        if p.true_intent != p.predicted_intent
    ]
    entity_errors = [
        {"text": p.text, "group": p.group, "entities": _spans(p.text, p.true_entities),
         "predicted": _spans(p.text, p.predicted_entities)}
        for p in predictions
        if _spans(p.text, p.true_entities) != _spans(p.text, p.predicted_entities)
    ]
    for name, errors in (("intent_errors", intent_errors), ("entity_errors", entity_errors)):
        (out / f"{name}.json").write_text(json.dumps(errors, ensure_ascii=False, indent=1), encoding="utf-8")


def run_stories(model: str, stories: str, out: Path) -> bool:
    command = [sys.executable, "-m", "rasa", "test", "core", "--model", model, "--stories", stories,
               "--fail-on-prediction-errors", "--out", str(out / "core")]
    return subprocess.run(command).returncode == 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models", help="model file or folder (latest model is used)")
    parser.add_argument("--nlu", default="tests/data/nlu_heldout.yml", help="any Rasa NLU YAML file")
    parser.add_argument("--stories", default="tests/stories", help="test stories; '' to skip")
    parser.add_argument("--out", default="results")
    parser.add_argument("--min-intent-f1", type=float, default=0.95)
    parser.add_argument("--min-group-intent-f1", type=float, default=0.93)
    parser.add_argument("--min-id-f1", type=float, default=0.97)
    args = parser.parse_args(argv)
    configure_structlog(logging.WARNING)  # not a debug line for every message parsed

    model = get_local_model(args.model)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    predictions = predict_file(model, args.nlu)
    report = nlu_report(predictions)
    print_report(report)
    (out / "nlu_report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    write_errors(predictions, out)
    failures = failed_bars(report, args)

    if args.stories and not run_stories(model, args.stories, out):
        failures.append(f"test stories failed (see {out / 'core'})")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("evaluation: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
