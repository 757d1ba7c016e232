"""The dashboard application: sessions, error pages, routes."""
from __future__ import annotations

from typing import Awaitable, Callable, Optional

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.middleware.sessions import SessionMiddleware

from common.backend_call import BackendError

from .backends import for_officer
from .context import Dashboard
from .inbox import Inbox
from .items import NotVisible
from .routes import analytics, applications, complaints, handoff_api, inbox, item_pages, login, overview
from .sessions import LIFETIME
from .settings import Settings
from .web import Forbidden, LoginRequired, photo_origin, render


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(title="Jan Seva Sahayak officers' dashboard", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.dashboard = Dashboard.build(settings)
    app.state.inbox = Inbox.build(app.state.dashboard.audit, app.state.dashboard.rasa)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie="dashboard_session",
                       max_age=int(LIFETIME.total_seconds()), same_site="strict", https_only=settings.cookie_secure)
    for module in (login, overview, complaints, applications, item_pages, analytics, inbox, handoff_api):
        app.include_router(module.router)

    # a page never loads images from anywhere but the dashboard and the city's photo server
    image_policy = f"img-src 'self' {photo_origin()}"

    @app.middleware("http")
    async def images_only_from_us(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = image_policy
        return response

    @app.get("/health", include_in_schema=False)
    def health() -> dict:
        return {"status": "ok"}

    @app.exception_handler(LoginRequired)
    def to_login(request: Request, _: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(Forbidden)
    def forbidden(request: Request, _: Forbidden) -> Response:
        return render(request, "error.html", status_code=403, error="forbidden")

    @app.exception_handler(NotVisible)
    def not_visible(request: Request, _: NotVisible) -> Response:
        return render(request, "error.html", status_code=404, error="not_found")

    @app.exception_handler(BackendError)
    def backend_down(request: Request, error: BackendError) -> Response:
        return render(request, "error.html", status_code=502, error="backend", detail=for_officer(error))

    return app
