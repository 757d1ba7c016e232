"""Submitting and following applications, on SQLite and PostgreSQL."""
from __future__ import annotations

from lokseva_helpers import VALID_AADHAAR, assert_error, income_application, submit
from sqlalchemy import create_engine, text


def test_submission_gets_a_yearly_number_a_due_date_and_the_officers(client):
    first = submit(client)
    second = submit(client, applicant={**income_application()["applicant"], "name": "Ramesh Bhuria"})

    assert first["application_id"] == "LS-2026-000001"
    assert second["application_id"] == "LS-2026-000002"
    assert first["status"] == "submitted"
    assert first["status_label"] == {"hi": "आवेदन प्राप्त", "en": "Submitted"}
    # Income certificate: 15 days under the Lok Seva Guarantee Act, from 5 January 2026 (IST).
    assert first["due_date"] == "2026-01-20"
    assert first["days_remaining"] == 15
    assert first["overdue"] is False
    assert first["service"] == {"code": "income_certificate", "name": {"hi": "आय प्रमाण पत्र", "en": "Income Certificate"}}
    assert first["officer"]["designation"] == {"hi": "तहसीलदार", "en": "Tehsildar"}
    assert first["appellate_officer"]["role"] == "sdm_revenue"
    assert [step["status"] for step in first["history"]] == ["submitted"]
    assert first["history"][0]["at"].startswith("2026-01-05T11:30:00+05:30")


def test_answers_are_stored_in_canonical_form(client):
    created = submit(client)
    assert created["answers"] == {
        "father_or_husband_name": "रमेश भूरिया",
        "annual_income": 120000,
        "income_source": "agriculture",
    }
    assert created["applicant"]["mobile_masked"] == "XXXXXX3210"


def test_the_full_aadhaar_number_is_neither_returned_nor_stored(client, db_url):
    created = submit(client)
    fetched = client.get(f"/api/v1/applications/{created['application_id']}")

    assert fetched.json()["applicant"]["aadhaar_masked"] == "XXXX XXXX " + VALID_AADHAAR[-4:]
    assert VALID_AADHAAR not in fetched.text
    engine = create_engine(db_url)
    with engine.connect() as connection:
        rows = connection.execute(text("select * from lokseva_applications")).fetchall()
    engine.dispose()
    assert VALID_AADHAAR not in repr(rows)
    assert VALID_AADHAAR[-4:] in repr(rows)


def test_retried_submission_with_the_same_idempotency_key_is_one_application(client):
    body = income_application()
    headers = {"Idempotency-Key": "wa-msg-123"}
    first = client.post("/api/v1/applications", json=body, headers=headers)
    retry = client.post("/api/v1/applications", json=body, headers=headers)

    assert first.status_code == 201
    assert retry.status_code == 200
    assert retry.json()["application_id"] == first.json()["application_id"]
    listed = client.get("/api/v1/applications", params={"wa_id": "919876543210"}).json()
    assert listed["total"] == 1


def test_client_key_in_the_body_works_like_the_header(client):
    body = income_application(client_key="form-run-7")
    ids = {client.post("/api/v1/applications", json=body).json()["application_id"] for _ in range(3)}
    assert ids == {"LS-2026-000001"}


def test_a_key_reused_for_a_different_application_is_refused(client):
    client.post("/api/v1/applications", json=income_application(client_key="k1"))
    other = income_application(client_key="k1", service="domicile_certificate")
    assert_error(client.post("/api/v1/applications", json=other), 409, "idempotency_conflict")


def test_my_applications_by_whatsapp_id_or_mobile_newest_first(client, clock):
    submit(client)
    clock.advance(days=1)
    submit(client)
    submit(client, applicant={**income_application()["applicant"], "mobile": "7000000001", "wa_id": "917000000001"})

    by_wa_id = client.get("/api/v1/applications", params={"wa_id": "919876543210"}).json()
    assert [item["application_id"] for item in by_wa_id["items"]] == ["LS-2026-000002", "LS-2026-000001"]
    # The mobile number in any everyday spelling.
    by_mobile = client.get("/api/v1/applications", params={"mobile": "+91 98765 43210"}).json()
    assert by_mobile["total"] == 2
    assert by_mobile["items"][0]["status_label"]["hi"] == "आवेदन प्राप्त"
    paged = client.get("/api/v1/applications", params={"mobile": "9876543210", "page": 2, "page_size": 1}).json()
    assert [item["application_id"] for item in paged["items"]] == ["LS-2026-000001"]


def test_listing_needs_a_filter_and_a_valid_mobile(client):
    assert_error(client.get("/api/v1/applications"), 422, "filter_required")
    error = assert_error(client.get("/api/v1/applications", params={"mobile": "12345"}), 422, "validation_failed")
    assert error["fields"][0]["code"] == "invalid_mobile"


def test_application_number_is_found_however_it_is_typed(client):
    submit(client)
    for typed in ("LS-2026-000001", "ls 2026 1", "ls2026000001", "LS-२०२६-०००००१"):
        assert client.get(f"/api/v1/applications/{typed}").json()["application_id"] == "LS-2026-000001"


def test_unknown_application_is_a_404_in_both_languages(client):
    error = assert_error(client.get("/api/v1/applications/LS-2026-999999"), 404, "application_not_found")
    assert "LS-2026-999999" in error["message_en"] and "LS-2026-999999" in error["message_hi"]


def test_unknown_service_is_refused(client):
    assert_error(client.post("/api/v1/applications", json=income_application(service="moon_visa")), 404,
                 "service_not_found")


def test_overdue_once_the_time_limit_has_passed_until_settled(client, clock):
    created = submit(client)
    clock.advance(days=16)
    late = client.get(f"/api/v1/applications/{created['application_id']}").json()
    assert late["overdue"] is True
    assert late["days_remaining"] == -1
