"""The channel's designer-editable YAML files (jan_seva/whatsapp/data/)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, Mapping

import yaml

from jan_seva.text.normalize import mostly_devanagari

DATA_DIR = Path(__file__).with_name("data")


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> Dict[str, Any]:
    with (DATA_DIR / f"{name}.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def bot_text_language(text: str) -> str:
    """The language of words added to a bot text: Hindi when it is mostly in Devanagari (an English
    status quotes the officer's Hindi reason)."""
    return "hi" if mostly_devanagari(text or "") else "en"


def localized(variants: Mapping[str, str], text: str) -> str:
    """The variant (`{hi: …, en: …}`) matching the language of `text`."""
    return variants.get(bot_text_language(text)) or variants["en"]
