"""Nothing submitted is ever lost: idempotent submission, the outbox when the
API is away, the worker that sends it later and tells the citizen."""
from __future__ import annotations

import copy
from datetime import timedelta

from actions.lok_seva.notifications import ActionAnnounceSubmission
from actions.submissions.notifier import RasaNotifier
from actions.submissions.outbox import DONE, FAILED, PENDING, shared_outbox
from actions.submissions.worker import run_once
from actions.tasks.state import TASK_SLOT
from common.clock import utc_now_naive
from tests.actions.citizen_chat import Chat, keys, message
from tests.actions.lok_seva.test_lok_seva_application import answer_income_certificate, applications_of
from tests.servers import RecordingServer, free_port

LATER = timedelta(hours=2)  # past every backoff step used here


def at_summary(citizen):
    citizen.says("income certificate", "apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    return citizen


def test_a_retried_submission_makes_one_application(chat, api_url):
    citizen = at_summary(chat())
    task_at_summary = copy.deepcopy(citizen.slots[TASK_SLOT])
    citizen.taps("affirm", do="submit")
    citizen.slots[TASK_SLOT] = task_at_summary  # Rasa retries the action: the same task, the same key
    again = citizen.taps("affirm", do="submit")
    assert "lok_seva.application.submitted" in keys(again)
    assert len(applications_of(api_url, citizen)) == 1
    assert shared_outbox().get(task_at_summary["key"]).status == DONE


def test_api_down_keeps_the_application_then_the_worker_sends_it_and_tells_the_citizen(chat, api_url, monkeypatch):
    citizen = at_summary(chat(language="en"))
    key = citizen.task["key"]
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    queued = citizen.taps("affirm", do="submit")
    assert citizen.task is None and keys(queued)
    kept = shared_outbox().get(key)
    assert kept.status == PENDING and kept.kind == "application" and kept.language == "en"
    assert kept.payload["body"]["applicant"]["wa_id"] == citizen.sender and applications_of(api_url, citizen) == []

    monkeypatch.setenv("LOKSEVA_API_URL", api_url)  # the API is back
    rasa = RecordingServer()
    try:
        rasa.fail_next(1)  # the first notification does not get through
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utc_now_naive() + LATER)
        [item] = applications_of(api_url, citizen)
        assert shared_outbox().get(key).notify_pending and rasa.requests == []
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utc_now_naive() + 2 * LATER)
        settled = shared_outbox().get(key)
        assert settled.status == DONE and not settled.notify_pending and settled.payload is None
        path, body = rasa.requests[0]
        assert path == f"/conversations/{citizen.sender}/trigger_intent?output_channel=whatsapp"
        assert body["name"] == "EXTERNAL_application_submitted"
        assert body["entities"]["application_id"] == item["application_id"]
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utc_now_naive() + 3 * LATER)
        assert len(rasa.requests) == 1 and len(applications_of(api_url, citizen)) == 1
    finally:
        rasa.close()
    told = citizen.run(ActionAnnounceSubmission(), message("", body["name"], **body["entities"]))
    assert keys(told)[0] == "lok_seva.application.submitted"


def test_a_submission_the_api_refuses_for_good_is_reported_not_retried(actions_env, api_url):
    outbox = shared_outbox()
    body = {"service": "income_certificate", "applicant": {"name": "Sunita", "mobile": "12345", "wa_id": "91x"},
            "answers": {}, "document_ids": []}
    outbox.add("application", "91x", "hi", {"body": body, "files": []}, "refused-1")
    rasa = RecordingServer()
    try:
        run_once(outbox, RasaNotifier(rasa_url=rasa.url))
    finally:
        rasa.close()
    assert outbox.get("refused-1").status == FAILED
    path, notice = rasa.requests[0]
    assert notice["name"] == "EXTERNAL_application_failed" and notice["entities"]["error_code"] == "validation_failed"
    replies = Chat(sender="91x").run(ActionAnnounceSubmission(), message("", notice["name"], **notice["entities"]))
    assert keys(replies) == ["lok_seva.form.refused"]
