"""Time in India: dates citizens see (due dates, issue dates, the year in
application numbers) are Indian Standard Time; the database keeps naive UTC."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from common.clock import INDIA, utc_now

# The app's clock is replaceable (app.state.clock) so tests can move time.
Clock = Callable[[], datetime]


system_clock: Clock = utc_now


def to_db(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def from_db(stored: datetime) -> datetime:
    return stored.replace(tzinfo=timezone.utc).astimezone(INDIA)

