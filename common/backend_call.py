"""One blocking HTTP call to another service, and what it can end in besides success.

Every process that calls a backend (the action server, the submissions
worker, the officers' dashboard) goes through `send`: a timeout on every
call, only the path in the logs (queries may hold a citizen's mobile
number), and failures worth retrying raised as BackendUnavailable. What a
refusal (4xx) means is the caller's to read from the answer."""
from __future__ import annotations

import logging
from typing import Any, List, Optional, Tuple, Union
from urllib.parse import urlsplit

import requests

log = logging.getLogger(__name__)

Timeout = Union[float, Tuple[float, float]]
RETRYABLE_STATUS = 429


class BackendError(Exception):
    """A call that did not give what was asked; `status` is None when the service was not reached.
    `detail` is for the logs; `response` the answer, if any (`said_for_people` reads it for a person)."""

    def __init__(self, backend: str, detail: str, status: Optional[int] = None,
                 response: Optional[requests.Response] = None):
        super().__init__(f"{backend}: {detail}")
        self.backend = backend
        self.detail = detail
        self.status = status
        self.response = response


class BackendUnavailable(BackendError):
    """Not reached, a timeout, 5xx or 429: worth trying again later."""


def send(session: requests.Session, backend: str, method: str, url: str, timeout: Timeout,
         **kwargs: Any) -> requests.Response:
    path = urlsplit(url).path
    try:
        response = session.request(method, url, timeout=timeout, **kwargs)
    except requests.RequestException as error:
        log.warning("%s %s %s failed: %s", backend, method, path, type(error).__name__)
        raise BackendUnavailable(backend, type(error).__name__) from error
    if response.status_code >= 500 or response.status_code == RETRYABLE_STATUS:
        log.warning("%s %s %s answered %s", backend, method, path, response.status_code)
        raise BackendUnavailable(backend, f"HTTP {response.status_code}", response.status_code, response)
    return response


def _joined(words: List[Any]) -> Optional[str]:
    return "; ".join(str(word) for word in words if word) or None


def said_for_people(response: Optional[requests.Response], language: str = "en") -> Optional[str]:
    """The words meant for a person in an error answer, in `language` where there are two: Lok Seva's
    {"error": {message_en, message_hi, fields}}, Open311's [{code, description}], Rasa's {"message"},
    FastAPI's {"detail": "..."}."""
    if response is None:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    if isinstance(body, list):
        return _joined([item.get("description") for item in body if isinstance(item, dict)])
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict):
        parts = [error] + [field for field in error.get("fields") or [] if isinstance(field, dict)]
        other = "en" if language == "hi" else "hi"
        return _joined([part.get(f"message_{language}") or part.get(f"message_{other}") for part in parts])
    said = body.get("message") or body.get("detail")
    return said if isinstance(said, str) else None
