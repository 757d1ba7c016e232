"""Texts a designer edits (actions/content/<name>.yml), in the citizen's language.

An entry is {hi: …, en: …} with optional {placeholders}; Hindi is the
default, as in the domain's responses.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import yaml
from rasa_sdk import Tracker

from jan_seva.text.language import reply_language

CONTENT_DIR = Path(__file__).with_name("content")
LANGUAGES = ("hi", "en")


@functools.lru_cache(maxsize=None)
def content(name: str) -> Dict[str, Any]:
    return yaml.safe_load((CONTENT_DIR / f"{name}.yml").read_text(encoding="utf-8"))


def language_of(tracker: Tracker) -> str:
    """The language to answer in: the slot is updated only after the turn's first action, so it is
    worked out from the latest message the same way (jan_seva.text.language)."""
    message = tracker.latest_message or {}
    requested = next((e.get("value") for e in message.get("entities") or [] if e.get("entity") == "language"), None)
    intent = message.get("intent") or {}
    language, _ = reply_language(tracker.get_slot("language"), bool(tracker.get_slot("language_locked")),
                                 intent.get("name"), message.get("detected_language"), requested,
                                 message.get("leaning_language"), float(intent.get("confidence") or 0.0))
    return language


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


def say(dispatcher: Any, language: str, key: str, /, buttons: Optional[list] = None, tag: Optional[str] = None,
        **params: Any) -> None:
    """Sends the text `key` ("<content file>.<path>", e.g. "tasks.cancelled") in the citizen's language.

    The message carries its key (and a tag, e.g. the field a question asks), so tests and the
    WhatsApp channel see which text was sent, not only its wording.
    """
    name, path = key.split(".", 1)
    extra = {"tag": tag} if tag else {}
    dispatcher.utter_message(text=text(name, path, language, **params), buttons=buttons or [], key=key, **extra)


def payload(intent: str, **entities: Any) -> str:
    """A button's payload, read by Rasa without NLU: `/intent{"entity": value}`."""
    return f"/{intent}" + (json.dumps(entities, ensure_ascii=False) if entities else "")


def button(title: str, intent: str, **entities: Any) -> Dict[str, str]:
    return {"title": title, "payload": payload(intent, **entities)}
