"""Each citizen's work strictly in arrival order; different citizens at once.

The place in line is taken when the work is queued, synchronously, while
the webhook is being answered, not when the work first runs: a delivery
that arrived later can never overtake one whose work is still waiting for
the database. Only this worker's arrivals are ordered.
"""
from __future__ import annotations

import asyncio
from typing import Awaitable, Dict, Optional


class ArrivalOrder:
    def __init__(self) -> None:
        self._last: Dict[str, asyncio.Event] = {}  # set when a citizen's latest queued work is done

    def queue(self, key: str, work: Awaitable[None]) -> Awaitable[None]:
        """`work`, to be awaited, starting once everything queued earlier for `key` is done."""
        before = self._last.get(key)
        done = asyncio.Event()
        self._last[key] = done
        return self._in_turn(key, before, done, work)

    async def _in_turn(self, key: str, before: Optional[asyncio.Event], done: asyncio.Event,
                       work: Awaitable[None]) -> None:
        try:
            if before is not None:
                await before.wait()
            await work
        finally:
            done.set()
            if self._last.get(key) is done:  # nobody queued behind: forget the citizen
                del self._last[key]
