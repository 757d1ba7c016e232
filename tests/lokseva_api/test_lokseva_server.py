"""The real server process (`python -m lokseva_api`) over HTTP, as the action
server will use it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from lokseva_helpers import OFFICER, VALID_AADHAAR, income_application

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "LOKSEVA_PORT": str(port),
        "LOKSEVA_DB_URL": f"sqlite:///{tmp_path / 'server.db'}",
        "FILE_STORE_DIR": str(tmp_path / "files"),
    }
    env.pop("LOKSEVA_OFFICER_API_KEY", None)
    log = (tmp_path / "server.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "lokseva_api"], cwd=tmp_path, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"{base}/api/v1/health", timeout=1)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"server did not start:\n{log.read()}")
            time.sleep(0.2)
    yield base, tmp_path / "server.log"
    process.send_signal(signal.SIGINT)
    process.wait(timeout=10)
    log.close()


def test_the_server_speaks_http_and_keeps_personal_numbers_out_of_its_log(server):
    base, log_file = server
    openapi = requests.get(f"{base}/openapi.json", timeout=5).json()
    assert "/api/v1/applications" in openapi["paths"]

    body = income_application()
    created = requests.post(f"{base}/api/v1/applications", json=body, headers={"Idempotency-Key": "k-1"}, timeout=10)
    assert created.status_code == 201
    number = created.json()["application_id"]
    assert requests.post(f"{base}/api/v1/applications", json=body, headers={"Idempotency-Key": "k-1"},
                         timeout=10).json()["application_id"] == number
    mine = requests.get(f"{base}/api/v1/applications", params={"mobile": "9876543210"}, timeout=5).json()
    assert [item["application_id"] for item in mine["items"]] == [number]
    acted = requests.post(f"{base}/api/v1/applications/{number}/actions", json={"action": "start_review"},
                          headers=OFFICER, timeout=5)
    assert acted.json()["status"] == "under_review"
    error = requests.get(f"{base}/api/v1/applications/LS-2026-999999", timeout=5)
    assert error.status_code == 404 and error.json()["error"]["code"] == "application_not_found"

    time.sleep(0.3)  # let the access log flush
    log = log_file.read_text()
    assert "GET /api/v1/applications?mobile=XXXXXX3210" in log
    assert "9876543210" not in log and VALID_AADHAAR not in log
    assert "LOKSEVA_OFFICER_API_KEY is not set" in log
    # The default database and file store are created where configured, not in the working directory.
    assert (log_file.parent / "server.db").exists()
