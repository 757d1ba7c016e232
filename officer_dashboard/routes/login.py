"""Logging in and out, each attempt in the audit log (with the masked address)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..context import Dashboard, get_dashboard
from ..masking import masked_address
from ..security import require_csrf
from ..texts import message
from ..web import SESSION_TOKEN_KEY, logged_in, render

router = APIRouter()


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.get("/login")
def login_page(request: Request) -> Response:
    return render(request, "login.html")


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(request: Request, username: str = Form(...), password: str = Form(...),
          dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    address = _address(request)

    def audit(outcome: str) -> None:
        dashboard.audit.record_login(username, dashboard.directory.users.get(username), "login", outcome,
                                     masked_address(address))

    if dashboard.limiter.blocked(username, address):
        audit("blocked")
        return render(request, "login.html", status_code=429, error=message("too_many"))
    user = dashboard.directory.authenticate(username, password)
    if user is None:
        dashboard.limiter.failed(username, address)
        audit("failed")
        return render(request, "login.html", status_code=401, error=message("bad_login"))
    dashboard.limiter.succeeded(username, address)
    audit("ok")
    request.session.clear()  # a new session on login: no fixation
    request.session[SESSION_TOKEN_KEY] = dashboard.session_store.start(user.username)
    return RedirectResponse("/", status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request, dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    user = logged_in(request)
    if user is not None:
        dashboard.audit.record_login(user.username, user, "logout", "ok", masked_address(_address(request)))
    dashboard.session_store.end(request.session.get(SESSION_TOKEN_KEY))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
