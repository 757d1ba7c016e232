"""Schema migrations (Alembic, in ./migrations), applied at start-up.

tests/lokseva_api/test_lokseva_migrations.py checks that the migrated schema matches models.py.
"""
from __future__ import annotations

from pathlib import Path

from common.migrations import Migrations

# Own version table: other backends may keep Alembic's default one in the same database.
MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "lokseva_alembic_version")
