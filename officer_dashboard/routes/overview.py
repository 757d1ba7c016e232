"""Home page with the SLA counts and today per department, the audit log, and sending kept notifications again."""
from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ..audit import AuditFilter
from ..context import Dashboard, get_dashboard
from ..escalation import SLA_USER
from ..security import require_csrf
from ..texts import message
from ..times import INDIA, parsed_day
from ..users import User
from ..web import admin, current_user, flash, head_or_admin, render

router = APIRouter()


@router.get("/")
def home(request: Request, user: User = Depends(current_user),
         dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    complaint_rows = dashboard.items.complaint_day(user)
    counts = {"open": sum(row["open"] for row in complaint_rows), "overdue": sum(row["overdue"] for row in complaint_rows),
              "applications_overdue": dashboard.items.applications(user, overdue=True).total}
    today = datetime.now(INDIA).date()
    return render(request, "home.html", counts=counts, pending=dashboard.notifier.pending_count(), today=today,
                  complaint_rows=complaint_rows, application_rows=dashboard.items.application_day(user))


@router.get("/audit")
def audit_log(request: Request, username: str = "", action: str = "", item_id: str = "", day: str = "",
              user: User = Depends(head_or_admin), dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    """A department head: everything on their department's items and by its officers; an admin: all."""
    wanted = AuditFilter(username.strip() or None, action or None, item_id.strip() or None, parsed_day(day))
    department = None if user.is_admin else user.department
    return render(request, "audit.html", audit=dashboard.audit.entries(department=department, wanted=wanted),
                  wanted=wanted, actions=dashboard.audit.actions(),
                  usernames=sorted(dashboard.directory.users) + [SLA_USER.username])


@router.post("/notifications/retry", dependencies=[Depends(require_csrf)])
def retry_notifications(request: Request, user: User = Depends(admin),
                        dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    flash(request, message("retried", count=dashboard.notifier.retry()))
    return RedirectResponse("/", status_code=303)
