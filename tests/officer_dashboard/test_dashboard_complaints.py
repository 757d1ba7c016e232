"""311 complaints through the dashboard: department lists with filters and SLA,
acknowledge → resolve reaches the 311 API and the citizen, the audit log keeps it."""
import requests

from dashboard_helpers import act, csrf_of, post_form

CITIZEN_WA_ID = "919827012345"  # the complaint's phone, as the 311 API keeps it


def _act(client, request_id: str, action: str, note: str = ""):
    return act(client, f"/complaints/{request_id}", action, note)


def _status(backends, request_id: str) -> str:
    url = f"{backends['open311']}/api/v1/requests/{request_id}"
    complaint = requests.get(url, headers={"X-API-Key": "dev-operator-key"}, timeout=10).json()
    return complaint["extended_attributes"]["internal_status"]


def test_acknowledge_and_resolve_change_the_complaint_and_tell_the_citizen(login, file_complaint, backends, rasa,
                                                                         app):
    number = file_complaint()
    officer = login("urban_officer")
    for action, status in (("acknowledge", "acknowledged"), ("resolve", "resolved")):
        assert f"status now {status}" in _act(officer, number, action, note="Team sent").text
        assert _status(backends, number) == status
    assert rasa.requests == [
        (f"/conversations/{CITIZEN_WA_ID}/trigger_intent?output_channel=whatsapp",
         {"name": "EXTERNAL_status_changed", "entities": {"record_kind": "complaint", "record_id": number, "new_status": status}})
        for status in ("acknowledged", "resolved")
    ]
    entries = app.state.dashboard.audit.entries(kind="complaint", item_id=number)
    assert [(e.action, e.new_status, e.note) for e in reversed(entries)] == [
        ("acknowledge", "acknowledged", "Team sent"), ("resolve", "resolved", "Team sent")]


def test_a_refused_transition_is_shown_and_logged_but_not_sent(login, file_complaint, rasa, app):
    number = file_complaint()
    officer = login("urban_officer")
    _act(officer, number, "close")
    page = _act(officer, number, "acknowledge")
    assert "Refused by the backend" in page.text
    assert [r[1]["entities"]["new_status"] for r in rasa.requests] == ["closed"]
    assert app.state.dashboard.audit.entries(item_id=number)[0].outcome == "failed"


def test_the_list_filters_and_counts_overdue(login, file_complaint):
    number = file_complaint()
    officer = login("urban_officer")
    assert number in officer.get("/complaints?status=submitted&service_code=garbage&ward=vijay_nagar").text
    assert number not in officer.get("/complaints?status=closed").text
    assert number not in officer.get("/complaints?ward=khajrana").text
    assert number not in officer.get("/complaints?overdue=true").text  # just filed: within its SLA
    assert "Overdue complaints" in officer.get("/").text


def test_officers_see_only_their_departments_complaints(login, file_complaint):
    number = file_complaint()
    revenue = login("revenue_officer")  # no 311 department
    assert revenue.get(f"/complaints/{number}").status_code == 404
    assert _act(revenue, number, "acknowledge").status_code == 404
    assert number not in revenue.get("/complaints").text
    assert number not in revenue.get("/complaints?department=swm").text
    assert number in login("urban_officer").get("/complaints").text


def test_a_department_head_assigns_within_the_department(login, file_complaint, app):
    number = file_complaint()
    head = login("urban_head")
    page, assign = f"/complaints/{number}", f"/assign/complaint/{number}"
    assert "Assigned to Priya Sharma." in post_form(head, page, assign, assignee="urban_officer").text
    assert "revenue_officer cannot be assigned" in post_form(head, page, assign, assignee="revenue_officer").text
    officer = login("urban_officer")
    assert number in officer.get("/complaints?mine=true").text
    assert post_form(officer, page, assign, assignee="urban_officer").status_code == 403
    entry = app.state.dashboard.audit.entries(item_id=number)[0]
    assert (entry.action, entry.note, entry.username, entry.department) == (
        "assign", "urban_officer", "urban_head", "urban")


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f4bd3a0000000049454e44ae426082")


def _resolve_with(client, request_id: str, photo: bytes):
    page = f"/complaints/{request_id}"
    data = {"action": "resolve", "note": "Cleaned", "csrf_token": csrf_of(client, page)}
    return client.post(f"{page}/actions", data=data, files={"after_photo": ("after.png", photo, "image/png")})


def test_resolving_with_an_after_photo_publishes_it_on_the_complaint(login, file_complaint, backends, monkeypatch,
                                                                     tmp_path):
    monkeypatch.setenv("COMPLAINT_PHOTO_DIR", str(tmp_path / "photos"))
    number = file_complaint()
    officer = login("urban_officer")
    refused = _resolve_with(officer, number, b"MZ\x90\x00 not a picture")
    assert "must be a JPG, PNG or WebP" in refused.text and _status(backends, number) == "submitted"

    page = _resolve_with(officer, number, PNG)
    assert "status now resolved" in page.text
    [published] = list((tmp_path / "photos").iterdir())  # the refused upload was never written
    assert published.read_bytes() == PNG
    url = f"{backends['open311']}/api/v1/requests/{number}"
    photos = requests.get(url, headers={"X-API-Key": "dev-operator-key"}, timeout=10).json()["extended_attributes"]["photos"]
    assert [(p["kind"], p["media_url"].rsplit("/", 1)[1]) for p in photos] == [("after", published.name)]
    assert published.name in page.text and "after the work" in page.text  # shown on the complaint's page
