"""CSRF tokens bound to the session, and a limit on failed logins."""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Deque, Dict

from fastapi import Form, HTTPException, Request

CSRF_KEY = "csrf"


def csrf_token(request: Request) -> str:
    """The session's token, made on first use; every form carries it."""
    token = request.session.get(CSRF_KEY)
    if token is None:
        token = request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return token


def require_csrf(request: Request, csrf_token: str = Form("")) -> None:
    """Dependency of every POST: the form's token must be the session's."""
    expected = request.session.get(CSRF_KEY)
    if not expected or not hmac.compare_digest(expected, csrf_token):
        raise HTTPException(403, "CSRF token missing or wrong")


class LoginLimiter:
    """At most `attempts` failed logins per client address and per username within `window_s`."""

    def __init__(self, attempts: int, window_s: int):
        self.attempts = attempts
        self.window_s = window_s
        self._failures: Dict[str, Deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(key, now)) >= self.attempts for key in keys)

    def failed(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures[key].append(time.monotonic())

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> Deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        return failures
