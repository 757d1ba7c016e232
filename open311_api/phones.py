"""Phone numbers in one form, so the WhatsApp number finds the citizen's complaints.

"98270 12345", "+91-98270-12345" and the WhatsApp id "919827012345" are all
stored as "+919827012345"; a number that is neither national nor international
("111111111") is kept as its digits.
"""
from __future__ import annotations

import re

_NATIONAL_DIGITS = 10


def normalize_phone(raw: str, country_code: str) -> str:
    digits = re.sub(r"[\s\-().]", "", raw.strip())
    international = True
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif len(digits) == _NATIONAL_DIGITS + 1 and digits.startswith("0"):
        digits = country_code + digits[1:]  # trunk prefix: 09827012345
    elif len(digits) == _NATIONAL_DIGITS:
        digits = country_code + digits
    else:
        international = len(digits) > _NATIONAL_DIGITS and digits.startswith(country_code)  # a WhatsApp id
    if not digits.isdigit() or not 8 <= len(digits) <= 15:
        raise ValueError("is not a phone number")
    return "+" + digits if international else digits
