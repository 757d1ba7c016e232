"""When a durable queue tries a failed job again: one schedule for every outbox.

Quick at first (a backend or Graph API restart is over in seconds), then
doubling up to hourly through a long outage. Jobs are never dropped for
having failed often; the last step repeats."""
from __future__ import annotations

from datetime import timedelta

FIRST_RETRY_SECONDS = 10
LONGEST_WAIT_SECONDS = 3600


def retry_delay(failed_attempts: int) -> timedelta:
    """The wait after `failed_attempts` failures (1 or more) before the next attempt."""
    doublings = max(0, failed_attempts - 1)
    return timedelta(seconds=min(LONGEST_WAIT_SECONDS, FIRST_RETRY_SECONDS * 2 ** min(doublings, 20)))
