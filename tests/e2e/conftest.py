"""Starts the real system (action server + Rasa server on PostgreSQL) once per test run."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT, ACTIONS_PORT = 5105, 5155


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: int = 300) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not come up:\n{log.read_text()[-3000:]}")


def _start(command, log: Path, env) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory, request):
    from tests.conftest import POSTGRES_URL, require_server

    postgres = require_server(POSTGRES_URL)
    if not list((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make model` (make test does it)")
    logs = tmp_path_factory.mktemp("logs")
    env = {**os.environ, "TRACKER_DB_URL": postgres, "ACTION_SERVER_URL": f"http://127.0.0.1:{ACTIONS_PORT}/webhook",
           "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    actions = _start([sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(ACTIONS_PORT)],
                     logs / "actions.log", env)
    rasa = _start([sys.executable, "-m", "jan_seva.serve", "--model", "models", "--port", str(RASA_PORT)],
                  logs / "rasa.log", env)
    try:
        _wait_until_up(f"http://127.0.0.1:{ACTIONS_PORT}/health", actions, logs / "actions.log")
        _wait_until_up(f"http://127.0.0.1:{RASA_PORT}/status", rasa, logs / "rasa.log")
        yield f"http://127.0.0.1:{RASA_PORT}"
    finally:
        for process in (rasa, actions):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
