"""Lok Seva applications of the officer's department(s): find, detail, actions."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..users import User
from ..web import current_user, render
from .item_pages import describe, detail_page, respond

router = APIRouter(prefix="/applications")


@router.get("")
def application_search(request: Request, application_id: Optional[str] = None, mobile: Optional[str] = None,
                       status: Optional[str] = None, service: Optional[str] = None, overdue: bool = False,
                       user: User = Depends(current_user), dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    if application_id:
        return RedirectResponse(f"/applications/{application_id.strip()}", status_code=303)
    found = dashboard.items.applications(user, mobile, status, service, overdue) if mobile else []
    filters = {"mobile": mobile, "status": status, "service": service}
    return render(request, "applications.html", applications=found, filters=filters, overdue=overdue)


@router.get("/{application_id}")
def application_detail(request: Request, application_id: str, user: User = Depends(current_user),
                       dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    application = dashboard.items.application(user, application_id)
    return detail_page(request, dashboard, user, "application", application["application_id"],
                       application=application)


@router.post("/{application_id}/actions", dependencies=[Depends(require_csrf)])
def application_action(request: Request, application_id: str, action: str = Form(...), note: str = Form(""),
                       user: User = Depends(current_user), dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    def act() -> str:
        result = dashboard.workflow.on_application(user, application_id, action, note.strip() or None)
        return describe("application_actions", action, result)

    return respond(request, f"/applications/{application_id}", act)
