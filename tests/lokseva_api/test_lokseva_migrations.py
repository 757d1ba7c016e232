"""The schema comes from the migrations alone, on an empty SQLite file and an
empty PostgreSQL schema, and matches the models."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from common.db import make_engine
from lokseva_api.migrate import VERSION_TABLE, downgrade, upgrade
from lokseva_api.models import Base

TABLES = {table.name for table in Base.metadata.sorted_tables}


def test_migrations_build_the_schema_of_the_models_from_an_empty_database(db_url):
    engine = make_engine(db_url)
    try:
        assert inspect(engine).get_table_names() == []
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) == TABLES | {VERSION_TABLE}
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == "0002"

        upgrade(engine)  # a restart finds the database up to date
        downgrade(engine)
        assert set(inspect(engine).get_table_names()) == {VERSION_TABLE}
        upgrade(engine)
        assert TABLES <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
