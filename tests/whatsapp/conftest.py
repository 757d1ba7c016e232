"""Fixtures of the WhatsApp channel tests: Meta-shaped webhook payloads, a
Graph API stub on loopback, the channel in a real Sanic server, and state
databases (a SQLite file, and the real PostgreSQL where reachable)."""
from __future__ import annotations

import pytest
from graph_api_stub import ACCESS_TOKEN, PHONE_NUMBER_ID, GraphApiStub
from webhook_harness import RecordingAgent, WebhookServer
from whatsapp_test_data import APP_SECRET, FAST_RETRIES, VERIFY_TOKEN

from jan_seva.whatsapp.connector import WhatsAppInput
from jan_seva.whatsapp.settings import WhatsAppSettings
from jan_seva.whatsapp.state_db import state_engine


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["sqlite", "postgresql"])
def state_db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.db'}"
    return request.getfixturevalue("private_postgres_url")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'state.db'}"


@pytest.fixture
def state_engine_for():
    """SQLAlchemy engines on a state database, disposed after the test."""
    engines = []

    def build(url: str):
        engines.append(state_engine(url))
        return engines[-1]

    yield build
    for engine in engines:
        engine.dispose()


@pytest.fixture
async def graph(anyio_backend):
    stub = await GraphApiStub().start()
    yield stub
    await stub.stop()


@pytest.fixture
def settings_for(tmp_path):
    def build(graph: GraphApiStub, db_url: str) -> WhatsAppSettings:
        credentials = {"verify_token": VERIFY_TOKEN, "app_secret": APP_SECRET, "access_token": ACCESS_TOKEN,
                       "phone_number_id": PHONE_NUMBER_ID, "api_url": graph.url}
        environ = {"WHATSAPP_STATE_DB_URL": db_url, "FILE_STORE_DIR": str(tmp_path / "files")}
        return WhatsAppSettings.from_sources(credentials, environ)

    return build


@pytest.fixture
async def webhook_for(settings_for):
    """`await webhook_for(graph, db_url, reply=None)`: a running channel; stopped after the test."""
    servers = []

    async def build(graph: GraphApiStub, db_url: str, reply=None) -> WebhookServer:
        channel = WhatsAppInput(settings_for(graph, db_url), retry_policy=FAST_RETRIES)
        servers.append(await WebhookServer(channel, RecordingAgent(reply)).start())
        return servers[-1]

    yield build
    for server in servers:
        await server.stop()
