"""Lok Seva applications of the officer's department(s): list, find, detail, files, actions."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from ..application_view import answer_rows, printed_code
from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..users import User
from ..web import current_user, render
from ..workflow import APPLICATION
from .item_pages import describe, detail_page, list_query, respond

router = APIRouter(prefix="/applications")


def _departments(dashboard: Dashboard, user: User) -> list:
    """The Lok Seva departments the officer may filter by."""
    if user.is_admin:
        return sorted({name for department in dashboard.directory.departments.values() for name in department.lokseva})
    return sorted(user.department.lokseva) if user.department else []


@router.get("")
def application_list(request: Request, application_id: Optional[str] = None, mobile: Optional[str] = None,
                     status: Optional[str] = None, service: Optional[str] = None, department: Optional[str] = None,
                     overdue: bool = False, page: int = Query(1, ge=1), user: User = Depends(current_user),
                     dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    if application_id:
        return RedirectResponse(f"/applications/{application_id.strip()}", status_code=303)
    filters = {"status": status, "service": service, "department": department}
    if mobile:
        found = dashboard.items.citizen_applications(user, mobile, status, service, overdue)
        listing = None
    else:
        listing = dashboard.items.applications(user, overdue=overdue, page=page, **filters)
        found = listing.items
    return render(request, "applications.html", applications=found, listing=listing,
                  filters={**filters, "mobile": mobile}, overdue=overdue, departments=_departments(dashboard, user),
                  query=list_query(filters, overdue=overdue))


@router.get("/{application_id}")
def application_detail(request: Request, application_id: str, user: User = Depends(current_user),
                       dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    application = dashboard.items.application(user, application_id)
    certificate = application["certificate"]
    return detail_page(request, dashboard, user, APPLICATION, application,
                       dashboard.workflow.application_actions(application),
                       answers=answer_rows(dashboard.items.lokseva.service(application["service"]["code"]),
                                           application["answers"]),
                       verification_code=printed_code(certificate["verification_code"]) if certificate else None)


def _file(user: User, dashboard: Dashboard, application_id: str, document_id: Optional[str]) -> Response:
    """The officer's browser has no API key: the dashboard fetches the file for it."""
    content, media_type, filename = dashboard.items.application_file(user, application_id, document_id)
    return Response(content, media_type=media_type, headers={"Content-Disposition": f'inline; filename="{filename}"'})


@router.get("/{application_id}/documents/{document_id}")
def application_document(application_id: str, document_id: str, user: User = Depends(current_user),
                         dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    return _file(user, dashboard, application_id, document_id)


@router.get("/{application_id}/certificate")
def application_certificate(application_id: str, user: User = Depends(current_user),
                            dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    return _file(user, dashboard, application_id, None)


@router.post("/{application_id}/actions", dependencies=[Depends(require_csrf)])
def application_action(request: Request, application_id: str, action: str = Form(...), note: str = Form(""),
                       user: User = Depends(current_user), dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    def act() -> str:
        result = dashboard.workflow.on_application(user, application_id, action, note.strip() or None)
        return describe(APPLICATION, action, result)

    return respond(request, f"/applications/{application_id}", act)
