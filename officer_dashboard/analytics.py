"""Complaint figures for the analytics page, from the complaints the 311 operator API lists
(with their history): counts by category and ward, the median time to resolution, and how
many were resolved by their SLA time (`expected_datetime`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional

from common.deadlines import DeadlineCount, in_units, median_duration

HOUR = timedelta(hours=1)
Complaint = Dict[str, Any]


def ward_name(complaint: Complaint) -> str:
    return (complaint["extended_attributes"].get("ward") or {}).get("name", "-")


def resolved_at(complaint: Complaint) -> Optional[datetime]:
    """When the complaint was last resolved: the first step of the closing run at the end of its
    history (resolved, then closed, counts from resolved; a reopening starts over). None while open."""
    if complaint["status"] != "closed":
        return None
    moment = None
    for note in reversed(complaint.get("notes") or []):
        if note["status"] != "closed":
            break
        moment = datetime.fromisoformat(note["datetime"])
    return moment


@dataclass
class Resolution:
    """Time to resolution (from filing) and the SLA of a group of complaints."""

    durations: List[timedelta] = field(default_factory=list)
    sla: DeadlineCount = field(default_factory=DeadlineCount)

    def add(self, complaint: Complaint) -> None:
        resolved = resolved_at(complaint)
        if resolved is None:
            self.sla.still_open(bool(complaint["extended_attributes"].get("overdue")))
            return
        self.durations.append(resolved - datetime.fromisoformat(complaint["requested_datetime"]))
        expected = complaint.get("expected_datetime")
        if expected:  # a category without an SLA has nothing to meet
            self.sla.settled(resolved <= datetime.fromisoformat(expected))

    @property
    def median_hours(self) -> Optional[float]:
        return in_units(median_duration(self.durations), HOUR)


@dataclass
class ComplaintFigures:
    total: int
    open: int
    by_category: List[tuple]  # (name, count), most first
    by_ward: List[tuple]
    resolution: Resolution
    resolution_by_category: Dict[str, Resolution]


def complaint_figures(complaints: List[Complaint]) -> ComplaintFigures:
    overall, by_category = Resolution(), defaultdict(Resolution)
    for complaint in complaints:
        overall.add(complaint)
        by_category[complaint["service_name"]].add(complaint)
    return ComplaintFigures(
        total=len(complaints),
        open=sum(complaint["status"] == "open" for complaint in complaints),
        by_category=Counter(complaint["service_name"] for complaint in complaints).most_common(),
        by_ward=Counter(map(ward_name, complaints)).most_common(),
        resolution=overall,
        resolution_by_category=dict(by_category),
    )
