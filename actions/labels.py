"""Reads the designer-edited button titles for intents."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Dict

import yaml

LABELS_FILE = Path(__file__).with_name("content") / "intent_labels.yml"


@functools.lru_cache(maxsize=1)
def intent_labels() -> Dict[str, Dict[str, str]]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def intent_label(intent: str, language: str) -> str:
    labels = intent_labels().get(intent, {})
    return labels.get(language) or labels.get("hi") or intent
