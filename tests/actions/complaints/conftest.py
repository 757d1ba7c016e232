"""The real 311 API on loopback (fresh SQLite file) and the settings the
complaint actions read, pointed at it and at temporary folders."""
from __future__ import annotations

import itertools
from typing import Dict, Iterator, Tuple

import pytest
import requests

from actions.complaints.backend import open311
from tests.servers import free_port, running

CLIENT_KEY = "complaint-test-key"
OPERATOR_KEY = "complaint-test-operator-key"
# Inside the Rajwada ward polygon; each test gets its own spot, 90 m apart
# from the others (duplicates are looked for within 50 m).
_SPOTS = itertools.count()


@pytest.fixture(scope="session")
def open311_server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("open311")
    port = free_port()
    env = {
        "OPEN311_PORT": str(port),
        "OPEN311_DB_URL": f"sqlite:///{folder / 'open311.db'}",
        "OPEN311_API_KEYS": CLIENT_KEY,
        "OPEN311_BOT_API_KEYS": CLIENT_KEY,  # the action server acts for citizens with it
        "OPEN311_OPERATOR_API_KEY": OPERATOR_KEY,
    }
    url = f"http://127.0.0.1:{port}"
    with running(["open311_api"], env, f"{url}/health", folder / "server.log"):
        yield url


@pytest.fixture
def settings_env(monkeypatch, tmp_path) -> Dict[str, str]:
    """Environment of the action server and the worker for one test (no 311 API yet)."""
    values = {
        "OPEN311_API_KEY": CLIENT_KEY,
        "ACTIONS_DB_URL": f"sqlite:///{tmp_path / 'actions.db'}",
        "FILE_STORE_DIR": str(tmp_path / "files"),
        "COMPLAINT_PHOTO_DIR": str(tmp_path / "photos"),
        "COMPLAINT_PHOTO_BASE_URL": "http://127.0.0.1:8004/complaint-photos",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("OPEN311_EXTRAS_URL", raising=False)
    open311.cache_clear()
    yield values
    open311.cache_clear()


@pytest.fixture
def api(open311_server, settings_env, monkeypatch) -> str:
    """The actions talk to the real 311 API; returns its base URL."""
    monkeypatch.setenv("OPEN311_API_URL", f"{open311_server}/open311/v2")
    return open311_server


@pytest.fixture
def spot() -> Tuple[float, float]:
    n = next(_SPOTS)
    return round(22.7150 + (n // 10) * 0.0008, 6), round(75.8505 + (n % 10) * 0.0008, 6)


@pytest.fixture
def operator(open311_server):
    """What officers do in the 311 system, through its operator API."""
    class Operator:
        def resolve(self, complaint_id: str) -> None:
            response = requests.post(f"{open311_server}/api/v1/requests/{complaint_id}/resolve",
                                     json={"note": None}, headers={"X-API-Key": OPERATOR_KEY}, timeout=5)
            assert response.ok, response.text

        def complaint(self, complaint_id: str, locale: str = "en") -> dict:
            response = requests.get(f"{open311_server}/api/v1/requests/{complaint_id}",
                                    params={"locale": locale}, headers={"X-API-Key": OPERATOR_KEY}, timeout=5)
            assert response.ok, response.text
            return response.json()

        def count(self) -> int:
            response = requests.get(f"{open311_server}/api/v1/requests", params={"limit": 1000},
                                    headers={"X-API-Key": OPERATOR_KEY}, timeout=5)
            return len(response.json())

    return Operator()
