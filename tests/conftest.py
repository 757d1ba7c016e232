"""Shared fixtures: the real PostgreSQL and Redis servers of the machine.

Production-configuration tests use them for real. Where a server is not
running they are skipped on a developer machine but fail in CI (CI=true),
so they can never silently stop running there.
"""
from __future__ import annotations

import os
import socket
import uuid
from typing import Iterator
from urllib.parse import quote, urlparse

import pytest
from sqlalchemy import create_engine, text

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RABBITMQ_URL = os.environ.get("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/")


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port), timeout=2):
            return True
    except OSError:
        return False


def require_server(url: str) -> str:
    if not _reachable(url):
        message = f"server for {urlparse(url).scheme} at {urlparse(url).netloc} is not reachable"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def postgres_url() -> str:
    return require_server(POSTGRES_URL)


@pytest.fixture
def private_postgres_url(postgres_url) -> Iterator[str]:
    """A schema of its own on the shared server, dropped afterwards: rows one test leaves (an inbound
    message still pending, say) never reach another test's workers."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def rabbitmq_url() -> str:
    return require_server(RABBITMQ_URL)


@pytest.fixture
def redis_url() -> str:
    return require_server(REDIS_URL)


# Tests that need the trained model, whole running systems or a browser: left out of `make test-fast`.
SLOW_PATHS = ("tests/e2e/", "tests/conversations/", "tests/evaluation/test_model_quality.py",
              "tests/officer_dashboard/test_dashboard_browser.py", "tests/emulator/test_emulator_chat_page.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    for item in items:
        path = item.nodeid.replace("\\", "/")
        if path.startswith(SLOW_PATHS):
            item.add_marker(pytest.mark.slow)
