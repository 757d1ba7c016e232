"""`python -m open311_api`: migrate the database, then serve on OPEN311_HOST:OPEN311_PORT."""
from __future__ import annotations

import logging.config

import uvicorn

from common.db import make_engine
from common.exposure import refuse_unsafe_start
from common.log_config import uvicorn_log_config

from .app import create_app
from .config import Settings
from .migrate import MIGRATIONS

LOGGERS = ("open311_api", "alembic")


def main() -> None:
    logging.config.dictConfig(uvicorn_log_config(LOGGERS))  # migrations log too
    settings = Settings.from_env()
    refuse_unsafe_start("open311_api", [settings.host], settings.secrets())
    engine = make_engine(settings.db_url)
    MIGRATIONS.upgrade(engine)
    engine.dispose()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=uvicorn_log_config(LOGGERS))


if __name__ == "__main__":
    main()
