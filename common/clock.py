"""Time, one way for every process: moments in UTC, days and office hours in India.

Databases keep UTC. Columns declared without a time zone (the submission
outbox, the dashboard's tables) take `utc_now_naive()`; the others and all
arithmetic take `utc_now()`. A citizen's "today" is India's."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Callable
from zoneinfo import ZoneInfo

INDIA = ZoneInfo("Asia/Kolkata")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def utc_now_naive() -> datetime:
    """UTC without its zone, for DateTime columns that store none."""
    return utc_now().replace(tzinfo=None)


def india_today(clock: Callable[[], datetime] = utc_now) -> date:
    """Today in India by `clock` (a replaceable clock lets tests move time)."""
    return clock().astimezone(INDIA).date()
