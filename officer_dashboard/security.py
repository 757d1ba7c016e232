"""CSRF tokens bound to the session, and limits on failed logins."""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Callable, Deque, Dict, List, Tuple

from fastapi import Form, HTTPException, Request

CSRF_KEY = "csrf"
SWEEP_AT = 10_000  # counters kept before the stale ones are dropped


def csrf_token(request: Request) -> str:
    """The session's token, made on first use; every form carries it."""
    token = request.session.get(CSRF_KEY)
    if token is None:
        token = request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return token


def require_csrf(request: Request, csrf_token: str = Form("")) -> None:
    """Dependency of every POST: the form's token must be the session's."""
    expected = request.session.get(CSRF_KEY)
    # compared as bytes: compare_digest refuses str with non-ASCII characters (a 500 instead of a 403)
    if not expected or not hmac.compare_digest(expected.encode(), csrf_token.encode()):
        raise HTTPException(403, "CSRF token missing or wrong")


@dataclass(frozen=True)
class LoginLimits:
    """Failed logins allowed within `window_s`. One officer's typos from a shared office address
    lock only that officer there (`per_pair`); guessing one account from many addresses is
    stopped by `per_user`; only spraying many accounts from one address meets `per_address`."""

    per_pair: int
    per_user: int
    per_address: int
    window_s: int


class LoginLimiter:
    def __init__(self, limits: LoginLimits, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self._clock = clock  # seconds, any origin (tests give their own)
        self._failures: Dict[Tuple[str, ...], Deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _counters(self, username: str, address: str) -> List[Tuple[Tuple[str, ...], int]]:
        return [(("pair", username, address), self.limits.per_pair), (("user", username), self.limits.per_user),
                (("address", address), self.limits.per_address)]

    def blocked(self, username: str, address: str) -> bool:
        now = self._clock()
        with self._lock:
            return any(self._recent(key, now) >= limit for key, limit in self._counters(username, address))

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            for key, _ in self._counters(username, address):
                self._failures[key].append(now)
            if len(self._failures) > SWEEP_AT:  # many names or addresses: forget those with nothing recent
                for key in list(self._failures):
                    self._recent(key, now)

    def succeeded(self, username: str, address: str) -> None:
        """The officer proved who they are: their own counts start over, not the address's."""
        with self._lock:
            for key, _ in self._counters(username, address)[:2]:
                self._failures.pop(key, None)

    def _recent(self, key: Tuple[str, ...], now: float) -> int:
        failures = self._failures.get(key)
        while failures and failures[0] <= now - self.limits.window_s:
            failures.popleft()
        if not failures:
            self._failures.pop(key, None)
            return 0
        return len(failures)
