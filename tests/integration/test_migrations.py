"""Every package's schema comes from its migrations alone, on an empty SQLite file and an empty PostgreSQL
schema, and matches its models; tables made before a package had migrations are taken over."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect, select, text

from actions.submissions import outbox
from common.clock import utc_now_naive
from common.db import make_engine
from common.migrations import Migrations
from jan_seva.whatsapp import state_db
from lokseva_api import migrate as lokseva_migrate
from lokseva_api.models import Base as LoksevaBase
from officer_dashboard import db as dashboard_db
from open311_api import migrate as open311_migrate
from open311_api.models import Base as Open311Base

PACKAGES = {
    "actions outbox": (outbox.MIGRATIONS, outbox.metadata),
    "dashboard": (dashboard_db.MIGRATIONS, dashboard_db.Base.metadata),
    "lokseva": (lokseva_migrate.MIGRATIONS, LoksevaBase.metadata),
    "open311": (open311_migrate.MIGRATIONS, Open311Base.metadata),
    "whatsapp": (state_db.MIGRATIONS, state_db.metadata),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return request.getfixturevalue("private_postgres_url")


def differences(engine, migrations: Migrations, metadata: MetaData) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection, opts={
            "version_table": migrations.version_table}), metadata)


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_migrations_build_the_models_schema_from_an_empty_database(empty_db_url, package):
    migrations, metadata = PACKAGES[package]
    tables = {table.name for table in metadata.sorted_tables}
    engine = make_engine(empty_db_url)
    try:
        assert inspect(engine).get_table_names() == []
        migrations.upgrade(engine)
        assert set(inspect(engine).get_table_names()) == tables | {migrations.version_table}
        assert differences(engine, migrations, metadata) == []
        migrations.upgrade(engine)  # a restart finds the database up to date
        migrations.downgrade(engine)
        assert set(inspect(engine).get_table_names()) == {migrations.version_table}
    finally:
        engine.dispose()


def test_whatsapp_state_made_before_migrations_is_taken_over(empty_db_url):
    old = make_engine(empty_db_url)
    state_db.MIGRATIONS.upgrade(old, "0001")  # the tables as create_all made them, before migrations
    with old.begin() as connection:
        connection.execute(text(f"DROP TABLE {state_db.MIGRATIONS.version_table}"))
        connection.execute(text("INSERT INTO whatsapp_inbound_messages (message_id, state, attempts, received_at) "
                                "VALUES ('wamid.OLD', 'done', 1, CURRENT_TIMESTAMP)"))
    old.dispose()
    engine = state_db.state_engine(empty_db_url)
    try:
        assert differences(engine, state_db.MIGRATIONS, state_db.metadata) == []
        with engine.connect() as connection:
            kept = connection.execute(select(state_db.inbound_messages.c.message_id,
                                             state_db.inbound_messages.c.kind)).all()
        assert [tuple(row) for row in kept] == [("wamid.OLD", "message")]
    finally:
        engine.dispose()


def test_a_dashboard_made_before_migrations_is_taken_over(empty_db_url):
    old = make_engine(empty_db_url)
    dashboard_db.Base.metadata.create_all(old)  # how the dashboard made its tables before migrations
    with old.begin() as connection:
        connection.execute(dashboard_db.AuditEntry.__table__.insert().values(
            at=utc_now_naive(), username="officer1", kind="complaint", item_id="C-1", action="resolve", outcome="ok"))
    old.dispose()
    sessions = dashboard_db.open_dashboard_db(empty_db_url)
    engine = sessions.kw["bind"]
    try:
        assert differences(engine, dashboard_db.MIGRATIONS, dashboard_db.Base.metadata) == []
        with sessions() as session:
            assert [entry.item_id for entry in session.query(dashboard_db.AuditEntry)] == ["C-1"]
    finally:
        engine.dispose()
