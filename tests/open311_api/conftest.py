"""The 311 API on real databases: a SQLite file, and PostgreSQL in a schema of its own.

Each database is migrated once per test session; every test starts from
empty tables. The PostgreSQL schema is dropped at the end, so other suites
using the same database see nothing of it.
"""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from common.db import make_engine
from open311_api.app import create_app
from open311_api.config import Settings
from open311_api.migrate import MIGRATIONS
from open311_api.models import Base
from tests.conftest import POSTGRES_URL, require_server
from tests.open311_api.open311_test_data import BOT_KEY, CLIENT_KEY, OPERATOR_KEY, VIJAY_NAGAR


@contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A URL whose connections see only a new, empty schema, dropped afterwards."""
    schema = f"open311_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, future=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in base_url else "?"
        # No waiting for the disk at each commit: keeps the suite fast on a busy machine.
        yield f"{base_url}{separator}options={quote(f'-csearch_path={schema} -csynchronous_commit=off')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _migrated(url: str) -> str:
    engine = make_engine(url)
    MIGRATIONS.upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def fresh_postgres_url(postgres_url) -> Iterator[str]:
    with postgres_schema(postgres_url) as url:
        yield url


@pytest.fixture(scope="session")
def _sqlite_database(tmp_path_factory) -> str:
    return _migrated(f"sqlite:///{tmp_path_factory.mktemp('open311') / 'open311.db'}")


@pytest.fixture(scope="session")
def _postgresql_database() -> Iterator[str]:
    with postgres_schema(require_server(POSTGRES_URL)) as url:
        yield _migrated(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """Each test runs on both databases, starting from empty tables."""
    url = request.getfixturevalue(f"_{request.param}_database")
    with _app_for(url).state.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return url


@lru_cache(maxsize=None)
def _app_for(db_url: str) -> FastAPI:
    """One application per database for the whole session: it keeps no state but the database."""
    return create_app(Settings(db_url=db_url, api_keys=frozenset({CLIENT_KEY}), bot_api_keys=frozenset({BOT_KEY}),
                               operator_api_key=OPERATOR_KEY))


@pytest.fixture
def client(db_url) -> TestClient:
    return TestClient(_app_for(db_url))


@pytest.fixture
def file_complaint(client) -> Callable[..., dict]:
    """file_complaint(service_code="garbage", at=VIJAY_NAGAR, **fields) -> the POST answer."""

    def _file(service_code: str = "garbage", at=VIJAY_NAGAR, **fields) -> dict:
        data = {"api_key": CLIENT_KEY, "service_code": service_code, "phone": "9827012345", **fields}
        if at is not None:
            data["lat"], data["long"] = at
        response = client.post("/open311/v2/requests.json", data=data)
        assert response.status_code == 200, response.text
        return response.json()[0]

    return _file
