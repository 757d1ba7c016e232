"""311 complaints of the officer's department(s): list, detail, actions."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..users import User
from ..web import current_user, render
from .item_pages import describe, detail_page, respond

router = APIRouter(prefix="/complaints")


@router.get("")
def complaint_list(request: Request, status: Optional[str] = None, ward: Optional[str] = None,
                   service_code: Optional[str] = None, department: Optional[str] = None, overdue: bool = False,
                   mine: bool = False, user: User = Depends(current_user),
                   dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    filters = {"status": status, "ward": ward, "service_code": service_code, "department": department}
    found = dashboard.items.complaints(user, overdue=overdue, **filters)
    assigned = dashboard.assignments.of("complaint", [item["service_request_id"] for item in found])
    if mine:
        found = [item for item in found if assigned.get(item["service_request_id"]) == user.username]
    return render(request, "complaints.html", complaints=found, filters=filters, overdue=overdue, mine=mine,
                  assigned=assigned)


@router.get("/{request_id}")
def complaint_detail(request: Request, request_id: str, user: User = Depends(current_user),
                     dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    complaint = dashboard.items.complaint(user, request_id)
    return detail_page(request, dashboard, user, "complaint", complaint["service_request_id"], complaint=complaint)


@router.post("/{request_id}/actions", dependencies=[Depends(require_csrf)])
def complaint_action(request: Request, request_id: str, action: str = Form(...), note: str = Form(""),
                     user: User = Depends(current_user), dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    def act() -> str:
        result = dashboard.workflow.on_complaint(user, request_id, action, note.strip() or None)
        return describe("complaint_actions", action, result)

    return respond(request, f"/complaints/{request_id}", act)
