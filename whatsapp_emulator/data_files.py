"""The package's YAML data files (limits, media types, errors, places)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    with open(DATA_DIR / f"{name}.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def sample(filename: str) -> bytes:
    return (DATA_DIR / "samples" / filename).read_bytes()
