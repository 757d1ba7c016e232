"""Citizens' personal numbers, masked: one implementation for every process.

- `redact_identifiers`: Aadhaar numbers (12 digits) and Aadhaar virtual IDs
  (16 digits) in a citizen's message become `XXXX XXXX 1234` before anything
  stores the message (the assistant's channels call it first). Mobiles with
  their country code and bank account numbers (the message says so) stay.
- `masked_number`, `masked_aadhaar`: how replies, summaries and stores show a
  mobile or an Aadhaar number: the last four digits only.
- `mask_for_log`, `MaskingFilter`, `install_log_masking`: what a log line may
  hold of phone numbers, WhatsApp ids and e-mail addresses.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Callable, Iterable, Optional, Tuple

from common.verhoeff import is_valid as verhoeff_valid

SHOWN_DIGITS = 4
HIDDEN = "X"
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

# A run of 12 to 16 digits (ASCII or Devanagari) grouped by spaces, hyphens or dots any way.
_LONG_NUMBER = re.compile(r"(?<![\w+])(\+?)([0-9०-९](?:[ \-.]?[0-9०-९]){11,15})(?![\w])")
_FOUR_FOUR_FOUR = re.compile(r"^\d{4}[ \-.]\d{4}[ \-.]\d{4}$")
_INDIAN_MOBILE_WITH_CODE = re.compile(r"^91[6-9]\d{9}$")
_AADHAAR_WORDS = re.compile(r"aadh?aa?r|adhar|uidai|\bvid\b|आधार|आधर")
_ACCOUNT_WORDS = re.compile(r"account|\ba/?c\b|khata|khaata|खाता|bank|बैंक|ifsc")

# Log lines: Indian mobiles however written, any other run of 10-15 digits, e-mail addresses.
_PHONE_IN_LOG = re.compile(
    r"(?<![\w-])(?:(?:\+|%2B)?91[\s-]?)?[6-9]\d{4}[\s-]?\d{5}(?!\w)|(?<![\w.-])(?:\+|%2B)?\d{10,15}(?![\w]|\.\d)")
# Keys and tokens in query strings (GeoReport clients send ?api_key=, Meta's handshake hub.verify_token=):
# access lines keep the parameter's name, never its value.
_SECRET_IN_QUERY = re.compile(r"(?i)(?<![\w.])((?:api_key|access_token|token|hub\.verify_token)=)[^&\s\"']+")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def digits_of(value: Any) -> str:
    return re.sub(r"\D", "", str(value or "").translate(DEVANAGARI_DIGITS))


def masked_number(value: Any) -> str:
    """`9876543210` -> `XXXXXX3210` (a mobile as replies and stores show it)."""
    digits = digits_of(value)
    return HIDDEN * max(len(digits) - SHOWN_DIGITS, 0) + digits[-SHOWN_DIGITS:]


def masked_aadhaar(value: Any) -> str:
    """An Aadhaar number, or its last four digits, as `XXXX XXXX 1234`."""
    return f"XXXX XXXX {digits_of(value)[-SHOWN_DIGITS:]}"


def _is_phone(plus: str, written: str, digits: str) -> bool:
    """+91 98765 43210 or 919876543210 is a mobile; 4-4-4 grouping always reads as Aadhaar."""
    if plus:
        return True
    return bool(_INDIAN_MOBILE_WITH_CODE.match(digits)) and not _FOUR_FOUR_FOUR.match(written)


def _looks_like_aadhaar(written: str, digits: str, named: bool) -> bool:
    """Grouped 4-4-4, called Aadhaar in the message, or carrying Aadhaar's check digit."""
    return bool(_FOUR_FOUR_FOUR.match(written)) or named or (digits[0] not in "01" and verhoeff_valid(digits))


def _redactor(text: str) -> Callable[["re.Match[str]"], str]:
    folded = text.casefold()
    named = bool(_AADHAAR_WORDS.search(folded))
    bank = bool(_ACCOUNT_WORDS.search(folded)) and not named  # a bank account number is asked for, not an Aadhaar

    def redacted(match: "re.Match[str]") -> str:
        plus, written = match.group(1), match.group(2).translate(DEVANAGARI_DIGITS)
        digits = digits_of(written)
        if bank or _is_phone(plus, written, digits):
            return match.group(0)
        if len(digits) == 12 and _looks_like_aadhaar(written, digits, named):
            return masked_aadhaar(digits)
        if len(digits) == 16 and (named or " " in written or "-" in written):  # a virtual ID, grouped
            return f"XXXX XXXX XXXX {digits[-SHOWN_DIGITS:]}"
        return match.group(0)
    return redacted


def redact_identifiers(text: str) -> Tuple[str, bool]:
    """The text with Aadhaar numbers and virtual IDs masked, and whether there was one."""
    redacted = _LONG_NUMBER.sub(_redactor(text), text)
    return redacted, redacted != text


def mask_id(value: Optional[str]) -> str:
    """A WhatsApp id or phone number for a log line: `919876543210` -> `91******3210`."""
    if not value:
        return "<none>"
    text = str(value)
    if len(text) <= 2 + SHOWN_DIGITS + 1:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 2 - SHOWN_DIGITS) + text[-SHOWN_DIGITS:]


def mask_for_log(text: str) -> str:
    """Aadhaar numbers, phone numbers, e-mail addresses and keys in query strings anywhere in a text, masked."""
    text, _ = redact_identifiers(text)
    text = _SECRET_IN_QUERY.sub(r"\1***", text)
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)
    return _PHONE_IN_LOG.sub(lambda m: "*" * (len(digits_of(m.group(0))) - SHOWN_DIGITS) + digits_of(m.group(0))[-SHOWN_DIGITS:], text)


def _masked(value: Any) -> Any:
    return mask_for_log(value) if isinstance(value, str) else value


class MaskingFilter(logging.Filter):
    """Masks personal numbers in every record a handler writes. Arguments are masked one
    by one rather than merged into the message: uvicorn's access formatter unpacks them."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _masked(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked(arg) for key, arg in record.args.items()}
        return True


def install_log_masking(logger_names: Iterable[str] = ("",)) -> None:
    """Adds the filter to every handler of these loggers (the root logger by default)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if not any(isinstance(existing, MaskingFilter) for existing in handler.filters):
                handler.addFilter(MaskingFilter())
