"""One day's complaint figures per department for the officers' overview: complaints made,
resolved and escalated that day, and those open and overdue now. Counted in the database, so
the overview costs the same with ten complaints or a hundred thousand."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from typing import Dict, List

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from common.api_model import ApiModel

from .models import ServiceRequest, StatusChange
from .profile import Profile
from .queries import overdue_at, still_open
from .statuses import ESCALATED, RESOLVED


class DepartmentRef(ApiModel):
    code: str
    name: str


class DepartmentDay(ApiModel):
    department: DepartmentRef
    new: int
    decided: int  # resolved that day
    escalated: int
    open: int  # now
    overdue: int  # open now and past the expected resolution


class ComplaintDay(ApiModel):
    day: date
    departments: List[DepartmentDay]


def _per_department(session: Session, query: Select) -> Counter:
    """`query` selects (department_code, count), grouped by department."""
    return Counter(dict(session.execute(query.group_by(ServiceRequest.department_code)).all()))


def daily_summary(session: Session, profile: Profile, locale: str, day: date, now: datetime) -> ComplaintDay:
    start = datetime.combine(day, time(), profile.tz).astimezone(timezone.utc)
    end = start + timedelta(days=1)
    request, change = ServiceRequest, StatusChange
    counted = select(request.department_code, func.count(func.distinct(request.id)))

    def happened(event: str) -> Select:
        return counted.join(change, request.history).where(change.event == event, change.created_at >= start,
                                                           change.created_at < end)

    figures: Dict[str, Counter] = {
        "new": _per_department(session, counted.where(request.requested_at >= start, request.requested_at < end)),
        "decided": _per_department(session, happened(RESOLVED)),
        "escalated": _per_department(session, happened(ESCALATED)),
        "open": _per_department(session, counted.where(still_open())),
        "overdue": _per_department(session, counted.where(*overdue_at(now))),
    }
    return ComplaintDay(day=day, departments=[
        DepartmentDay(department=DepartmentRef(code=code, name=profile.text(department.name, locale)),
                      **{name: counts[code] for name, counts in figures.items()})
        for code, department in profile.departments.items()
    ])
