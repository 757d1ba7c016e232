"""Logging of the server process: uvicorn's format, personal numbers masked
in every line (access log paths like ?mobile=... included)."""
from __future__ import annotations

import copy
from typing import Any, Dict

from uvicorn.config import LOGGING_CONFIG


def log_config(level: str = "INFO") -> Dict[str, Any]:
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask_personal_numbers": {"()": "lokseva_api.masking.MaskingFilter"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask_personal_numbers"]
    config["loggers"]["lokseva_api"] = {"handlers": ["default"], "level": level, "propagate": False}
    return config
