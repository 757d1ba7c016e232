"""Fixtures of the Lok Seva API tests: a real database per test (SQLite file,
or a private schema on the shared PostgreSQL server), the app over HTTP, a
clock the test controls."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Iterator

import pytest
from fastapi.testclient import TestClient
from lokseva_helpers import CLIENT, FakeClock, make_settings, postgres_schema_url
from sqlalchemy import create_engine, text

from common.clock import INDIA
from lokseva_api.app import create_app
from lokseva_api.reference import ReferenceData, load_reference_data
from lokseva_api.settings import Settings


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'lokseva.db'}"


@pytest.fixture
def postgres_schema_db(postgres_url) -> Iterator[str]:
    """A private schema on the shared server, dropped afterwards: other suites use the same database."""
    base = postgres_url
    schema = f"lokseva_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield postgres_schema_url(base, schema)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_schema_db"
    return request.getfixturevalue(fixture)


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    """The Jhabua profile, read once for the whole run."""
    return load_reference_data(Settings.from_env({}))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 11, 30, tzinfo=INDIA))


def _client(settings: Settings, reference: ReferenceData, clock: FakeClock) -> Iterator[TestClient]:
    app = create_app(settings, reference)
    app.state.ctx.clock = clock
    with TestClient(app, raise_server_exceptions=False, headers=CLIENT) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture
def client(tmp_path, db_url, reference, clock) -> Iterator[TestClient]:
    """The API on SQLite and on PostgreSQL."""
    yield from _client(make_settings(tmp_path, db_url), reference, clock)


@pytest.fixture
def sqlite_client(tmp_path, sqlite_url, reference, clock) -> Iterator[TestClient]:
    """The API on SQLite only, for tests about something other than storage."""
    yield from _client(make_settings(tmp_path, sqlite_url), reference, clock)
