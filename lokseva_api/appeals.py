"""An application whose due date passed undecided goes to the first appellate officer of its
service (MP Lok Seva Guarantee Act 2010), once; the step is kept in its dated history."""
from __future__ import annotations

import logging

from sqlalchemy import update
from sqlalchemy.orm import Session

from .applications import is_overdue, record, service_of
from .clock import to_db
from .context import ApiContext
from .errors import ApiError
from .models import Application

log = logging.getLogger(__name__)
ESCALATE = "escalate_to_appellate"


def escalate_to_appellate(session: Session, ctx: ApiContext, application: Application) -> Application:
    number = application.application_number
    if application.escalated_at is not None:
        raise ApiError(409, "already_escalated", application_id=number)
    if not is_overdue(application, ctx.today()):
        raise ApiError(409, "not_overdue", application_id=number, due_date=application.due_date.strftime("%d-%m-%Y"))
    appellate = service_of(ctx, application.service_code).first_appellate_officer
    now = ctx.clock()
    # Conditional update: of two passes at the same moment, only one sends it.
    claimed = session.execute(
        update(Application)
        .where(Application.id == application.id, Application.escalated_at.is_(None))
        .values(escalated_at=to_db(now))
        .execution_options(synchronize_session="fetch")
    ).rowcount
    if not claimed:
        session.rollback()
        raise ApiError(409, "already_escalated", application_id=number)
    record(application, ESCALATE, application.status, now, officer=appellate)
    session.commit()
    log.info("application %s sent to the first appellate officer (%s)", number, appellate)
    return application
