"""The designer-edited texts of the complaint flows (actions/content/complaints.yml),
read through the shared actions.texts helpers."""
from __future__ import annotations

from typing import Any, Dict, List

from actions import texts

NAME = "complaints"


def text(key: str, language: str, **fields: Any) -> str:
    return texts.text(NAME, f"texts.{key}", language, **fields)


def words(key: str, language: str) -> Any:
    """A date-time wording entry; may be a list or a mapping, not only a text."""
    return texts.entry(NAME, f"datetime.{key}")[language]


def buttons(key: str, language: str, **fields: Any) -> List[Dict[str, str]]:
    return [
        {"title": texts.pick(row, language), "payload": row["payload"].format(**fields)}
        for row in texts.entry(NAME, f"buttons.{key}")
    ]


def status_label(status: str, language: str) -> str:
    return texts.pick(texts.entry(NAME, "statuses").get(status), language) or status
