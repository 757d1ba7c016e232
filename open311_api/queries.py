"""Finding complaints: by ids, category, date window, status, place, officer or citizen, whether
escalated or overdue; a page of them and how many match in all."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Collection, List, Optional

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import ColumnElement

from .models import ServiceRequest, StatusChange, Supporter
from .statuses import CLOSED_STATUSES, ESCALATED


@dataclass
class RequestQuery:
    service_request_ids: Optional[Collection[str]] = None
    service_codes: Optional[Collection[str]] = None
    statuses: Optional[Collection[str]] = None  # internal statuses
    requested_from: Optional[datetime] = None
    requested_until: Optional[datetime] = None
    departments: Optional[Collection[str]] = None
    ward: Optional[str] = None
    officer: Optional[str] = None
    phone: Optional[str] = None  # complainant or supporter
    escalated: Optional[bool] = None  # moved up the ladder at least once
    overdue_at: Optional[datetime] = None  # open and past its expected resolution at this time
    limit: int = 1000
    offset: int = 0
    by_due: bool = False  # earliest expected resolution first (escalation), else newest first


def _conditions(query: RequestQuery) -> list:
    request = ServiceRequest
    conditions = []
    if query.service_request_ids is not None:
        conditions.append(request.service_request_id.in_(query.service_request_ids))
    if query.service_codes is not None:
        conditions.append(request.service_code.in_(query.service_codes))
    if query.statuses is not None:
        conditions.append(request.status.in_(query.statuses))
    if query.requested_from is not None:
        conditions.append(request.requested_at >= query.requested_from)
    if query.requested_until is not None:
        conditions.append(request.requested_at <= query.requested_until)
    if query.departments is not None:
        conditions.append(request.department_code.in_(query.departments))
    for column, value in ((request.ward_code, query.ward), (request.officer_code, query.officer)):
        if value is not None:
            conditions.append(column == value)
    if query.phone is not None:
        supported = select(Supporter.request_id).where(Supporter.phone == query.phone)
        conditions.append(or_(request.phone == query.phone, request.id.in_(supported)))
    if query.escalated is not None:
        escalated = request.id.in_(select(StatusChange.request_id).where(StatusChange.event == ESCALATED))
        conditions.append(escalated if query.escalated else ~escalated)
    if query.overdue_at is not None:
        conditions += overdue_at(query.overdue_at)
    return conditions


def still_open() -> ColumnElement:
    return ServiceRequest.status.notin_(CLOSED_STATUSES)


def overdue_at(moment: datetime) -> list:
    """Open, and past the expected resolution at this moment."""
    return [still_open(), ServiceRequest.expected_at < moment]


def find_requests(session: Session, query: RequestQuery) -> List[ServiceRequest]:
    request = ServiceRequest
    statement = (
        select(request)
        .where(*_conditions(query))
        .options(selectinload(request.photos), selectinload(request.history), selectinload(request.supporters))
        .order_by(*((request.expected_at, request.id) if query.by_due else (request.requested_at.desc(), request.id.desc())))
        .limit(query.limit)
        .offset(query.offset)
    )
    return list(session.scalars(statement))


def count_requests(session: Session, query: RequestQuery) -> int:
    """How many complaints match, over every page."""
    return session.scalar(select(func.count(ServiceRequest.id)).where(*_conditions(query))) or 0
