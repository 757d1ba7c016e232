"""The dashboard's labels and messages (texts.yml), and the backends' bilingual labels in its language."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Mapping, Optional

import yaml

from .settings import PACKAGE_DIR


@lru_cache(maxsize=1)
def texts() -> Dict[str, Any]:
    return yaml.safe_load((PACKAGE_DIR / "texts.yml").read_text(encoding="utf-8"))


def message(key: str, **values: Any) -> str:
    return texts()["messages"][key].format(**values)


def localized(bilingual: Optional[Mapping[str, Any]]) -> str:
    """A backend's {hi, en} label in the language the dashboard's texts are written in."""
    if not bilingual:
        return ""
    return bilingual.get(texts()["language"]) or bilingual.get("en") or ""
