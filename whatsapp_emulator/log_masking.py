"""Keeps citizens' phone numbers out of the logs (the access log shows URL paths with wa_ids)."""
from __future__ import annotations

import logging
import re

PHONE_DIGITS = re.compile(r"\d{7,15}")


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
