"""Shared by applications and complaints: an item's page, running an officer's form, assigning."""
from __future__ import annotations

from typing import Callable, Dict, List, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from common.backend_call import BackendError

from ..backends import for_officer
from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..texts import message, texts
from ..users import User
from ..web import flash, head_or_admin, render
from ..workflow import KINDS, ActionRefused, Item, Kind, Result

router = APIRouter()


def detail_page(request: Request, dashboard: Dashboard, user: User, kind: Kind, item: Item, actions: List[str],
                **context) -> Response:
    """The item as the backend shows it, the actions its status allows, with the dashboard's log and
    assignment of it."""
    item_id = kind.ident(item)
    return render(request, f"{kind.name}.html", kind=kind.name, item_id=item_id, actions=actions,
                  status_label=kind.status_label(kind.status(item)), labels=texts()[f"{kind.name}_actions"],
                  audit=dashboard.audit.entries(kind=kind.name, item_id=item_id),
                  assigned=dashboard.directory.name_of(dashboard.assignments.one(kind.name, item_id)),
                  officers=dashboard.directory.assignable_by(user), **{kind.name: item}, **context)


def list_query(filters: Dict[str, Optional[str]], **flags: bool) -> str:
    """The query string of a list's filters (the pager's links keep them); unset ones left out."""
    chosen = {key: value for key, value in filters.items() if value}
    return urlencode({**chosen, **{key: "true" for key, on in flags.items() if on}})


def respond(request: Request, back_to: str, act: Callable[[], str]) -> RedirectResponse:
    """Runs `act`, which returns what to tell the officer; refusals are told too, in plain words."""
    try:
        flash(request, act())
    except BackendError as error:
        flash(request, for_officer(error))
    except ActionRefused as refused:
        flash(request, str(refused))
    return RedirectResponse(back_to, status_code=303)


def describe(kind: Kind, action: str, result: Result) -> str:
    if result.status is None:
        return message("noted")
    done = message("done", action=kind.action_label(action), status=kind.status_label(result.status))
    return done if result.notified else f"{done} {message('not_notified')}"


@router.post("/assign/{kind}/{item_id}", dependencies=[Depends(require_csrf)])
def assign(request: Request, kind: str, item_id: str, assignee: str = Form(...), user: User = Depends(head_or_admin),
           dashboard: Dashboard = Depends(get_dashboard)) -> RedirectResponse:
    def act() -> str:
        officer = dashboard.directory.users.get(assignee)
        if officer is None or kind not in KINDS:
            raise ActionRefused(message("cannot_assign", name=assignee))
        dashboard.workflow.assign(user, kind, item_id, officer)
        return message("assigned", name=officer.name)

    return respond(request, f"/{kind}s/{item_id}", act)
