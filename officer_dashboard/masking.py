"""Citizens' phone numbers as officers' pages show them."""
from __future__ import annotations

NATIONAL_DIGITS = 10
HIDDEN = "•" * 5


def masked_phone(wa_id: str) -> str:
    """`919876543210` -> `+91 98•••••210`: enough to tell citizens apart, not to call them."""
    digits = "".join(ch for ch in wa_id if ch.isdigit())
    if len(digits) <= NATIONAL_DIGITS:
        return HIDDEN + digits[-3:]
    country, national = digits[:-NATIONAL_DIGITS], digits[-NATIONAL_DIGITS:]
    return f"+{country} {national[:2]}{HIDDEN}{national[-3:]}"
