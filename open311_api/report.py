"""The officers' complaint report for the analytics page: complaints by category and ward, the
median hours from filing to resolution and how many were resolved by their SLA time, overall and
per category. Counted in the database (one row per complaint, the history of resolved ones only),
so the dashboard no longer pages through every complaint with its history."""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.api_model import ApiModel
from common.deadlines import DeadlineCount, DeadlineOut, in_units, median_duration

from .models import ServiceRequest, StatusChange
from .profile import Profile
from .sla import is_overdue
from .statuses import CLOSED_STATUSES

HOUR = timedelta(hours=1)


class Resolution(ApiModel):
    median_hours: Optional[float]
    sla: DeadlineOut


class CategoryFigures(ApiModel):
    service_code: str
    service_name: str
    total: int
    resolution: Resolution


class WardCount(ApiModel):
    ward: Optional[str]  # the ward's code; None: outside the wards the profile knows
    name: str
    total: int


class ComplaintReport(ApiModel):
    total: int
    open: int
    resolution: Resolution
    categories: List[CategoryFigures]  # most complaints first
    wards: List[WardCount]  # most complaints first


@dataclass
class _Figures:
    total: int = 0
    durations: List[timedelta] = field(default_factory=list)
    sla: DeadlineCount = field(default_factory=DeadlineCount)

    def add(self, filed: datetime, expected: datetime, resolved: Optional[datetime], now: datetime) -> None:
        self.total += 1
        if resolved is None:
            self.sla.still_open(is_overdue(expected, now, closed=False))
        else:
            self.durations.append(resolved - filed)
            self.sla.settled(resolved <= expected)

    def out(self) -> Resolution:
        return Resolution(median_hours=in_units(median_duration(self.durations), HOUR),
                          sla=DeadlineOut(**self.sla.as_dict()))


def last_resolution(history: Iterable[Tuple[str, datetime]]) -> Optional[datetime]:
    """When a complaint was last resolved, from its (status, time) history in order: the first step of the
    closing run at its end (resolved, then closed, counts from resolved; a reopening starts over)."""
    moment = None
    for status, at in history:
        moment = (moment or at) if status in CLOSED_STATUSES else None
    return moment


def _resolved_at(session: Session, departments: Optional[Sequence[str]]) -> Dict[int, datetime]:
    """Per resolved or closed complaint, when it was last resolved."""
    query = (select(StatusChange.request_id, StatusChange.status, StatusChange.created_at)
             .join(ServiceRequest, ServiceRequest.id == StatusChange.request_id)
             .where(ServiceRequest.status.in_(CLOSED_STATUSES))
             .order_by(StatusChange.request_id, StatusChange.id))
    if departments is not None:
        query = query.where(ServiceRequest.department_code.in_(departments))
    rows = session.execute(query).all()
    return {request_id: moment for request_id, steps in itertools.groupby(rows, key=lambda row: row[0])
            if (moment := last_resolution((status, at) for _, status, at in steps)) is not None}


def complaint_report(session: Session, profile: Profile, locale: str, departments: Optional[Sequence[str]],
                     now: datetime) -> ComplaintReport:
    """Over every complaint, or those of `departments` (codes)."""
    resolved = _resolved_at(session, departments)
    query = select(ServiceRequest.id, ServiceRequest.service_code, ServiceRequest.ward_code,
                   ServiceRequest.requested_at, ServiceRequest.expected_at)
    if departments is not None:
        query = query.where(ServiceRequest.department_code.in_(departments))
    overall, by_category, wards = _Figures(), defaultdict(_Figures), Counter()
    for request_id, code, ward, filed, expected in session.execute(query):
        for figures in (overall, by_category[code]):
            figures.add(filed, expected, resolved.get(request_id), now)
        wards[ward] += 1

    def category_name(code: str) -> str:
        category = profile.categories.get(code)
        return profile.text(category.name, locale) if category else code

    def ward_name(code: Optional[str]) -> str:
        ward = profile.wards.get(code) if code else None
        return profile.text(ward.name, locale) if ward else "-"

    return ComplaintReport(
        total=overall.total,
        open=overall.total - len(resolved),
        resolution=overall.out(),
        categories=[CategoryFigures(service_code=code, service_name=category_name(code), total=figures.total,
                                    resolution=figures.out())
                    for code, figures in sorted(by_category.items(), key=lambda item: -item[1].total)],
        wards=[WardCount(ward=code, name=ward_name(code), total=total) for code, total in wards.most_common()],
    )
