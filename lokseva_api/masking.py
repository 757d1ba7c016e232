"""Masking of citizens' identifiers: in responses, on documents and in logs."""
from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

_AADHAAR_IN_TEXT = re.compile(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?(\d{4})(?!\d)")
# Ten digits starting 6-9, with an optional +91 and single spaces or hyphens anywhere ("98765 43210").
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?91[ -]?)?([6-9](?:[ -]?\d){9})(?!\d)")


def mask_aadhaar_last4(last4: str) -> str:
    return f"XXXX XXXX {last4}"


def mask_mobile(mobile: str) -> str:
    return "X" * max(len(mobile) - 4, 0) + mobile[-4:]


def _first_letter(word: str) -> str:
    """The first letter with its marks (matra, virama + next consonant), so Devanagari stays legible."""
    end = 1
    while end < len(word) and (unicodedata.category(word[end]).startswith("M") or word[end - 1] == "\u094d"):
        end += 1
    return word[:end]


def mask_name(name: str) -> str:
    """'Sunita Bhuria' -> 'S*** B***' (public verification shows no full names)."""
    return " ".join(_first_letter(word) + "***" for word in name.split())


def scrub(text: str) -> str:
    """Aadhaar and mobile numbers anywhere in a text, masked (Aadhaar first: it is longer)."""
    text = _AADHAAR_IN_TEXT.sub(lambda m: mask_aadhaar_last4(m.group(1)), text)
    return _MOBILE_IN_TEXT.sub(lambda m: "XXXXXX" + re.sub(r"\D", "", m.group(1))[-4:], text)


def _scrub_value(value: Any) -> Any:
    return scrub(value) if isinstance(value, str) else value


class MaskingFilter(logging.Filter):
    """Masks personal numbers in every record a handler writes.

    Arguments are scrubbed one by one rather than merged into the message:
    uvicorn's access formatter reads them as a tuple.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _scrub_value(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_scrub_value(value) for value in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _scrub_value(value) for key, value in record.args.items()}
        return True
