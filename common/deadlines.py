"""Service-level figures shared by the Lok Seva and 311 reports: the median time taken, and how
many items met their deadline (DeadlineOut is how both APIs show the count)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from statistics import median
from typing import Dict, Iterable, Optional, Union

from pydantic import Field

from common.api_model import ApiModel


def median_duration(durations: Iterable[timedelta]) -> Optional[timedelta]:
    """None when nothing was measured."""
    seconds = [duration.total_seconds() for duration in durations]
    return timedelta(seconds=median(seconds)) if seconds else None


def in_units(duration: Optional[timedelta], unit: timedelta) -> Optional[float]:
    """E.g. in_units(d, timedelta(days=1)): days, one decimal."""
    return None if duration is None else round(duration / unit, 1)


@dataclass
class DeadlineCount:
    """Items against their deadline. Only what is already known counts: an item settled in time
    or late, or still open but past its deadline (late whatever happens next); an open item
    still within its deadline is left out of the share."""

    in_time: int = 0
    settled_late: int = 0
    open_overdue: int = 0

    def settled(self, in_time: bool) -> None:
        if in_time:
            self.in_time += 1
        else:
            self.settled_late += 1

    def still_open(self, overdue: bool) -> None:
        if overdue:
            self.open_overdue += 1

    @property
    def share_in_time(self) -> Optional[float]:
        known = self.in_time + self.settled_late + self.open_overdue
        return round(self.in_time / known, 3) if known else None

    def as_dict(self) -> Dict[str, Union[int, Optional[float]]]:
        return {"in_time": self.in_time, "settled_late": self.settled_late, "open_overdue": self.open_overdue,
                "share_in_time": self.share_in_time}


class DeadlineOut(ApiModel):
    in_time: int = Field(description="settled on or before the deadline")
    settled_late: int
    open_overdue: int = Field(description="not settled and already past the deadline")
    share_in_time: Optional[float] = Field(
        description="in_time / (in_time + settled_late + open_overdue); null when none of these"
    )
