"""One Open311 client per process (it keeps a connection pool)."""
from __future__ import annotations

import functools

from actions.clients.open311 import Open311Client


@functools.lru_cache(maxsize=1)
def open311() -> Open311Client:
    return Open311Client()
