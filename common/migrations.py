"""Schema migrations with Alembic, the same way for every package that owns tables.

Each package keeps its migrations in its own `migrations/` folder (env.py,
script.py.mako, versions/) and its own version table, since several
packages may share one database:

    MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "lokseva_alembic_version")
    MIGRATIONS.upgrade(engine)                       # at start-up
    MIGRATIONS.run(context, Base.metadata)           # the whole of its env.py

A new migration is a file in versions/ (script.py.mako is its template).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class Migrations:
    directory: Path
    version_table: str

    def _config(self, connection: Any) -> Config:
        config = Config()
        config.set_main_option("script_location", str(self.directory))
        config.attributes["connection"] = connection
        return config

    def upgrade(self, engine: Engine, revision: str = "head") -> None:
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
