"""Cloud API throughput limit (messages per second per phone number) -> error 130429."""
from __future__ import annotations

import threading
import time


class ThroughputLimiter:
    """Token bucket: bursts up to one second's worth, refilled at `per_second`; 0 disables it."""

    def __init__(self, per_second: float) -> None:
        self.per_second = per_second
        self._tokens = per_second
        self._updated = time.monotonic()
        self._lock = threading.Lock()

    def allow(self) -> bool:
        if self.per_second <= 0:
            return True
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.per_second, self._tokens + (now - self._updated) * self.per_second)
            self._updated = now
            if self._tokens < 1:
                return False
            self._tokens -= 1
            return True
