"""Fixtures of the Lok Seva action tests: the real Lok Seva API on a free
loopback port (its own SQLite database), the actions pointed at it, their
outbox in a SQLite file of the test."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Iterator

import pytest
import requests

from tests.actions.citizen_chat import Chat
from tests.actions.lok_seva.lokseva_server import lokseva_api
from tests.lokseva_api.lokseva_helpers import CLIENT, OFFICER


@pytest.fixture(scope="session")
def api_url(tmp_path_factory) -> Iterator[str]:
    """One API for the session; every test is a citizen of its own (its own sender id)."""
    with lokseva_api(tmp_path_factory.mktemp("lokseva")) as base:
        yield base


@pytest.fixture
def actions_env(monkeypatch, tmp_path, api_url) -> Path:
    monkeypatch.setenv("LOKSEVA_API_URL", api_url)
    monkeypatch.setenv("ACTIONS_DB_URL", f"sqlite:///{tmp_path / 'actions.db'}")
    monkeypatch.setenv("FILE_STORE_DIR", str(tmp_path / "files"))
    return tmp_path


@pytest.fixture
def chat(actions_env) -> Callable[..., Chat]:
    return Chat


@pytest.fixture
def officer(api_url) -> Callable[..., Dict[str, Any]]:
    """officer(number, *actions): moves an application on, as an officer would."""
    def act(number: str, *actions: str) -> Dict[str, Any]:
        for action in actions:
            response = requests.post(f"{api_url}/api/v1/applications/{number}/actions", json={"action": action},
                                     headers=OFFICER, timeout=30)
            assert response.status_code == 200, response.text
        return requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    return act


@pytest.fixture
def application_of(api_url) -> Callable[..., str]:
    """application_of(chat): an income certificate application made by that citizen; its number."""
    def make(citizen: Chat, service: str = "income_certificate", **answers: Any) -> str:
        body = {
            "service": service,
            "applicant": {"name": "सुनीता भूरिया", "mobile": citizen.mobile, "wa_id": citizen.sender,
                          "address": "ग्राम कालीदेवी, तहसील झाबुआ", "pincode": "457661"},
            "answers": answers or {"father_or_husband_name": "रमेश भूरिया", "annual_income": "120000",
                                   "income_source": "agriculture"},
        }
        response = requests.post(f"{api_url}/api/v1/applications", json=body, headers=CLIENT, timeout=30)
        assert response.status_code == 201, response.text
        return response.json()["application_id"]
    return make

