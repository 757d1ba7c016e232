"""Schema migrations with Alembic, the same way for every package that owns tables.

Each package keeps its migrations in its own `migrations/` folder (env.py,
script.py.mako, versions/) and its own version table, since several
packages may share one database:

    MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "lokseva_alembic_version")
    MIGRATIONS.upgrade(engine)                       # at start-up
    MIGRATIONS.run(context, Base.metadata)           # the whole of its env.py

A new migration is a file in versions/ (script.py.mako is its template).
Tables made by `create_all` before a package had migrations are adopted:
when `adopts` names one of them and the version table is missing, the
database is stamped at the first revision, then upgraded, its rows kept.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

logger = logging.getLogger(__name__)
FIRST_REVISION = "0001"


@dataclass(frozen=True)
class Migrations:
    directory: Path
    version_table: str
    adopts: Optional[str] = None  # a table that existed before the migrations did

    def _config(self, connection: Any) -> Config:
        config = Config()
        config.set_main_option("script_location", str(self.directory))
        config.attributes["connection"] = connection
        return config

    def upgrade(self, engine: Engine, revision: str = "head") -> None:
        try:
            self._upgrade(engine, revision)
        except (OperationalError, ProgrammingError, IntegrityError):
            # another worker of the same package was migrating at the same moment; the second try finds it done
            logger.info("%s: migrated concurrently by another process; checking again", self.version_table)
            self._upgrade(engine, revision)

    def _upgrade(self, engine: Engine, revision: str) -> None:
        tables = inspect(engine).get_table_names()
        if self.adopts in tables and self.version_table not in tables:
            self.stamp(engine, FIRST_REVISION)
        with engine.begin() as connection:
            command.upgrade(self._config(connection), revision)

    def downgrade(self, engine: Engine, revision: str = "base") -> None:
        with engine.begin() as connection:
            command.downgrade(self._config(connection), revision)

    def stamp(self, engine: Engine, revision: str) -> None:
        """Records that the database already has this revision's schema (made before migrations existed)."""
        with engine.begin() as connection:
            command.stamp(self._config(connection), revision)

    def run(self, context: Any, metadata: MetaData) -> None:
        """The body of env.py: migrations run on the connection `upgrade` or `downgrade` hands over."""
        connection = context.config.attributes.get("connection")
        if connection is None:
            raise SystemExit(f"run the migrations in {self.directory} through common.migrations.Migrations")
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table=self.version_table,
            # SQLite cannot ALTER most things in place; batch mode rebuilds the table.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
