"""GET /api/v1/reports/applications: applications by service and status, the median days to a
decision and to the certificate, and the share settled within the statutory time limit."""
from __future__ import annotations

from lokseva_helpers import OFFICER, advance, assert_error, submit

REPORT = "/api/v1/reports/applications"
REVENUE, URBAN = "Revenue Department", "Urban Administration / Panchayat"
BIRTH = {"service": "birth_certificate", "answers": {
    "child_name": "Ravi Bhuria", "child_gender": "male", "date_of_birth": "01-12-2025",
    "place_of_birth": "Jhabua", "father_name": "Ramesh Bhuria", "mother_name": "Sunita Bhuria"}}


def report(client, *departments: str) -> dict:
    response = client.get(REPORT, params=[("department", name) for name in departments], headers=OFFICER)
    assert response.status_code == 200, response.text
    return response.json()


def test_it_needs_the_officer_key(sqlite_client):
    assert_error(sqlite_client.get(REPORT), 401, "unauthorized")
    assert_error(sqlite_client.get(REPORT, headers={"X-API-Key": "wrong"}), 401, "unauthorized")


def test_no_applications_no_figures(sqlite_client):
    body = report(sqlite_client)
    assert body["services"] == [] and body["departments"] is None
    assert body["totals"] == {
        "total": 0, "by_status": {}, "median_days_to_decision": None, "median_days_to_issue": None,
        "time_limit": {"in_time": 0, "settled_late": 0, "open_overdue": 0, "share_in_time": None}}


def test_counts_medians_and_the_time_limit(client, clock):
    # Income certificates have 15 days. Day 0: three filed.
    issued_in_time, rejected_late, left_open = (submit(client)["application_id"] for _ in range(3))
    clock.advance(days=2)
    advance(client, issued_in_time, "start_review", "approve")
    clock.advance(days=2)
    advance(client, issued_in_time, "issue")
    clock.advance(days=16)  # day 20: past the due date of the ones filed on day 0
    advance(client, rejected_late, "start_review", "reject")
    within_time = submit(client)["application_id"]  # filed today: open, not yet due

    income = report(client)["services"][0]
    assert income["service"]["code"] == "income_certificate" and income["time_limit_days"] == 15
    assert income["department"]["en"] == REVENUE
    assert income["total"] == 4
    assert income["by_status"] == {"issued": 1, "rejected": 1, "submitted": 2}
    # Decisions after 2 and 20 days; one certificate, after 4 days.
    assert income["median_days_to_decision"] == 11.0
    assert income["median_days_to_issue"] == 4.0
    # In time: the issued one; late: the rejected one and the open one past its due date;
    # the one filed today does not count yet.
    assert income["time_limit"] == {"in_time": 1, "settled_late": 1, "open_overdue": 1, "share_in_time": 0.333}
    assert left_open and within_time


def test_a_department_sees_its_own_services_only(client, clock):
    submit(client)
    birth = submit(client, **BIRTH)["application_id"]
    clock.advance(days=1)
    advance(client, birth, "start_review", "approve", "issue", "deliver")

    everything = report(client)
    assert [item["service"]["code"] for item in everything["services"]] == ["birth_certificate",
                                                                         "income_certificate"]
    assert everything["totals"]["total"] == 2

    urban = report(client, URBAN)
    assert urban["departments"] == [URBAN]
    [birth_row] = urban["services"]
    # Delivered counts as settled on the day it was issued; a delivered one was issued, too.
    assert birth_row["by_status"] == {"delivered": 1}
    assert birth_row["median_days_to_issue"] == 1.0
    assert birth_row["time_limit"]["share_in_time"] == 1.0
    assert urban["totals"]["total"] == 1

    assert report(client, URBAN, REVENUE)["totals"]["total"] == 2
    assert report(client, "No Such Department")["totals"]["total"] == 0
