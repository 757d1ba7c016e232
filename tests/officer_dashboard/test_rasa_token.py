"""Rasa's HTTP API token (RASA_API_TOKEN) travels with every call the dashboard and the outbox make."""
from __future__ import annotations

from actions.submissions.notifier import RasaNotifier
from officer_dashboard.rasa_client import RasaClient
from tests.servers import RecordingServer


def test_the_dashboard_sends_the_token_when_one_is_set():
    rasa = RecordingServer()
    try:
        RasaClient(rasa.url, "s3cret", 5).trigger("919876543210", "EXTERNAL_handoff_closed", {})
        RasaClient(rasa.url, None, 5).trigger("919876543210", "EXTERNAL_handoff_closed", {})
        with_token, without = (path for path, _ in rasa.requests)
        assert "token=s3cret" in with_token and "output_channel=whatsapp" in with_token
        assert "token=" not in without
    finally:
        rasa.close()


def test_the_outbox_worker_sends_the_token_when_one_is_set(monkeypatch):
    rasa = RecordingServer()
    try:
        monkeypatch.setenv("RASA_API_TOKEN", "s3cret")
        RasaNotifier(rasa_url=rasa.url).notify("919876543210", "EXTERNAL_complaint_submitted", {"id": "CMP-2026-000001"})
        [(path, body)] = rasa.requests
        assert "token=s3cret" in path and body["name"] == "EXTERNAL_complaint_submitted"
    finally:
        rasa.close()
