"""An officer's change reaches the citizen with what it means (reason, documents
asked for, certificate), and the documents asked for can simply be sent on
WhatsApp, against the real Lok Seva API."""
from __future__ import annotations

import requests

from actions.lok_seva.notifications import ActionAnnounceSubmission
from actions.lok_seva.requested_documents import ActionTakeDocument
from actions.lok_seva.updates import DOCUMENTS_SLOT
from actions.status_updates import ActionAnnounceStatusChange
from actions.submissions.notifier import RasaNotifier
from actions.submissions.outbox import shared_outbox
from actions.submissions.worker import run_once
from common.clock import utc_now_naive
from tests.actions.citizen_chat import documents, keys, message, texts
from tests.actions.lok_seva.test_lok_seva_documents import JPEG, received
from tests.actions.lok_seva.test_lok_seva_submission import LATER, at_summary
from tests.lokseva_api.lokseva_helpers import CLIENT, OFFICER
from tests.servers import RecordingServer, free_port


def officer_acts(api_url, number, action, **details):
    response = requests.post(f"{api_url}/api/v1/applications/{number}/actions", json={"action": action, **details},
                             headers=OFFICER, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def update(citizen, number, status):
    return citizen.run(ActionAnnounceStatusChange(), message(
        "", "EXTERNAL_status_changed", record_kind="application", record_id=number, new_status=status))


def sends_file(citizen, store):
    file = received(store, JPEG, ".jpg", "declaration.jpg")
    return citizen.run(ActionTakeDocument(), message("/share_media", "share_media", file["metadata"], **file["entities"]))


def application(api_url, number):
    return requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()


def test_documents_asked_for_are_named_and_the_files_sent_go_to_the_application(chat, application_of, api_url,
                                                                                  actions_env):
    citizen = chat()
    number = application_of(citizen)
    officer_acts(api_url, number, "start_review")
    officer_acts(api_url, number, "request_documents", note="आय का स्व-घोषणा पत्र")
    told = update(citizen, number, "documents_requested")
    assert "आय का स्व-घोषणा पत्र" in texts(told)  # the officer's note, as written
    assert citizen.slots[DOCUMENTS_SLOT] == number

    assert keys(sends_file(citizen, actions_env / "files")) == ["lok_seva.updates.documents_added"]
    after_first = application(api_url, number)
    assert len(after_first["documents"]) == 1 and after_first["status"] == "under_review"
    sends_file(citizen, actions_env / "files")  # the second goes to the same application
    assert len(application(api_url, number)["documents"]) == 2


def test_a_file_is_found_its_application_without_the_update(chat, application_of, api_url, actions_env):
    citizen = chat(language="en")
    number = application_of(citizen)
    officer_acts(api_url, number, "start_review")
    officer_acts(api_url, number, "request_documents", note="Salary slip")
    assert keys(sends_file(citizen, actions_env / "files")) == ["lok_seva.updates.documents_added"]


def test_a_file_with_no_application_waiting_is_not_taken(chat, application_of, actions_env, monkeypatch):
    citizen = chat()
    application_of(citizen)  # submitted, nothing asked for
    [reply] = sends_file(citizen, actions_env / "files")
    assert reply["response"] == "utter_media_received" and DOCUMENTS_SLOT not in citizen.slots
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")  # nor when the API cannot say
    assert sends_file(citizen, actions_env / "files")[0]["response"] == "utter_media_received"


def test_a_file_sent_right_after_applying_goes_to_that_application(chat, api_url, actions_env):
    citizen = at_summary(chat())
    citizen.taps("affirm", do="submit")
    [made] = requests.get(f"{api_url}/api/v1/applications", params={"wa_id": citizen.sender}, headers=CLIENT,
                          timeout=10).json()["items"]
    number = made["application_id"]
    assert keys(sends_file(citizen, actions_env / "files")) == ["lok_seva.updates.documents_added"]
    assert len(application(api_url, number)["documents"]) == 1


def test_a_file_sent_while_the_api_is_away_is_added_later(chat, application_of, api_url, actions_env, monkeypatch):
    citizen = chat(language="en")
    number = application_of(citizen)
    officer_acts(api_url, number, "start_review")
    officer_acts(api_url, number, "request_documents", note="Ration card")
    update(citizen, number, "documents_requested")
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")
    assert keys(sends_file(citizen, actions_env / "files"))  # told it is kept

    monkeypatch.setenv("LOKSEVA_API_URL", api_url)
    rasa = RecordingServer()
    try:
        run_once(shared_outbox(), RasaNotifier(rasa_url=rasa.url), now=utc_now_naive() + LATER)
        [(_, body)] = rasa.requests
    finally:
        rasa.close()
    assert body["name"] == "EXTERNAL_documents_submitted" and body["entities"]["application_id"] == number
    assert len(application(api_url, number)["documents"]) == 1
    told = citizen.run(ActionAnnounceSubmission(), message("", body["name"], **body["entities"]))
    assert keys(told) == ["lok_seva.updates.documents_added"]


def test_a_rejection_comes_with_its_reason_and_the_right_to_appeal(chat, application_of, api_url):
    citizen = chat(language="en")
    number = application_of(citizen)
    officer_acts(api_url, number, "start_review")
    officer_acts(api_url, number, "reject", reason="Income proof does not match the declaration")
    told = texts(update(citizen, number, "rejected"))
    assert "rejected" in told and "Income proof does not match the declaration" in told and "appeal" in told


def test_the_certificate_comes_with_the_issue_and_not_again_with_the_delivery(chat, application_of, officer):
    citizen = chat()
    number = application_of(citizen)
    officer(number, "start_review", "approve", "issue")
    [certificate] = documents(update(citizen, number, "issued"))
    assert certificate["filename"] == f"{number}.pdf"
    assert documents(update(citizen, number, "delivered")) == []


def test_without_the_api_the_status_alone_is_told(chat, monkeypatch):
    citizen = chat(language="en")
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")
    told = update(citizen, "LS-2026-000777", "rejected")
    assert len(told) == 1 and "LS-2026-000777" in texts(told) and "rejected" in texts(told)
