"""Lok Seva applications through the dashboard: review → approve → issue reaches the API,
the citizen is told on WhatsApp, and every action is in the audit log."""
import requests

from dashboard_helpers import CITIZEN_WA_ID, act, post_form


def _act(client, application_id: str, action: str, note: str = ""):
    return act(client, f"/applications/{application_id}", action, note)


def _status(backends, application_id: str) -> str:
    return requests.get(f"{backends['lokseva']}/api/v1/applications/{application_id}", timeout=10).json()["status"]


def test_review_approve_issue_changes_the_application_and_tells_the_citizen(login, submit_application, backends, rasa,
                                                                           app):
    number = submit_application()
    officer = login("revenue_officer")
    assert number in officer.get(f"/applications/{number}").text

    for action, status in (("start_review", "under_review"), ("approve", "approved"), ("issue", "issued")):
        page = _act(officer, number, action)
        assert page.status_code == 200 and f"status now {status}" in page.text
        assert _status(backends, number) == status

    assert rasa.requests == [
        (f"/conversations/{CITIZEN_WA_ID}/trigger_intent?output_channel=whatsapp",
         {"name": "EXTERNAL_status_changed", "entities": {"record_kind": "application", "record_id": number, "new_status": status}})
        for status in ("under_review", "approved", "issued")
    ]
    entries = app.state.dashboard.audit.entries(kind="application", item_id=number)
    assert [(e.action, e.outcome, e.new_status, e.username) for e in reversed(entries)] == [
        ("start_review", "ok", "under_review", "revenue_officer"),
        ("approve", "ok", "approved", "revenue_officer"),
        ("issue", "ok", "issued", "revenue_officer"),
    ]


def test_reject_needs_and_keeps_the_reason(login, submit_application, backends):
    number = submit_application()
    officer = login("revenue_officer")
    refused = _act(officer, number, "reject")
    assert "Refused by the backend" in refused.text and _status(backends, number) == "submitted"
    _act(officer, number, "reject", note="Income proof is not legible")
    application = requests.get(f"{backends['lokseva']}/api/v1/applications/{number}", timeout=10).json()
    assert application["status"] == "rejected" and application["rejection_reason"] == "Income proof is not legible"


def test_request_documents_and_a_note(login, submit_application, backends, app):
    number = submit_application()
    officer = login("revenue_officer")
    _act(officer, number, "start_review")
    _act(officer, number, "request_documents", note="Samagra ID")
    assert _status(backends, number) == "documents_requested"
    assert "Note added." in _act(officer, number, "note", note="Called the applicant").text
    actions = [e.action for e in app.state.dashboard.audit.entries(item_id=number)]
    assert actions == ["note", "request_documents", "start_review"]


def test_officers_see_only_their_departments_applications(login, submit_application, backends):
    number = submit_application()  # income certificate: Revenue Department
    urban = login("urban_officer")
    assert urban.get(f"/applications/{number}").status_code == 404
    assert _act(urban, number, "start_review").status_code == 404
    assert _status(backends, number) == "submitted"
    assert number not in urban.get("/applications?mobile=9876543210").text
    assert number in login("revenue_officer").get("/applications?mobile=9876543210").text
    assert login("admin").get(f"/applications/{number}").status_code == 200


def test_a_failed_notification_is_kept_and_sent_again(login, submit_application, rasa, app):
    number = submit_application()
    officer = login("revenue_officer")
    rasa.fail_next(1)
    assert "will be sent again" in _act(officer, number, "start_review").text
    assert rasa.requests == [] and app.state.dashboard.notifier.pending_count() == 1
    admin = login("admin")
    assert "1 notification(s) sent again." in post_form(admin, "/", "/notifications/retry").text
    assert rasa.requests[0][1]["entities"] == {"record_kind": "application", "record_id": number, "new_status": "under_review"}
    assert app.state.dashboard.notifier.pending_count() == 0
