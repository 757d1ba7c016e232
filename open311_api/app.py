"""The application: settings, city profile, database and routes put together."""
from __future__ import annotations

from typing import Optional

from fastapi import FastAPI

from common.body_limit import BodyLimit
from common.db import make_engine, make_sessionmaker

from .config import Settings
from .errors import ERROR_RESPONSES, install_error_handlers
from .profile import load_profile
from .routers import open311, operator

MAX_BODY_BYTES = 256 * 1024


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    """Expects a migrated database (`python -m open311_api` migrates before serving)."""
    settings = settings or Settings.from_env()
    profile = load_profile(settings.profile_dir)
    engine = make_engine(settings.db_url)
    app = FastAPI(
        title="Jan Seva Sahayak 311 API",
        description="Municipal complaints: Open311 GeoReport v2 under /open311/v2/, operator API under /api/v1/.",
        version="1.0.0",
        responses=ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.profile = profile
    app.state.engine = engine
    app.state.sessions = make_sessionmaker(engine)
    app.add_event_handler("shutdown", engine.dispose)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)  # no uploads: photos come as media_url
    install_error_handlers(app)
    app.include_router(open311.router)
    app.include_router(operator.router)

    @app.get("/health", tags=["health"])
    def health() -> dict:
        return {"status": "ok"}

    return app
