"""Signed webhook delivery to the bot, retried with backoff like Meta's.

Deliveries for one WhatsApp user go out in order (a queue per user); users
are independent of each other. A delivery counts as done only on HTTP 200;
a connection error or any other status is retried after each of the
configured delays, then given up.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional, Sequence

import aiohttp

from .signing import SIGNATURE_HEADER, signed

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0
# Called with "retrying", "delivered" or "failed".
StateCallback = Callable[[str], Awaitable[None]]


class WebhookDelivery:
    def __init__(self, url: str, app_secret: str, retry_delays: Sequence[float]) -> None:
        self.url = url
        self.app_secret = app_secret
        self.retry_delays = tuple(retry_delays)
        self._client: Optional[aiohttp.ClientSession] = None  # made on first use, inside the event loop
        self._queues: Dict[str, asyncio.Queue] = {}
        self._workers: Dict[str, asyncio.Task] = {}

    def enqueue(self, key: str, payload: Dict[str, Any], on_state: Optional[StateCallback] = None) -> None:
        queue = self._queues.setdefault(key, asyncio.Queue())
        queue.put_nowait((payload, on_state))
        if key not in self._workers:
            self._workers[key] = asyncio.create_task(self._drain(key, queue))

    async def _drain(self, key: str, queue: asyncio.Queue) -> None:
        while not queue.empty():
            payload, on_state = queue.get_nowait()
            delivered = await self._deliver(payload, on_state)
            if on_state is not None:
                await on_state("delivered" if delivered else "failed")
        # No await since the emptiness check: nothing can be enqueued in between.
        del self._workers[key]
        del self._queues[key]

    def _session(self) -> aiohttp.ClientSession:
        if self._client is None:
            self._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
        return self._client

    async def _deliver(self, payload: Dict[str, Any], on_state: Optional[StateCallback]) -> bool:
        body, signature = signed(payload, self.app_secret)
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: signature}
        for attempt, delay in enumerate((0.0,) + self.retry_delays):
            if attempt:
                if attempt == 1 and on_state is not None:
                    await on_state("retrying")
                await asyncio.sleep(delay)
            try:
                async with self._session().post(self.url, data=body, headers=headers) as response:
                    status = response.status
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                log.warning("webhook delivery attempt %d failed: %s", attempt + 1, type(error).__name__)
                continue
            if status == 200:
                return True
            log.warning("webhook delivery attempt %d answered HTTP %d", attempt + 1, status)
        log.error("webhook delivery to %s given up after %d attempts", self.url, len(self.retry_delays) + 1)
        return False

    async def verify(self, verify_token: str) -> Dict[str, Any]:
        """Meta's subscription handshake: GET with hub.* parameters; the endpoint must echo the challenge."""
        challenge = str(secrets.randbelow(9 * 10**9) + 10**9)
        params = {"hub.mode": "subscribe", "hub.verify_token": verify_token, "hub.challenge": challenge}
        try:
            async with self._session().get(self.url, params=params) as response:
                status, echoed = response.status, await response.text()
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            return {"verified": False, "error": type(error).__name__}
        return {"verified": status == 200 and echoed == challenge, "status_code": status}

    async def cancel_pending(self) -> None:
        """Drop every queued or retrying delivery (emulator reset)."""
        workers = list(self._workers.values())
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        self._workers.clear()
        self._queues.clear()

    async def close(self) -> None:
        await self.cancel_pending()
        if self._client is not None:
            await self._client.close()
