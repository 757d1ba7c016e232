"""Bilingual texts and the API's message catalogue (data/messages.yml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Mapping

import yaml

from common.api_model import ApiModel

MESSAGES_FILE = Path(__file__).with_name("data") / "messages.yml"
LANGUAGES = ("hi", "en")


class Bilingual(ApiModel):
    """A citizen-facing text in Hindi and English."""

    hi: str
    en: str

    class Config:
        extra = "forbid"
        allow_mutation = False

    def format(self, **params: Any) -> "Bilingual":
        """Fill {placeholders}; a Bilingual parameter gives each language its own text."""
        return Bilingual(**{lang: getattr(self, lang).format_map(_for_language(params, lang)) for lang in LANGUAGES})


class _Params(dict):
    """A placeholder without a value prints as a dash rather than failing."""

    def __missing__(self, key: str) -> str:
        return "—"


def _for_language(params: Mapping[str, Any], lang: str) -> Dict[str, Any]:
    return _Params({key: getattr(value, lang) if isinstance(value, Bilingual) else value for key, value in params.items()})


class Messages:
    """Lookup of the texts in messages.yml by section and key."""

    def __init__(self, data: Mapping[str, Mapping[str, Mapping[str, str]]]):
        self._sections = {
            section: {key: Bilingual(**text) for key, text in entries.items()} for section, entries in data.items()
        }

    def get(self, section: str, key: str, **params: Any) -> Bilingual:
        text = self._sections[section].get(key)
        if text is None:  # an unknown status/action still gets a readable label
            return Bilingual(hi=key, en=key)
        return text.format(**params) if params else text

    def error(self, code: str, **params: Any) -> Bilingual:
        return self.get("errors", code, **params)

    def field_error(self, code: str, **params: Any) -> Bilingual:
        return self.get("field_errors", code, **params)

    def application_status(self, status: str) -> Bilingual:
        return self.get("application_statuses", status)

    def delivery_status(self, status: str) -> Bilingual:
        return self.get("delivery_statuses", status)

    def action(self, action: str) -> Bilingual:
        return self.get("actions", action)

    def pdf(self, key: str) -> Bilingual:
        return self.get("pdf", key)


@lru_cache(maxsize=1)
def messages() -> Messages:
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return Messages(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
