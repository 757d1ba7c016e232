"""The real server process (`python -m lokseva_api`) over HTTP, as the action
server will use it."""
from __future__ import annotations

import time

import pytest
import requests
from lokseva_helpers import CLIENT, OFFICER, VALID_AADHAAR, income_application

from tests.servers import free_port, running


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {
        "LOKSEVA_PORT": str(port),
        "LOKSEVA_DB_URL": f"sqlite:///{tmp_path / 'server.db'}",
        "FILE_STORE_DIR": str(tmp_path / "files"),
    }
    base = f"http://127.0.0.1:{port}"
    with running(["lokseva_api"], env, f"{base}/api/v1/health", tmp_path / "server.log"):
        yield base, tmp_path / "server.log"


def test_the_server_speaks_http_and_keeps_personal_numbers_out_of_its_log(server):
    base, log_file = server
    openapi = requests.get(f"{base}/openapi.json", timeout=5).json()
    assert "/api/v1/applications" in openapi["paths"]

    body = income_application()
    created = requests.post(f"{base}/api/v1/applications", json=body, headers={**CLIENT, "Idempotency-Key": "k-1"}, timeout=10)
    assert created.status_code == 201
    number = created.json()["application_id"]
    assert requests.post(f"{base}/api/v1/applications", json=body, headers={**CLIENT, "Idempotency-Key": "k-1"},
                         timeout=10).json()["application_id"] == number
    mine = requests.get(f"{base}/api/v1/applications", params={"mobile": "9876543210"}, headers=CLIENT, timeout=5).json()
    assert [item["application_id"] for item in mine["items"]] == [number]
    acted = requests.post(f"{base}/api/v1/applications/{number}/actions", json={"action": "start_review"},
                          headers=OFFICER, timeout=5)
    assert acted.json()["status"] == "under_review"
    error = requests.get(f"{base}/api/v1/applications/LS-2026-999999", headers=CLIENT, timeout=5)
    assert error.status_code == 404 and error.json()["error"]["code"] == "application_not_found"

    time.sleep(0.3)  # let the access log flush
    log = log_file.read_text()
    assert "GET /api/v1/applications?mobile=******3210" in log
    assert "9876543210" not in log and VALID_AADHAAR not in log
    assert "LOKSEVA_OFFICER_API_KEY is not set" in log and "LOKSEVA_CLIENT_API_KEY is not set" in log
    # The default database and file store are created where configured, not in the working directory.
    assert (log_file.parent / "server.db").exists()
