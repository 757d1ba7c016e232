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

import httpx

from .signing import SIGNATURE_HEADER, signed

log = logging.getLogger(__name__)

# Called with "retrying", "delivered" or "failed".
StateCallback = Callable[[str], Awaitable[None]]


class WebhookDelivery:
    def __init__(self, url: str, app_secret: str, retry_delays: Sequence[float]) -> None:
        self.url = url
        self.app_secret = app_secret
        self.retry_delays = tuple(retry_delays)
        self._client = httpx.AsyncClient(timeout=10.0)
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

    async def _deliver(self, payload: Dict[str, Any], on_state: Optional[StateCallback]) -> bool:
        body, signature = signed(payload, self.app_secret)
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: signature}
        for attempt, delay in enumerate((0.0,) + self.retry_delays):
            if attempt:
                if attempt == 1 and on_state is not None:
                    await on_state("retrying")
                await asyncio.sleep(delay)
            try:
                response = await self._client.post(self.url, content=body, headers=headers)
            except httpx.HTTPError as error:
                log.warning("webhook delivery attempt %d failed: %s", attempt + 1, type(error).__name__)
                continue
            if response.status_code == 200:
                return True
            log.warning("webhook delivery attempt %d answered HTTP %d", attempt + 1, response.status_code)
        log.error("webhook delivery to %s given up after %d attempts", self.url, len(self.retry_delays) + 1)
        return False

    async def verify(self, verify_token: str) -> Dict[str, Any]:
        """Meta's subscription handshake: GET with hub.* parameters; the endpoint must echo the challenge."""
        challenge = str(secrets.randbelow(9 * 10**9) + 10**9)
        params = {"hub.mode": "subscribe", "hub.verify_token": verify_token, "hub.challenge": challenge}
        try:
            response = await self._client.get(self.url, params=params)
        except httpx.HTTPError as error:
            return {"verified": False, "error": type(error).__name__}
        return {"verified": response.status_code == 200 and response.text == challenge,
                "status_code": response.status_code}

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
        await self._client.aclose()
