"""Request bodies read as strictly as Meta's servers read them.

Python's json accepts NaN and Infinity, which are not JSON: a message
holding one could never be shown again (every JSON answer about that
conversation would fail). Nesting deep enough to exhaust the stack is
refused as well.
"""
from __future__ import annotations

import json
from typing import Any


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


def loads(body: bytes) -> Any:
    """The JSON value of `body`; ValueError for anything that is not strict JSON."""
    try:
        return json.loads(body, parse_constant=_not_json)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
