"""Rendering pages, flash messages and the logged-in officer."""
from __future__ import annotations

from typing import Any, List

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .context import Dashboard, get_dashboard
from .masking import masked_phone
from .security import csrf_token
from .settings import PACKAGE_DIR
from .texts import texts
from .users import User

templates = Jinja2Templates(directory=str(PACKAGE_DIR / "templates"))
templates.env.globals["masked_phone"] = masked_phone  # citizens' numbers never appear in full
USER_KEY = "username"


class LoginRequired(Exception):
    """Answered with a redirect to the login page."""


class Forbidden(Exception):
    """The officer's role does not allow this page."""


def flash(request: Request, text: str) -> None:
    request.session.setdefault("flash", []).append(text)


def _take_flashes(request: Request) -> List[str]:
    return request.session.pop("flash", [])


def current_user(request: Request, dashboard: Dashboard = Depends(get_dashboard)) -> User:
    user = dashboard.directory.users.get(request.session.get(USER_KEY, ""))
    if user is None:
        raise LoginRequired()
    return user


def head_or_admin(user: User = Depends(current_user)) -> User:
    if user.role not in ("department_head", "admin"):
        raise Forbidden()
    return user


def admin(user: User = Depends(current_user)) -> User:
    if not user.is_admin:
        raise Forbidden()
    return user


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    user = request.app.state.dashboard.directory.users.get(request.session.get(USER_KEY, ""))
    return templates.TemplateResponse(
        request,
        template,
        {"user": user, "csrf_token": csrf_token(request), "flashes": _take_flashes(request), "texts": texts(),
         **context},
        status_code=status_code,
    )
