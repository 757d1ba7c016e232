"""Time in India: dates citizens see (due dates, issue dates, the year in
application numbers) are Indian Standard Time; the database keeps naive UTC."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Callable
from zoneinfo import ZoneInfo

IST = ZoneInfo("Asia/Kolkata")

# The app's clock is replaceable (app.state.clock) so tests can move time.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


def to_db(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def from_db(stored: datetime) -> datetime:
    return stored.replace(tzinfo=timezone.utc).astimezone(IST)


def india_today(clock: Clock) -> date:
    return clock().astimezone(IST).date()
