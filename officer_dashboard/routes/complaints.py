"""311 complaints of the officer's department(s): list, detail, actions."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from jan_seva.complaint_photos import MAX_UPLOAD_BYTES, NotAPhoto, publish_upload

from ..complaint_filters import complaint_choices
from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..texts import message
from ..users import User
from ..web import current_user, render
from ..workflow import COMPLAINT, ActionRefused
from .item_pages import describe, detail_page, list_query, respond

router = APIRouter(prefix="/complaints")


@router.get("")
def complaint_list(request: Request, status: Optional[str] = None, ward: Optional[str] = None,
                   service_code: Optional[str] = None, department: Optional[str] = None, overdue: bool = False,
                   mine: bool = False, page: int = Query(1, ge=1), user: User = Depends(current_user),
                   dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    filters = {"status": status, "ward": ward, "service_code": service_code, "department": department}
    only = dashboard.assignments.assigned_to("complaint", user.username) if mine else None
    listing = dashboard.items.complaints(user, overdue=overdue, only=only, page=page, **filters)
    assigned = dashboard.assignments.of("complaint", [item["service_request_id"] for item in listing.items])
    return render(request, "complaints.html", listing=listing, filters=filters, overdue=overdue,
                  mine=mine, assigned={key: dashboard.directory.name_of(name) for key, name in assigned.items()},
                  choices=complaint_choices(dashboard.items.open311, user),
                  query=list_query(filters, overdue=overdue, mine=mine))


@router.get("/{request_id}")
def complaint_detail(request: Request, request_id: str, user: User = Depends(current_user),
                     dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    complaint = dashboard.items.complaint(user, request_id)
    return detail_page(request, dashboard, user, COMPLAINT, complaint, dashboard.workflow.complaint_actions(complaint))


def _after_photo_url(upload: Optional[UploadFile]) -> Optional[str]:
    """The published after-photo of a resolution, if one was sent."""
    data = upload.file.read(MAX_UPLOAD_BYTES + 1) if upload is not None else b""
    if not data:
        return None
    try:
        return publish_upload(data)
    except NotAPhoto:
        raise ActionRefused(message("not_a_photo")) from None


@router.post("/{request_id}/actions", dependencies=[Depends(require_csrf)])
def complaint_action(request: Request, request_id: str, action: str = Form(...), note: str = Form(""),
                     after_photo: Optional[UploadFile] = File(None), user: User = Depends(current_user),
                     dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    def act() -> str:
        result = dashboard.workflow.on_complaint(user, request_id, action, note.strip() or None,
                                                 lambda: _after_photo_url(after_photo))
        return describe(COMPLAINT, action, result)

    return respond(request, f"/complaints/{request_id}", act)
