"""The dashboard's labels and messages (texts.yml)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

import yaml

from .settings import PACKAGE_DIR


@lru_cache(maxsize=1)
def texts() -> Dict[str, Any]:
    return yaml.safe_load((PACKAGE_DIR / "texts.yml").read_text(encoding="utf-8"))


def message(key: str, **values: Any) -> str:
    return texts()["messages"][key].format(**values)
