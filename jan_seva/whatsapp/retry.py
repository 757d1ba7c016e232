"""Retrying an async operation with exponential backoff and jitter."""
from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from typing import Awaitable, Callable, TypeVar

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5  # seconds before the second attempt, doubled each time
    max_delay: float = 8.0

    def delay(self, retry_number: int) -> float:
        """Half the backoff fixed, half random: spreads retries of many workers apart."""
        backoff = min(self.max_delay, self.base_delay * 2**retry_number)
        return backoff / 2 + random.uniform(0, backoff / 2)


async def retrying(
    operation: Callable[[], Awaitable[T]],
    is_retryable: Callable[[Exception], bool],
    policy: RetryPolicy,
    what: str,
) -> T:
    """The operation's result; its last error once attempts run out or an error is final."""
    attempt = 1
    while True:
        try:
            return await operation()
        except Exception as error:
            if attempt >= policy.attempts or not is_retryable(error):
                raise
            delay = policy.delay(attempt - 1)
            logger.warning(
                "%s failed (%s); attempt %d of %d in %.1fs", what, error, attempt + 1, policy.attempts, delay
            )
            await asyncio.sleep(delay)
            attempt += 1
