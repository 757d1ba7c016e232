"""Officers list all applications (officer key) with filters, see one day's figures per
department, and applications past their due date undecided go to the first appellate officer once."""
from __future__ import annotations

from lokseva_helpers import OFFICER, advance, assert_error, submit

LIST = "/api/v1/officer/applications"
SUMMARY = "/api/v1/officer/applications/summary"
REVENUE, URBAN = "Revenue Department", "Urban Administration / Panchayat"
BIRTH = {"service": "birth_certificate", "answers": {
    "child_name": "Ravi Bhuria", "child_gender": "male", "date_of_birth": "01-12-2025",
    "place_of_birth": "Jhabua", "father_name": "Ramesh Bhuria", "mother_name": "Sunita Bhuria"}}


def listed(client, **params) -> list:
    response = client.get(LIST, params=params, headers=OFFICER)
    assert response.status_code == 200, response.text
    return [item["application_id"] for item in response.json()["items"]]


def escalate(client, application_id: str):
    return client.post(f"/api/v1/applications/{application_id}/escalation", headers=OFFICER)


def departments(client) -> dict:
    body = client.get(SUMMARY, headers=OFFICER).json()
    return {row["department"]["en"]: {key: row[key] for key in ("new", "decided", "escalated", "overdue")}
            for row in body["departments"]}


def test_the_list_and_the_escalation_need_the_officer_key(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    assert_error(sqlite_client.get(LIST), 401, "unauthorized")
    assert_error(sqlite_client.get(SUMMARY), 401, "unauthorized")
    assert_error(sqlite_client.post(f"/api/v1/applications/{number}/escalation"), 401, "unauthorized")


def test_all_applications_newest_first_filtered_and_paged(client, clock):
    income = submit(client)["application_id"]
    clock.advance(days=1)
    birth = submit(client, **BIRTH)["application_id"]
    clock.advance(days=1)
    reviewed = submit(client)["application_id"]
    advance(client, reviewed, "start_review")

    assert listed(client) == [reviewed, birth, income]
    assert listed(client, status="under_review") == [reviewed]
    assert listed(client, service="birth_certificate") == [birth]
    assert listed(client, department=URBAN) == [birth]
    assert listed(client, department=[REVENUE, URBAN]) == [reviewed, birth, income]
    page = client.get(LIST, params={"page": 2, "page_size": 2}, headers=OFFICER).json()
    assert [item["application_id"] for item in page["items"]] == [income] and page["total"] == 3
    item = client.get(LIST, params={"service": "birth_certificate"}, headers=OFFICER).json()["items"][0]
    assert item["department"]["en"] == URBAN and item["escalated_at"] is None
    assert_error(client.get(LIST, params={"status": "lost"}, headers=OFFICER), 422, "validation_failed")


def test_overdue_applications_go_to_the_appellate_officer_once(client, clock):
    birth = submit(client, **BIRTH)  # 7 days
    income = submit(client)["application_id"]  # 15 days
    issued = submit(client, **BIRTH)["application_id"]
    advance(client, issued, "start_review", "approve", "issue")
    assert_error(escalate(client, birth["application_id"]), 409, "not_overdue")

    clock.advance(days=8)
    assert listed(client, overdue="true") == [birth["application_id"]]
    assert listed(client, overdue="false") == [issued, income]
    assert_error(escalate(client, issued), 409, "not_overdue")  # settled: the time limit no longer runs

    response = escalate(client, birth["application_id"])
    assert response.status_code == 200, response.text
    after = response.json()
    assert after["status"] == "submitted" and after["escalated_at"].startswith("2026-01-13T11:30")
    assert after["history"][-1]["action"] == "escalate_to_appellate"
    assert after["history"][-1]["officer"] == after["appellate_officer"]["role"] == "sdm_revenue"
    assert_error(escalate(client, birth["application_id"]), 409, "already_escalated")
    assert len(client.get(f"/api/v1/applications/{birth['application_id']}").json()["history"]) == 2
    assert listed(client, overdue="true", escalated="false") == []
    assert listed(client, escalated="true") == [birth["application_id"]]


def test_the_day_per_department(client, clock):
    birth = submit(client, **BIRTH)["application_id"]
    income = submit(client)["application_id"]
    advance(client, income, "start_review", "reject")
    assert departments(client)[URBAN] == {"new": 1, "decided": 0, "escalated": 0, "overdue": 0}
    assert departments(client)[REVENUE] == {"new": 1, "decided": 1, "escalated": 0, "overdue": 0}

    clock.advance(days=8)
    escalate(client, birth)
    assert departments(client)[URBAN] == {"new": 0, "decided": 0, "escalated": 1, "overdue": 1}
    assert departments(client)[REVENUE] == {"new": 0, "decided": 0, "escalated": 0, "overdue": 0}
    earlier = client.get(SUMMARY, params={"day": "2026-01-05"}, headers=OFFICER).json()
    revenue = next(row for row in earlier["departments"] if row["department"]["en"] == REVENUE)
    assert (revenue["new"], revenue["decided"]) == (1, 1)


def test_an_application_shows_its_documents(sqlite_client):
    upload = sqlite_client.post("/api/v1/documents", files={"file": ("proof.pdf", b"%PDF-1.4 test", "application/pdf")})
    document = upload.json()
    application = submit(sqlite_client, document_ids=[document["document_id"]])
    assert application["documents"] == [{**document, "attached_to": application["application_id"]}]


def test_a_page_beyond_any_list_is_refused_not_a_server_error(sqlite_client):
    response = sqlite_client.get(LIST, params={"page": 10**20}, headers=OFFICER)
    assert_error(response, 422, "validation_failed")
