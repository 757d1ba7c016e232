"""Texts a designer edits (actions/content/<name>.yml), in the citizen's language.

An entry is {hi: …, en: …} with optional {placeholders}; Hindi is the
default, as in the domain's responses.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import yaml
from rasa_sdk import Tracker

CONTENT_DIR = Path(__file__).with_name("content")
LANGUAGES = ("hi", "en")


@functools.lru_cache(maxsize=None)
def content(name: str) -> Dict[str, Any]:
    return yaml.safe_load((CONTENT_DIR / f"{name}.yml").read_text(encoding="utf-8"))


def language_of(tracker: Tracker) -> str:
    return "en" if tracker.get_slot("language") == "en" else "hi"


def pick(bilingual: Optional[Mapping[str, Any]], language: str) -> str:
    """One language of a {hi, en} pair (also the API's bilingual names)."""
    if not bilingual:
        return ""
    return str(bilingual.get(language) or bilingual.get("hi") or "")


def entry(name: str, key: str) -> Any:
    value: Any = content(name)
    for part in key.split("."):
        value = value[part]
    return value


def text(name: str, key: str, language: str, /, **params: Any) -> str:
    return pick(entry(name, key), language).format(**params)
