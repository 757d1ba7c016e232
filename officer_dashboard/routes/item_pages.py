"""Shared by applications and complaints: an item's page, running an officer's form, assigning."""
from __future__ import annotations

from typing import Callable

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..backends import BackendError
from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..texts import message, texts
from ..users import User
from ..web import flash, head_or_admin, render
from ..workflow import ActionRefused, Result

router = APIRouter()


def detail_page(request: Request, dashboard: Dashboard, user: User, kind: str, item_id: str, **context) -> Response:
    """The item as the backend shows it (in `context`), with the dashboard's log and assignment of it."""
    return render(request, f"{kind}.html", kind=kind, item_id=item_id,
                  audit=dashboard.audit.entries(kind=kind, item_id=item_id),
                  assigned=dashboard.assignments.one(kind, item_id),
                  officers=dashboard.directory.assignable_by(user), **context)


def respond(request: Request, back_to: str, act: Callable[[], str]) -> RedirectResponse:
    """Runs `act`, which returns what to tell the officer; refusals are told too."""
    try:
        flash(request, act())
    except BackendError as error:
        flash(request, message("failed" if error.status else "unreachable", detail=error.detail))
    except ActionRefused as refused:
        flash(request, str(refused))
    return RedirectResponse(back_to, status_code=303)


def describe(label_group: str, action: str, result: Result) -> str:
    if result.status is None:
        return message("noted")
    done = message("done", action=texts()[label_group].get(action, action), status=result.status)
    return done if result.notified else f"{done} {message('not_notified')}"


@router.post("/assign/{kind}/{item_id}", dependencies=[Depends(require_csrf)])
def assign(request: Request, kind: str, item_id: str, assignee: str = Form(...), user: User = Depends(head_or_admin),
           dashboard: Dashboard = Depends(get_dashboard)) -> RedirectResponse:
    def act() -> str:
        officer = dashboard.directory.users.get(assignee)
        if officer is None or kind not in ("application", "complaint"):
            raise ActionRefused(message("cannot_assign", name=assignee))
        dashboard.workflow.assign(user, kind, item_id, officer)
        return message("assigned", name=officer.name)

    return respond(request, f"/{kind}s/{item_id}", act)
