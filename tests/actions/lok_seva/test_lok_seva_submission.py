"""Nothing submitted is ever lost: idempotent submission, the outbox when the
API is away, the worker that sends it later and tells the citizen."""
from __future__ import annotations

import copy
from datetime import timedelta

import requests

from actions.lok_seva.form_actions import ActionFinishLokSevaForm
from actions.lok_seva.form_state import STATE_SLOT
from actions.lok_seva.notifications import ActionAnnounceSubmission
from actions.submissions.notifier import RasaNotifier
from actions.submissions.outbox import DONE, FAILED, PENDING, shared_outbox, utcnow
from actions.submissions.worker import run_once
from tests.actions.lok_seva.chat import Chat, message, texts
from tests.actions.lok_seva.test_lok_seva_application import answer_income_certificate
from tests.lokseva_api.lokseva_helpers import CLIENT
from tests.servers import RecordingServer, free_port

LATER = timedelta(hours=2)  # past every backoff step used here


def confirmed_application(citizen):
    """A citizen at the summary of a complete income certificate application."""
    citizen.start("apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    citizen.says("done")
    return citizen


def applications_of(api_url, citizen):
    return requests.get(f"{api_url}/api/v1/applications", params={"wa_id": citizen.sender}, headers=CLIENT, timeout=10).json()


def test_a_retried_submission_makes_one_application(chat, api_url):
    citizen = confirmed_application(chat())
    state_at_summary = copy.deepcopy(citizen.slots[STATE_SLOT])
    first = citizen.taps("affirm")

    citizen.slots[STATE_SLOT] = {**state_at_summary, "answers": {**state_at_summary["answers"], "confirm": True}}
    again = citizen.run(ActionFinishLokSevaForm(), message("/affirm", "affirm"))
    number = texts(first).split("*")[1]
    assert number in texts(again)
    assert [item["application_id"] for item in applications_of(api_url, citizen)["items"]] == [number]
    assert shared_outbox().get(state_at_summary["key"]).status == DONE


def test_api_down_keeps_the_application_then_the_worker_sends_it_and_tells_the_citizen(chat, api_url, monkeypatch):
    citizen = confirmed_application(chat(language="en"))
    key = citizen.state["key"]
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    queued = citizen.taps("affirm")
    assert "saved and will be submitted automatically" in texts(queued)
    kept = shared_outbox().get(key)
    assert kept.status == PENDING and kept.kind == "application" and kept.language == "en"
    assert kept.payload["body"]["applicant"]["wa_id"] == citizen.sender
    assert applications_of(api_url, citizen)["total"] == 0

    monkeypatch.setenv("LOKSEVA_API_URL", api_url)  # the API is back
    rasa = RecordingServer()
    try:
        rasa.fail_next(1)  # the first notification does not get through
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utcnow() + LATER)
        number = applications_of(api_url, citizen)["items"][0]["application_id"]
        assert shared_outbox().get(key).notify_pending and rasa.requests == []

        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utcnow() + 2 * LATER)
        settled = shared_outbox().get(key)
        assert settled.status == DONE and not settled.notify_pending and settled.payload is None
        path, body = rasa.requests[0]
        assert path == f"/conversations/{citizen.sender}/trigger_intent?output_channel=whatsapp"
        assert body["name"] == "EXTERNAL_application_submitted"
        assert body["entities"]["application_id"] == number
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utcnow() + 3 * LATER)
        assert len(rasa.requests) == 1 and applications_of(api_url, citizen)["total"] == 1
    finally:
        rasa.close()

    # What the rule for EXTERNAL_application_submitted then runs, in the citizen's language:
    told = citizen.run(ActionAnnounceSubmission(), message("", body["name"], **body["entities"]))
    assert number in texts(told) and "Your application has been submitted" in texts(told)


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
    assert "स्वीकार नहीं हो सका" in texts(replies) and "मोबाइल नंबर" in texts(replies)  # which answer, too
