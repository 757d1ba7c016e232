"""One HTTP call with a timeout; failures worth retrying become BackendUnavailable."""
from __future__ import annotations

import logging
from typing import Any, Tuple, Union
from urllib.parse import urlsplit

import requests

from actions.clients.errors import BackendUnavailable

log = logging.getLogger(__name__)

Timeout = Union[float, Tuple[float, float]]
RETRYABLE_STATUS = 429


def send(session: requests.Session, backend: str, method: str, url: str, timeout: Timeout,
         **kwargs: Any) -> requests.Response:
    # Only the path is logged: queries may hold a citizen's mobile number.
    path = urlsplit(url).path
    try:
        response = session.request(method, url, timeout=timeout, **kwargs)
    except requests.RequestException as error:
        log.warning("%s %s %s failed: %s", backend, method, path, type(error).__name__)
        raise BackendUnavailable(backend, type(error).__name__) from error
    if response.status_code >= 500 or response.status_code == RETRYABLE_STATUS:
        log.warning("%s %s %s answered %s", backend, method, path, response.status_code)
        raise BackendUnavailable(backend, f"HTTP {response.status_code}")
    return response
