"""Lok Seva applications through the dashboard: officers list their departments' applications,
see the applicant (Aadhaar masked), the history, documents and certificate; review → approve →
issue reaches the API, the citizen is told on WhatsApp, and every action is in the audit log."""
import re

import requests
from dashboard_helpers import CITIZEN_WA_ID, act, post_form

from common.verhoeff import check_digit
from tests.lokseva_api.lokseva_helpers import CLIENT

AADHAAR = "23456789012" + check_digit("23456789012")


def _act(client, application_id: str, action: str, note: str = ""):
    return act(client, f"/applications/{application_id}", action, note)


def _status(backends, application_id: str) -> str:
    return requests.get(f"{backends['lokseva']}/api/v1/applications/{application_id}", headers=CLIENT, timeout=10).json()["status"]


def test_review_approve_issue_changes_the_application_and_tells_the_citizen(login, submit_application, backends, rasa,
                                                                           app):
    number = submit_application()
    officer = login("revenue_officer")
    assert number in officer.get(f"/applications/{number}").text

    for action, status, label in (("start_review", "under_review", "Under review"), ("approve", "approved", "Approved"),
                                  ("issue", "issued", "Certificate issued")):
        page = _act(officer, number, action)
        assert page.status_code == 200 and f"status now {label}" in page.text
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
    assert "The Lok Seva API refused: A reason is required to reject an application." in refused.text
    assert _status(backends, number) == "submitted" and "{&#34;error&#34;" not in refused.text
    _act(officer, number, "reject", note="Income proof is not legible")
    application = requests.get(f"{backends['lokseva']}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
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


def _birth_application(backends) -> str:
    body = {"service": "birth_certificate",
            "applicant": {"name": "Sunita Bhuria", "mobile": "9876543210", "wa_id": CITIZEN_WA_ID,
                          "address": "Gram Kalidevi, Tehsil Jhabua", "pincode": "457661"},
            "answers": {"child_name": "Ravi Bhuria", "child_gender": "male", "date_of_birth": "01-12-2025",
                        "place_of_birth": "Jhabua", "father_name": "Ramesh Bhuria", "mother_name": "Sunita Bhuria"}}
    response = requests.post(f"{backends['lokseva']}/api/v1/applications", json=body, headers=CLIENT, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["application_id"]


def test_officers_list_their_departments_applications_without_a_mobile(login, submit_application, backends):
    income, birth = submit_application(), _birth_application(backends)  # Revenue; Urban Administration
    revenue = login("revenue_officer")
    page = revenue.get("/applications").text
    assert income in page and birth not in page
    assert income not in revenue.get("/applications?status=under_review").text
    _act(revenue, income, "start_review")
    assert income in revenue.get("/applications?status=under_review").text
    assert income not in revenue.get("/applications?service=caste_certificate").text
    assert income not in revenue.get("/applications?overdue=true").text  # 15 days to go
    assert birth not in revenue.get("/applications?department=Urban Administration / Panchayat").text
    admin = login("admin")
    assert income in admin.get("/applications").text and birth in admin.get("/applications").text
    urban_only = admin.get("/applications", params={"department": "Urban Administration / Panchayat"}).text
    assert birth in urban_only and income not in urban_only


def test_the_application_page_shows_the_applicant_the_documents_and_the_certificate(login, backends):
    photo = b"\x89PNG\r\n\x1a\n" + b"scan of the income proof"
    uploaded = requests.post(f"{backends['lokseva']}/api/v1/documents", files={"file": ("proof.png", photo, "image/png")},
                             headers=CLIENT, timeout=10).json()
    body = {"service": "income_certificate", "document_ids": [uploaded["document_id"]],
            "applicant": {"name": "Sunita Bhuria", "mobile": "9876543210", "wa_id": CITIZEN_WA_ID,
                          "aadhaar": AADHAAR, "address": "Gram Kalidevi, Tehsil Jhabua", "pincode": "457661"},
            "answers": {"father_or_husband_name": "Ramesh Bhuria", "annual_income": "120000",
                        "income_source": "agriculture"}}
    number = requests.post(f"{backends['lokseva']}/api/v1/applications", json=body, headers=CLIENT, timeout=10).json()["application_id"]
    officer = login("revenue_officer")
    page = officer.get(f"/applications/{number}").text
    assert f"XXXX XXXX {AADHAAR[-4:]}" in page and AADHAAR not in page and "9876543210" not in page
    assert "proof.png" in page and "<td>Submitted</td>" in page
    link = f"/applications/{number}/documents/{uploaded['document_id']}"
    assert link in page
    document = officer.get(link)
    assert document.status_code == 200 and document.content == photo and document.headers["content-type"] == "image/png"
    assert document.headers["content-disposition"] == f'inline; filename="{uploaded["document_id"]}.png"'
    assert login("urban_officer").get(link).status_code == 404
    assert officer.get(f"/applications/{number}/documents/doc_not_this_one").status_code == 404

    assert officer.get(f"/applications/{number}/certificate").status_code == 404
    for action in ("start_review", "approve", "issue"):
        _act(officer, number, action)
    page = officer.get(f"/applications/{number}").text
    assert f"/applications/{number}/certificate" in page
    certificate = officer.get(f"/applications/{number}/certificate")
    assert certificate.status_code == 200 and certificate.content.startswith(b"%PDF-")
    assert certificate.headers["content-disposition"] == f'inline; filename="{number}.pdf"'


def test_the_overview_counts_overdue_work_and_today_per_department(login, submit_application, file_complaint):
    submit_application()
    file_complaint()
    page = login("urban_officer").get("/").text
    assert "Overdue applications" in page and "Overdue complaints" in page
    assert "Solid Waste Management Department (complaints)" in page
    complaints_row = page[page.index("Solid Waste Management Department (complaints)"):].split("</tr>")[0]
    assert int(complaints_row.split("<td>")[1].split("<")[0]) >= 1  # new today, counted by the 311 API
    open_count = page.split('href="/complaints?status=open">')[1].split("<")[0]
    assert int(open_count) >= 1
    assert "Urban Administration / Panchayat (applications)" in page and "Revenue Department" not in page
    revenue_page = login("revenue_officer").get("/").text
    row = revenue_page[revenue_page.index("Revenue Department (applications)"):].split("</tr>")[0]
    new_today = int(row.split("<td>")[2].split("<")[0])
    assert new_today >= 1


def test_the_certificate_is_signed_with_the_officers_name_and_its_code_shown_as_printed(login, submit_application,
                                                                                       backends):
    number = submit_application()
    officer = login("revenue_officer")
    for action in ("start_review", "approve", "issue"):
        _act(officer, number, action)
    application = requests.get(f"{backends['lokseva']}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    # What the dashboard sends as `officer` is what the certificate prints above the designation.
    assert [entry["officer"] for entry in application["history"][1:]] == ["Anil Damor"] * 3
    code = application["certificate"]["verification_code"]
    printed = f"{code[:5]}-{code[5:]}"
    assert application["certificate"]["verification_url"].endswith("/" + printed)  # the PDF's form
    page = officer.get(f"/applications/{number}").text
    history = page.split("<h2>History</h2>")[1].split("</table>")[0]
    assert f"verification code <strong>{printed}</strong>" in page and "<td>Anil Damor</td></tr>" in history


def _caste_application(backends) -> str:
    body = {"service": "caste_certificate",
            "applicant": {"name": "Sunita Bhuria", "mobile": "9876543210", "wa_id": CITIZEN_WA_ID,
                          "address": "Gram Kalidevi, Tehsil Jhabua", "pincode": "457661"},
            "answers": {"father_or_husband_name": "Ramesh Bhuria", "category": "st", "caste": "Bhil"}}
    response = requests.post(f"{backends['lokseva']}/api/v1/applications", json=body, headers=CLIENT, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["application_id"]


def test_answers_statuses_and_times_are_shown_by_their_labels_in_india_time(login, backends):
    number = _caste_application(backends)
    officer = login("revenue_officer")
    _act(officer, number, "start_review")
    _act(officer, number, "request_documents", note="Samagra ID")
    page = officer.get(f"/applications/{number}").text
    answers = page.split("<th>Answers</th>")[1].split("</tr>")[0]
    assert "Category: Scheduled Tribe" in answers and "Caste: Bhil" in answers
    assert "Father&#39;s or husband&#39;s name: Ramesh Bhuria" in answers and "father_or_husband_name" not in page
    assert "<td>Documents requested</td>" in page and "documents_requested" not in page
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", page) and re.search(r"<td>\d\d-\d\d-\d{4} \d\d:\d\d</td>", page)
    listing = officer.get("/applications").text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", listing) and "Under review" in listing.split("<table>")[1]


def test_an_action_the_status_does_not_allow_is_refused_plainly(login, submit_application, backends, app):
    number = submit_application()
    officer = login("revenue_officer")
    page = officer.get(f"/applications/{number}").text
    form = re.search(r'<form [^>]*class="act">.*?</form>', page, re.S).group(0)
    offered = re.findall(r'<option value="([^"]*)"', form)
    assert offered == ["start_review", "reject", "note"]
    refused = _act(officer, number, "issue")
    assert "“Issue certificate” is not possible while the application is “Submitted”" in refused.text
    assert _status(backends, number) == "submitted" and app.state.dashboard.audit.entries(item_id=number) == []
