"""Personal numbers are masked in logs and public answers."""
from __future__ import annotations

import logging

from lokseva_helpers import VALID_AADHAAR

from common.masking import MaskingFilter, mask_for_log
from lokseva_api.masking import mask_name


def test_aadhaar_and_mobile_numbers_are_masked_in_any_spelling():
    grouped = f"{VALID_AADHAAR[:4]} {VALID_AADHAAR[4:8]} {VALID_AADHAAR[8:]}"
    text = f"aadhaar {VALID_AADHAAR} / {grouped}, mobile 9876543210 or +91 98765-43210? LS-2026-000123"
    masked = mask_for_log(text)
    assert VALID_AADHAAR not in masked and VALID_AADHAAR[:8] not in masked.replace(" ", "")
    assert "9876543210" not in masked and "98765" not in masked
    assert masked.count(f"XXXX XXXX {VALID_AADHAAR[-4:]}") == 2
    assert masked.count("3210") == 2  # the last four digits tell numbers apart
    assert "LS-2026-000123" in masked


def test_the_filter_masks_message_and_arguments_and_keeps_tuples():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s"', (
        "127.0.0.1:5000", "GET", "/api/v1/applications?mobile=9876543210"), None)
    assert MaskingFilter().filter(record)
    assert isinstance(record.args, tuple)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /api/v1/applications?mobile=******3210"'


def test_names_are_masked_letter_by_letter_in_both_scripts():
    assert mask_name("Sunita Bhuria") == "S*** B***"
    assert mask_name("श्रीमती क्षमा") == "श्री*** क्ष***"
