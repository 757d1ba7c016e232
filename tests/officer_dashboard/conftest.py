"""The real Lok Seva and 311 APIs on free loopback ports, a recording stand-in for Rasa,
and the dashboard (TestClient) wired to them."""
from __future__ import annotations

from typing import Callable, Dict, Iterator, Optional

import pytest
import requests
from dashboard_helpers import CITIZEN_WA_ID, DEV_PASSWORD, OPEN311_CLIENT_KEY, csrf_of
from fastapi.testclient import TestClient

from officer_dashboard.app import create_app
from officer_dashboard.settings import Settings
from tests.lokseva_api.lokseva_helpers import CLIENT
from tests.servers import RecordingServer, free_port, running

VIJAY_NAGAR = (22.7533, 75.8937)


@pytest.fixture(scope="session")
def backends(tmp_path_factory) -> Iterator[Dict[str, str]]:
    tmp = tmp_path_factory.mktemp("backends")
    lokseva_port, open311_port = free_port(), free_port()
    lokseva_env = {"LOKSEVA_PORT": str(lokseva_port), "LOKSEVA_DB_URL": f"sqlite:///{tmp / 'lokseva.db'}",
                   "FILE_STORE_DIR": str(tmp / "files")}
    open311_env = {"OPEN311_PORT": str(open311_port), "OPEN311_DB_URL": f"sqlite:///{tmp / 'open311.db'}",
                   "OPEN311_API_KEYS": OPEN311_CLIENT_KEY, "OPEN311_BOT_API_KEYS": OPEN311_CLIENT_KEY}
    lokseva, open311 = f"http://127.0.0.1:{lokseva_port}", f"http://127.0.0.1:{open311_port}"
    with running(["lokseva_api"], lokseva_env, f"{lokseva}/api/v1/health", tmp / "lokseva.log"), \
            running(["open311_api"], open311_env, f"{open311}/health", tmp / "open311.log"):
        yield {"lokseva": lokseva, "open311": open311}


@pytest.fixture
def rasa() -> Iterator[RecordingServer]:
    server = RecordingServer()
    yield server
    server.close()


@pytest.fixture
def dashboard_env(backends, rasa, tmp_path) -> Dict[str, str]:
    """The dashboard's environment: the real backends, the Rasa stand-in, its own database."""
    return {
        "LOKSEVA_API_URL": backends["lokseva"],
        "OPEN311_OPERATOR_URL": f"{backends['open311']}/api/v1",
        "OPEN311_API_URL": f"{backends['open311']}/open311/v2",
        "RASA_URL": rasa.url,
        "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'dashboard.db'}",
        "DASHBOARD_LOGIN_ATTEMPTS": "3",
    }


@pytest.fixture
def settings(dashboard_env) -> Settings:
    return Settings.from_env(dashboard_env)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def login(app) -> Callable[[str], TestClient]:
    """login(username) -> a TestClient with that officer's session."""

    def _login(username: str, password: str = DEV_PASSWORD) -> TestClient:
        client = TestClient(app)
        response = client.post("/login", data={"username": username, "password": password,
                                               "csrf_token": csrf_of(client, "/login")}, follow_redirects=False)
        assert response.status_code == 303, response.text
        return client

    return _login


@pytest.fixture
def submit_application(backends) -> Callable[..., str]:
    def _submit(service: str = "income_certificate") -> str:
        body = {
            "service": service,
            "applicant": {"name": "Sunita Bhuria", "mobile": "9876543210", "wa_id": CITIZEN_WA_ID,
                          "aadhaar": None, "address": "Gram Kalidevi, Tehsil Jhabua", "pincode": "457661"},
            "answers": {"father_or_husband_name": "Ramesh Bhuria", "annual_income": "120000",
                        "income_source": "agriculture"},
        }
        response = requests.post(f"{backends['lokseva']}/api/v1/applications", json=body, headers=CLIENT, timeout=10)
        assert response.status_code == 201, response.text
        return response.json()["application_id"]

    return _submit


@pytest.fixture
def file_complaint(backends) -> Callable[..., str]:
    def _file(service_code: str = "garbage", media_url: Optional[str] = None) -> str:
        data = {"api_key": OPEN311_CLIENT_KEY, "service_code": service_code, "phone": "9827012345",
                "lat": VIJAY_NAGAR[0], "long": VIJAY_NAGAR[1], "description": "Garbage not picked up",
                **({"media_url": media_url} if media_url else {})}
        response = requests.post(f"{backends['open311']}/open311/v2/requests.json", data=data, timeout=10)
        assert response.status_code == 200, response.text
        return response.json()[0]["service_request_id"]

    return _file

