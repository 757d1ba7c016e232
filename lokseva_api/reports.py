"""The officers' aggregate report: applications by service and status, the median days to a
decision and to the certificate, and how many were settled within the statutory time limit."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, List, Optional, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.deadlines import DeadlineCount, DeadlineOut, in_units, median_duration

from . import lifecycle
from .applications import is_overdue
from .clock import from_db
from .context import ApiContext
from .models import Application, ApplicationEvent
from .schemas.reports import ApplicationReport, ReportFigures, ServiceReport
from .views import service_name

MILESTONES = (*lifecycle.DECISIONS, *lifecycle.SETTLED)
DAY = timedelta(days=1)


@dataclass
class _Figures:
    statuses: Counter = field(default_factory=Counter)
    to_decision: List[timedelta] = field(default_factory=list)
    to_issue: List[timedelta] = field(default_factory=list)
    deadline: DeadlineCount = field(default_factory=DeadlineCount)

    def add(self, ctx: ApiContext, application: Application, reached: Dict[str, datetime]) -> None:
        """`reached`: when the application first reached each milestone status."""
        self.statuses[application.status] += 1
        submitted = application.submitted_at
        decided = [reached[status] for status in lifecycle.DECISIONS if status in reached]
        if decided:
            self.to_decision.append(min(decided) - submitted)
        if lifecycle.ISSUED in reached:
            self.to_issue.append(reached[lifecycle.ISSUED] - submitted)
        settled = [reached[status] for status in lifecycle.SETTLED if status in reached]
        if settled:
            self.deadline.settled(from_db(min(settled)).date() <= application.due_date)
        else:
            self.deadline.still_open(is_overdue(application, ctx.today()))

    def out(self) -> Dict:
        return {"total": sum(self.statuses.values()), "by_status": dict(self.statuses),
                "median_days_to_decision": in_units(median_duration(self.to_decision), DAY),
                "median_days_to_issue": in_units(median_duration(self.to_issue), DAY),
                "time_limit": DeadlineOut(**self.deadline.as_dict())}


def _milestones(session: Session, codes: Optional[List[str]]) -> Dict[int, Dict[str, datetime]]:
    """Per application id, the first time it reached each milestone status (one grouped query)."""
    query = (select(ApplicationEvent.application_id, ApplicationEvent.status, func.min(ApplicationEvent.at))
             .where(ApplicationEvent.status.in_(MILESTONES))
             .group_by(ApplicationEvent.application_id, ApplicationEvent.status))
    if codes is not None:
        query = query.join(Application).where(Application.service_code.in_(codes))
    reached: Dict[int, Dict[str, datetime]] = defaultdict(dict)
    for application_id, status, at in session.execute(query):
        reached[application_id][status] = at
    return reached


def application_report(session: Session, ctx: ApiContext, departments: Optional[Sequence[str]]) -> ApplicationReport:
    """Over every application, or those of services of `departments` (English names, as in the catalogue)."""
    codes = ctx.ref.catalogue.codes_in_departments(departments) if departments else None
    query = select(Application)
    if codes is not None:
        query = query.where(Application.service_code.in_(codes))
    reached = _milestones(session, codes)
    totals, by_service = _Figures(), defaultdict(_Figures)
    for application in session.execute(query).scalars():
        for figures in (totals, by_service[application.service_code]):
            figures.add(ctx, application, reached.get(application.id, {}))
    services = []
    for code, figures in sorted(by_service.items(), key=lambda item: (-sum(item[1].statuses.values()), item[0])):
        service = ctx.ref.catalogue.get(code)
        services.append(ServiceReport(service=service_name(ctx, code), department=service and service.department,
                                      time_limit_days=service and service.time_limit_days, **figures.out()))
    return ApplicationReport(generated_at=ctx.clock(),
                             departments=list(departments) if departments else None,
                             totals=ReportFigures(**totals.out()), services=services)
