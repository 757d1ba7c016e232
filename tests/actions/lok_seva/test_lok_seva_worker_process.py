"""`python -m actions.submissions.worker` as its own process: it sends what
the outbox holds and tells the citizen through the Rasa server's HTTP API."""
from __future__ import annotations

import time

import requests

from actions.submissions.outbox import DONE, SubmissionOutbox
from tests.lokseva_api.lokseva_helpers import CLIENT
from tests.servers import RecordingServer, start, stop

BODY = {
    "service": "income_certificate",
    "applicant": {"name": "Sunita Bhuria", "mobile": "9876501234", "wa_id": "919876501234",
                  "address": "Kalidevi, Jhabua", "pincode": "457661"},
    "answers": {"father_or_husband_name": "Ramesh Bhuria", "annual_income": "120000", "income_source": "labour"},
    "document_ids": [],
}


def test_the_worker_process_submits_and_notifies(tmp_path, api_url):
    db_url = f"sqlite:///{tmp_path / 'actions.db'}"
    outbox = SubmissionOutbox(db_url)
    outbox.add("application", "919876501234", "en", {"body": BODY, "files": []}, "worker-key-1")
    rasa = RecordingServer()
    env = {"ACTIONS_DB_URL": db_url, "LOKSEVA_API_URL": api_url, "RASA_URL": rasa.url, "OUTBOX_POLL_SECONDS": "0.2"}
    worker = start(["actions.submissions.worker"], env, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 30
        while not rasa.requests and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.1)
    finally:
        stop(worker)
        rasa.close()
    assert rasa.requests, (tmp_path / "worker.log").read_text()
    path, body = rasa.requests[0]
    number = body["entities"]["application_id"]
    assert path == "/conversations/919876501234/trigger_intent?output_channel=whatsapp"
    assert body["name"] == "EXTERNAL_application_submitted"
    assert requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()["applicant"]["wa_id"] == "919876501234"
    assert outbox.get("worker-key-1").status == DONE
    assert "outbox worker stopped" in (tmp_path / "worker.log").read_text()
    assert "9876501234" not in (tmp_path / "worker.log").read_text()
    outbox.dispose()
