"""Keeps citizens' phone numbers out of the logs (the access log shows URL paths with wa_ids)."""
from __future__ import annotations

import logging
import re

# A whole run of digits shaped like an E.164 number (country code first, never 0): 7 to 15 digits,
# exactly 11 when it starts with 1 (North America), so 10-digit Unix times ("1749416383") and
# millisecond times stay readable; never the digits of a decimal ("wait=2.9912345678937").
PHONE_DIGITS = re.compile(r"(?<![\d.])(?:1\d{10}|[2-9]\d{6,14})(?![\d]|\.\d)")


def mask_phone_numbers(text: str) -> str:
    return PHONE_DIGITS.sub(lambda match: match.group()[:2] + "*" * (len(match.group()) - 4) + match.group()[-2:], text)


class PhoneMaskFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(mask_phone_numbers(arg) if isinstance(arg, str) else arg for arg in record.args)
        record.msg = mask_phone_numbers(str(record.msg))
        return True


def install() -> None:
    for name in ("uvicorn.access", "uvicorn.error", "whatsapp_emulator"):
        logging.getLogger(name).addFilter(PhoneMaskFilter())
