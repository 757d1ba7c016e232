"""Calls to Rasa's HTTP API carry a JWT signed with RASA_API_TOKEN in a header, never the token in the URL."""
from __future__ import annotations

import jwt
import pytest

from actions.submissions.notifier import RasaNotifier
from officer_dashboard.rasa_client import RasaClient
from tests.servers import RecordingServer

TOKEN = "a-long-random-rasa-api-token-for-tests"


@pytest.fixture
def rasa():
    server = RecordingServer()
    yield server
    server.close()


def signed_by(authorization: str, token: str) -> dict:
    scheme, signed = authorization.split(" ", 1)
    assert scheme == "Bearer"
    return jwt.decode(signed, token, algorithms=["HS256"])


def test_the_dashboard_signs_its_calls_when_a_token_is_set(rasa):
    RasaClient(rasa.url, TOKEN, 5).trigger("919876543210", "EXTERNAL_handoff_closed", {})
    RasaClient(rasa.url, None, 5).trigger("919876543210", "EXTERNAL_handoff_closed", {})
    (with_token, _), (without, _) = rasa.requests
    assert TOKEN not in with_token and "output_channel=whatsapp" in with_token
    assert signed_by(rasa.authorizations[0], TOKEN)["user"]["role"] == "admin"
    assert rasa.authorizations[1] is None
    with pytest.raises(jwt.InvalidSignatureError):
        signed_by(rasa.authorizations[0], "another-token")


def test_the_outbox_worker_signs_its_calls_when_a_token_is_set(rasa, monkeypatch):
    monkeypatch.setenv("RASA_API_TOKEN", TOKEN)
    RasaNotifier(rasa_url=rasa.url).notify("919876543210", "EXTERNAL_complaint_submitted", {"id": "CMP-2026-000001"})
    [(path, body)] = rasa.requests
    assert TOKEN not in path and body["name"] == "EXTERNAL_complaint_submitted"
    assert signed_by(rasa.authorizations[0], TOKEN)["user"]["role"] == "admin"
