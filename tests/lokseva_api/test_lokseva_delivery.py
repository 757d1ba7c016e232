"""Doorstep delivery of issued certificates: requested → dispatched → delivered."""
from __future__ import annotations

from lokseva_helpers import OFFICER, advance, assert_error, submit

ADDRESS = {"address": "ग्राम पिटोल, झाबुआ", "pincode": "457 775", "mobile": "+91 70000 12345"}


def issued_number(client) -> str:
    number = submit(client)["application_id"]
    advance(client, number, "start_review", "approve", "issue")
    return number


def delivery_action(client, number, action, headers=OFFICER):
    return client.post(f"/api/v1/applications/{number}/delivery/actions", json={"action": action, "note": "speed post"},
                       headers=headers)


def test_delivery_from_request_to_the_door(client, clock):
    number = issued_number(client)
    requested = client.post(f"/api/v1/applications/{number}/delivery", json=ADDRESS)
    assert requested.status_code == 201
    assert requested.json()["status"] == "requested"
    assert requested.json()["pincode"] == "457775"
    assert requested.json()["mobile_masked"] == "XXXXXX2345"
    # Asking again (a retried message) returns the same request.
    again = client.post(f"/api/v1/applications/{number}/delivery", json={**ADDRESS, "pincode": "457001"})
    assert again.status_code == 200 and again.json() == requested.json()

    clock.advance(days=1)
    dispatched = delivery_action(client, number, "dispatch").json()
    assert dispatched["status_label"] == {"hi": "भेजा गया", "en": "Dispatched"}
    clock.advance(days=1)
    delivered = delivery_action(client, number, "deliver").json()
    assert delivered["status"] == "delivered"
    assert delivered["dispatched_at"].startswith("2026-01-06") and delivered["delivered_at"].startswith("2026-01-07")

    application = client.get(f"/api/v1/applications/{number}").json()
    assert application["status"] == "delivered"
    assert application["delivery"]["status"] == "delivered"
    assert client.get(f"/api/v1/applications/{number}/delivery").json() == delivered


def test_only_issued_certificates_are_delivered(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    error = assert_error(sqlite_client.post(f"/api/v1/applications/{number}/delivery", json=ADDRESS), 409,
                         "delivery_not_available")
    assert "आवेदन प्राप्त" in error["message_hi"]
    assert_error(sqlite_client.get(f"/api/v1/applications/{number}/delivery"), 404, "delivery_not_found")


def test_address_checked_steps_in_order_and_by_officers_only(sqlite_client):
    number = issued_number(sqlite_client)
    error = assert_error(sqlite_client.post(f"/api/v1/applications/{number}/delivery",
                                            json={**ADDRESS, "pincode": "99", "mobile": None}), 422,
                         "validation_failed")
    # a missing mobile is the applicant's own; a wrong PIN code is refused
    assert {item["field"]: item["code"] for item in error["fields"]} == {"pincode": "invalid_pincode"}
    assert sqlite_client.post(f"/api/v1/applications/{number}/delivery", json=ADDRESS).status_code == 201
    assert_error(delivery_action(sqlite_client, number, "deliver"), 409, "illegal_transition")
    assert_error(delivery_action(sqlite_client, number, "dispatch", headers={}), 401, "unauthorized")
    assert delivery_action(sqlite_client, number, "dispatch").status_code == 200
    error = assert_error(delivery_action(sqlite_client, number, "dispatch"), 409, "illegal_transition")
    assert "भेजा गया" in error["message_hi"]
