"""Logging in and out."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..context import Dashboard, get_dashboard
from ..security import require_csrf
from ..texts import message
from ..web import USER_KEY, render

router = APIRouter()


@router.get("/login")
def login_page(request: Request) -> Response:
    return render(request, "login.html")


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(request: Request, username: str = Form(...), password: str = Form(...),
          dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    keys = (f"user:{username}", f"ip:{request.client.host if request.client else ''}")
    if dashboard.limiter.blocked(*keys):
        return render(request, "login.html", status_code=429, error=message("too_many"))
    user = dashboard.directory.authenticate(username, password)
    if user is None:
        dashboard.limiter.failed(*keys)
        return render(request, "login.html", status_code=401, error=message("bad_login"))
    dashboard.limiter.succeeded(keys[0])
    request.session.clear()  # a new session on login: no fixation
    request.session[USER_KEY] = user.username
    return RedirectResponse("/", status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
