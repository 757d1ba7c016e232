"""Rendering pages, flash messages and the logged-in officer."""
from __future__ import annotations

from typing import Any, List, Optional
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from jan_seva.complaint_photos import PhotoSettings

from .context import Dashboard
from .masking import masked_phone
from .security import csrf_token
from .settings import PACKAGE_DIR
from .texts import localized, texts
from .times import shown_day, shown_time
from .users import User

templates = Jinja2Templates(directory=str(PACKAGE_DIR / "templates"))
templates.env.globals["masked_phone"] = masked_phone  # citizens' numbers never appear in full
templates.env.filters.update(time=shown_time, day=shown_day, localized=localized)
SESSION_TOKEN_KEY = "session_token"  # in the signed cookie; the session itself is in the database


class LoginRequired(Exception):
    """Answered with a redirect to the login page."""


class Forbidden(Exception):
    """The officer's role does not allow this page."""


def our_photo(url: str) -> bool:
    """A photo the city's photo server serves: shown in the page. Any other address (an Open311 client may
    send one) is only linked, so an officer's browser never loads it by itself."""
    return str(url or "").startswith(PhotoSettings.from_env().base_url + "/")


def photo_origin() -> str:
    """scheme://host[:port] of the photo server, for the pages' Content-Security-Policy."""
    parts = urlsplit(PhotoSettings.from_env().base_url)
    return f"{parts.scheme}://{parts.netloc}"


templates.env.globals["our_photo"] = our_photo


def flash(request: Request, text: str) -> None:
    request.session.setdefault("flash", []).append(text)


def _take_flashes(request: Request) -> List[str]:
    return request.session.pop("flash", [])


def logged_in(request: Request) -> Optional[User]:
    """The officer of the request's session, if it is still open (looked up once per request)."""
    if not hasattr(request.state, "user"):
        dashboard: Dashboard = request.app.state.dashboard
        username = dashboard.session_store.username_of(request.session.get(SESSION_TOKEN_KEY))
        request.state.user = dashboard.directory.users.get(username or "")
    return request.state.user


def current_user(request: Request) -> User:
    user = logged_in(request)
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
    return templates.TemplateResponse(
        request,
        template,
        {"user": logged_in(request), "csrf_token": csrf_token(request), "flashes": _take_flashes(request),
         "texts": texts(), **context},
        status_code=status_code,
    )
