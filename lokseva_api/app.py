"""The FastAPI application: reference data loaded and the database migrated
before the first request."""
from __future__ import annotations

import logging
from typing import Optional

from fastapi import FastAPI

from common.body_limit import BodyLimit
from common.db import make_engine, make_sessionmaker
from common.exposure import unsafe_secrets

from .clock import system_clock
from .context import ApiContext
from .errors import error_responses, install_error_handlers
from .file_store import FileStore
from .migrate import MIGRATIONS
from .pdf.fonts import FontsMissing, find_fonts
from .reference import ReferenceData, load_reference_data
from .routers import applications, certificates, delivery, documents, land_records, meta, officer, reports, services
from .settings import Settings

log = logging.getLogger(__name__)


def _warn_about_setup(settings: Settings) -> None:
    for name in unsafe_secrets(settings.secrets()):
        log.warning("%s is not set: the local development value is in use", name)
    try:
        find_fonts(settings.font_dir)
    except FontsMissing as missing:
        log.warning("certificates cannot be printed: %s", missing)


FORM_OVERHEAD_BYTES = 64 * 1024


def create_app(settings: Optional[Settings] = None, reference: Optional[ReferenceData] = None) -> FastAPI:
    """`reference` defaults to the data files named by `settings`."""
    settings = settings or Settings.from_env()
    reference = reference or load_reference_data(settings)
    engine = make_engine(settings.db_url)
    MIGRATIONS.upgrade(engine)
    _warn_about_setup(settings)

    app = FastAPI(
        title="Lok Seva API",
        version="1.0",
        description=f"Reference Lok Seva backend of District {reference.district.name.en}: services under the "
        "MP Lok Seva Guarantee Act 2010, applications, certificates, certified copies, doorstep delivery.",
        # Every error, a 422 included, has the shape of ErrorResponse; a body that cannot be
        # read is a 400, one too large a 413.
        responses=error_responses(400, 413, 422),
    )
    app.state.engine = engine
    app.state.ctx = ApiContext(
        settings=settings,
        ref=reference,
        sessions=make_sessionmaker(engine),
        store=FileStore(settings.file_store_dir),
        clock=system_clock,
    )
    # an upload and its form fields; everything else is far smaller
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes + FORM_OVERHEAD_BYTES)
    install_error_handlers(app)
    for module in (meta, services, applications, officer, delivery, documents, certificates, land_records, reports):
        app.include_router(module.router)
    return app
