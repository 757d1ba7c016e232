"""Schema migrations (Alembic, in ./migrations), applied at start-up."""
from __future__ import annotations

from pathlib import Path

from common.migrations import Migrations

# Own version table: the database may also hold other services' migrations.
MIGRATIONS = Migrations(Path(__file__).resolve().parent / "migrations", "open311_alembic_version")
