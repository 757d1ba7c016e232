"""Phone numbers and e-mail addresses never reach the logs in full.

The filter sits on every log handler (see `log_config`), so it also covers
uvicorn's access log, whose lines carry query strings like ?phone=....
"""
from __future__ import annotations

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# Indian mobiles in any usual spelling (98270 12345, +91-9827012345, 919827012345,
# %2B919827012345 in URLs), and any other run of 10-15 digits.
_PHONE = re.compile(r"(?<![\w-])(?:(?:\+|%2B)?91[\s-]?)?[6-9]\d{4}[\s-]?\d{5}(?!\w)|(?<![\w-])(?:\+|%2B)?\d{10,15}(?!\w)")


def _mask_phone(match: re.Match) -> str:
    digits = re.sub(r"%2B|\D", "", match.group(0))
    return "*" * (len(digits) - 4) + digits[-4:]


def mask(text: str) -> str:
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)
    return _PHONE.sub(_mask_phone, text)


def _masked(value: Any) -> Any:
    return mask(value) if isinstance(value, str) else value


class MaskPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask(record.msg)
        # Arguments are masked one by one: uvicorn's access formatter unpacks them.
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked(arg) for key, arg in record.args.items()}
        return True


def log_config() -> dict:
    """uvicorn's logging setup plus this package's and the migrations' loggers, every handler masking."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask_personal_data": {"()": MaskPersonalData}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask_personal_data"]
    for name in ("open311_api", "alembic"):
        config["loggers"][name] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
