"""Phone numbers and WhatsApp user ids as they may appear in logs."""
from __future__ import annotations

from typing import Optional

_KEEP_START = 2
_KEEP_END = 4


def mask_id(value: Optional[str]) -> str:
    """`919876543210` -> `91******3210`; short values are masked whole.

    Applied to every phone number, wa_id and BSUID before it is logged.
    """
    if not value:
        return "<none>"
    text = str(value)
    if len(text) <= _KEEP_START + _KEEP_END + 1:
        return "*" * len(text)
    hidden = len(text) - _KEEP_START - _KEEP_END
    return text[:_KEEP_START] + "*" * hidden + text[-_KEEP_END:]
