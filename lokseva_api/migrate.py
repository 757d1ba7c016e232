"""Schema migrations (Alembic, in ./migrations), applied at start-up.

A new migration: add a file to migrations/versions/ (script.py.mako is its
template); tests/lokseva_api/test_migrations.py checks that the migrated
schema matches models.py.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Own version table: other backends may keep Alembic's default one in the same database.
VERSION_TABLE = "lokseva_alembic_version"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)
