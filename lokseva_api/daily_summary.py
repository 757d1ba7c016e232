"""One day's figures per department for the officers' overview: applications submitted,
decided and sent to the appellate officer that day, and those overdue now."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Dict

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from common.clock import INDIA

from . import lifecycle
from .applications import overdue_clause
from .clock import to_db
from .context import ApiContext
from .models import Application, ApplicationEvent
from .schemas.officer import DailySummary, DepartmentDay
from .texts import Bilingual


def _per_service(session: Session, query: Select) -> Counter:
    """`query` selects (service_code, count), grouped by service."""
    return Counter(dict(session.execute(query).all()))


def daily_summary(session: Session, ctx: ApiContext, day: date) -> DailySummary:
    start = to_db(datetime.combine(day, time(), INDIA))
    end = start + timedelta(days=1)
    code, count = Application.service_code, func.count(func.distinct(Application.id))
    counted = {
        "new": select(code, count).where(Application.submitted_at >= start, Application.submitted_at < end),
        "decided": select(code, count).join(ApplicationEvent, Application.events).where(
            ApplicationEvent.status.in_(lifecycle.DECISIONS), ApplicationEvent.at >= start, ApplicationEvent.at < end),
        "escalated": select(code, count).where(Application.escalated_at >= start, Application.escalated_at < end),
        "overdue": select(code, count).where(overdue_clause(ctx.today())),
    }
    by_service = {name: _per_service(session, query.group_by(code)) for name, query in counted.items()}

    catalogue = ctx.ref.catalogue
    departments: Dict[str, Bilingual] = {}
    figures: Dict[str, Counter] = {}
    for service in catalogue.page(1, len(catalogue)):
        department = service.department or Bilingual(hi="—", en="—")
        departments.setdefault(department.en, department)
        totals = figures.setdefault(department.en, Counter())
        for name, counts in by_service.items():
            totals[name] += counts[service.code]
    return DailySummary(day=day, departments=[
        DepartmentDay(department=departments[name], **{key: figures[name][key] for key in counted})
        for name in departments
    ])
