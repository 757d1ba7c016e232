"""Constrained text for everything clients send: trimmed, bounded, no control
characters (PostgreSQL rejects NUL, and a column limit must not turn into a
server error)."""
from __future__ import annotations

import re
from typing import Type

from pydantic import ConstrainedStr

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _CleanText(ConstrainedStr):
    strip_whitespace = True
    min_length = 1

    @classmethod
    def __get_validators__(cls):
        yield from super().__get_validators__()
        yield cls._no_control_characters

    @classmethod
    def _no_control_characters(cls, value: str) -> str:
        if _CONTROL.search(value):
            raise ValueError("must not contain control characters")
        return value


def clean_text(max_length: int) -> Type[str]:
    return type(f"CleanText{max_length}", (_CleanText,), {"max_length": max_length})


class Email(_CleanText):
    max_length = 254
    regex = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
