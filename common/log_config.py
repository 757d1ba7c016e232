"""Logging of the HTTP services run by uvicorn: uvicorn's own format, with
common.masking's filter on every handler, so access lines (paths such as
?phone=...) and the services' own lines never hold a number in full."""
from __future__ import annotations

import copy
from typing import Any, Dict, Iterable

from uvicorn.config import LOGGING_CONFIG


def uvicorn_log_config(loggers: Iterable[str], level: str = "INFO") -> Dict[str, Any]:
    """uvicorn's setup plus these loggers (a service's package, its migrations), every handler masking."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"mask_personal_data": {"()": "common.masking.MaskingFilter"}}
    for handler in config["handlers"].values():
        handler["filters"] = ["mask_personal_data"]
    for name in loggers:
        config["loggers"][name] = {"handlers": ["default"], "level": level, "propagate": False}
    return config
