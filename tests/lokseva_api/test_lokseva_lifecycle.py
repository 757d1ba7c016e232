"""Officers move applications: submitted → under_review → documents_requested
→ approved | rejected → issued → delivered; nothing else."""
from __future__ import annotations

import pytest
from lokseva_helpers import CLIENT, OFFICER, act, advance, assert_error, submit


def test_the_whole_way_with_a_dated_history(client, clock):
    number = submit(client)["application_id"]
    advance(client, number, "start_review", "request_documents")
    clock.advance(days=2)
    advance(client, number, "start_review", "approve")
    clock.advance(days=1)
    issued = advance(client, number, "issue")
    delivered = advance(client, number, "deliver")

    assert issued["status_label"] == {"hi": "प्रमाण पत्र जारी", "en": "Certificate issued"}
    assert f"/api/v1/applications/{number}/certificate?expires=" in issued["certificate"]["download_url"]
    assert delivered["status"] == "delivered"
    history = delivered["history"]
    assert [step["status"] for step in history] == [
        "submitted", "under_review", "documents_requested", "under_review", "approved", "issued", "delivered",
    ]
    assert history[2]["note"] == "salary slip"
    assert [step["at"][:10] for step in history] == ["2026-01-05"] * 3 + ["2026-01-07"] * 2 + ["2026-01-08"] * 2
    assert delivered["allowed_actions"] == []
    # Settled: the time limit no longer runs.
    clock.advance(days=60)
    later = client.get(f"/api/v1/applications/{number}").json()
    assert later["overdue"] is False and later["days_remaining"] is None


def test_rejection_needs_a_reason_and_is_final(client):
    number = submit(client)["application_id"]
    advance(client, number, "start_review")
    assert_error(act(client, number, "reject"), 422, "reason_required")
    rejected = act(client, number, "reject", reason="Income proof missing", officer="Naib Tehsildar Meda").json()

    assert rejected["status"] == "rejected"
    assert rejected["rejection_reason"] == "Income proof missing"
    assert rejected["history"][-1]["officer"] == "Naib Tehsildar Meda"
    for action in ("start_review", "approve", "issue"):
        assert_error(act(client, number, action), 409, "illegal_transition")


@pytest.mark.parametrize(
    "done, refused",
    [
        ((), "approve"),
        ((), "issue"),
        (("start_review",), "issue"),
        (("start_review",), "deliver"),
        (("start_review", "approve"), "request_documents"),
        (("start_review", "approve", "issue"), "approve"),
    ],
)
def test_illegal_transitions_are_refused_with_409(sqlite_client, done, refused):
    number = submit(sqlite_client)["application_id"]
    advance(sqlite_client, number, *done)
    before = sqlite_client.get(f"/api/v1/applications/{number}").json()

    error = assert_error(act(sqlite_client, number, refused), 409, "illegal_transition")
    assert before["status_label"]["hi"] in error["message_hi"]
    assert before["status_label"]["en"] in error["message_en"]
    assert sqlite_client.get(f"/api/v1/applications/{number}").json()["history"] == before["history"]


def test_requesting_documents_needs_a_note(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    advance(sqlite_client, number, "start_review")
    assert_error(act(sqlite_client, number, "request_documents"), 422, "note_required")


def test_unknown_action_is_a_validation_error(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    error = assert_error(act(sqlite_client, number, "bribe"), 422, "validation_failed")
    assert error["fields"][0]["field"] == "action"


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "guess"}])
def test_officer_endpoints_need_the_api_key(sqlite_client, headers):
    number = submit(sqlite_client)["application_id"]
    response = sqlite_client.post(f"/api/v1/applications/{number}/actions", json={"action": "start_review"},
                                  headers=headers)
    assert_error(response, 401, "unauthorized")
    assert sqlite_client.get(f"/api/v1/applications/{number}").json()["status"] == "submitted"


def test_the_key_comes_from_the_environment(tmp_path, sqlite_url, reference, monkeypatch):
    from fastapi.testclient import TestClient

    from lokseva_api.app import create_app

    monkeypatch.setenv("LOKSEVA_DB_URL", sqlite_url)
    monkeypatch.setenv("FILE_STORE_DIR", str(tmp_path))
    monkeypatch.setenv("LOKSEVA_OFFICER_API_KEY", "s3cret")
    with TestClient(create_app(reference=reference), headers=CLIENT) as client:
        number = submit(client)["application_id"]
        url = f"/api/v1/applications/{number}/actions"
        assert client.post(url, json={"action": "start_review"}, headers=OFFICER).status_code == 401
        assert client.post(url, json={"action": "start_review"}, headers={"X-API-Key": "s3cret"}).status_code == 200
