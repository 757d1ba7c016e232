"""311 complaints through the dashboard: department lists with filters and SLA,
acknowledge → resolve reaches the 311 API and the citizen, the audit log keeps it."""
import re

import requests
from dashboard_helpers import act, csrf_of, post_form

from tests.images import png

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
    for action, status, label in (("acknowledge", "acknowledged", "Acknowledged"), ("resolve", "resolved", "Resolved")):
        assert f"status now {label}" in _act(officer, number, action, note="Team sent").text
        assert _status(backends, number) == status
    assert rasa.requests == [
        (f"/conversations/{CITIZEN_WA_ID}/trigger_intent?output_channel=whatsapp",
         {"name": "EXTERNAL_status_changed", "entities": {"record_kind": "complaint", "record_id": number, "new_status": status}})
        for status in ("acknowledged", "resolved")
    ]
    entries = app.state.dashboard.audit.entries(kind="complaint", item_id=number)
    assert [(e.action, e.new_status, e.note) for e in reversed(entries)] == [
        ("acknowledge", "acknowledged", "Team sent"), ("resolve", "resolved", "Team sent")]


def test_an_action_the_status_does_not_allow_is_refused_plainly_and_not_sent(login, file_complaint, rasa, app,
                                                                            backends):
    number = file_complaint()
    officer = login("urban_officer")
    _act(officer, number, "close")
    page = _act(officer, number, "acknowledge")  # from a page opened before the complaint was closed
    assert "“Acknowledge” is not possible while the complaint is “Closed”; nothing was changed." in page.text
    assert _status(backends, number) == "closed"
    assert [r[1]["entities"]["new_status"] for r in rasa.requests] == ["closed"]
    assert [entry.action for entry in app.state.dashboard.audit.entries(item_id=number)] == ["close"]


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


PNG = png()


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
    assert "status now Resolved" in page.text
    [published] = list((tmp_path / "photos").iterdir())  # the refused upload was never written
    assert published.read_bytes().startswith(b"\x89PNG")  # drawn afresh, without metadata
    url = f"{backends['open311']}/api/v1/requests/{number}"
    photos = requests.get(url, headers={"X-API-Key": "dev-operator-key"}, timeout=10).json()["extended_attributes"]["photos"]
    assert [(p["kind"], p["media_url"].rsplit("/", 1)[1]) for p in photos] == [("after", published.name)]
    assert published.name in page.text and "after the work" in page.text  # shown on the complaint's page


def test_a_resolution_the_status_does_not_allow_publishes_no_photo(login, file_complaint, monkeypatch, tmp_path):
    monkeypatch.setenv("COMPLAINT_PHOTO_DIR", str(tmp_path / "photos"))
    number = file_complaint()
    officer = login("urban_officer")
    _act(officer, number, "close")
    assert "“Resolve” is not possible while the complaint is “Closed”" in _resolve_with(officer, number, PNG).text
    assert not (tmp_path / "photos").exists() or not list((tmp_path / "photos").iterdir())


def _options(page: str, name: str) -> list:
    """(value, label) of the drop-down `name`."""
    select = re.search(rf'<select name="{name}">(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_the_filters_are_drop_downs_of_names_within_the_officers_departments(login):
    page = login("urban_officer").get("/complaints").text
    assert ("vijay_nagar", "Vijay Nagar") in _options(page, "ward") and ("palasia", "Palasia") in _options(page, "ward")
    assert ("garbage", "Garbage not collected") in _options(page, "service_code")
    assert ("swm", "Solid Waste Management Department") in _options(page, "department")
    statuses = [value for value, _ in _options(page, "status")]
    assert len(statuses) == len(set(statuses)) and {"open", "escalated", "closed", "resolved"} <= set(statuses)
    admin_page = login("admin").get("/complaints").text
    assert len(_options(admin_page, "department")) >= len(_options(page, "department"))
    assert _options(login("revenue_officer").get("/complaints").text, "department") == [("", "all of yours")]


def test_a_filter_the_backend_refuses_is_told_in_plain_words(login):
    page = login("urban_officer").get("/complaints", params={"ward": "Palasia"})
    assert "The 311 API refused: ward: unknown Palasia" in page.text
    assert "[{" not in page.text and "&#34;" not in page.text


def test_status_filters_tell_closed_from_resolved_and_find_escalated_ones(login, file_complaint):
    resolved, closed, escalated = file_complaint(), file_complaint(), file_complaint()
    officer = login("urban_officer")
    _act(officer, resolved, "resolve")
    _act(officer, closed, "close")
    _act(officer, escalated, "escalate")

    def listed(status: str) -> str:
        return officer.get("/complaints", params={"status": status}).text

    assert closed in listed("closed") and resolved not in listed("closed")
    assert resolved in listed("resolved") and closed not in listed("resolved")
    assert escalated in listed("escalated") and resolved not in listed("escalated")
    assert escalated in listed("open") and closed not in listed("open")


def _action_options(page: str) -> list:
    form = re.search(r'<form [^>]*class="act">.*?</form>', page, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', form)


def test_only_the_actions_the_status_allows_are_offered(login, file_complaint):
    number = file_complaint()
    officer = login("urban_officer")
    page = officer.get(f"/complaints/{number}").text
    assert _action_options(page) == ["acknowledge", "start_work", "close", "escalate", "note"]
    assert 'class="resolve"' in page
    _act(officer, number, "close")
    page = officer.get(f"/complaints/{number}").text
    assert _action_options(page) == ["note"] and 'class="resolve"' not in page


def test_resolving_has_its_own_form_that_asks_for_the_after_photo(login, file_complaint):
    page = login("urban_officer").get(f"/complaints/{file_complaint()}").text
    resolve = re.search(r'<form [^>]*class="resolve">.*?</form>', page, re.S).group(0)
    assert 'enctype="multipart/form-data"' in resolve
    assert '<input type="hidden" name="action" value="resolve">' in resolve
    assert 'type="file" name="after_photo"' in resolve and "After-photo of the finished work" in resolve
    assert "after_photo" not in re.search(r'<form [^>]*class="act">.*?</form>', page, re.S).group(0)


def test_the_list_is_paged_and_the_pages_keep_the_filters(login, file_complaint):
    for _ in range(21):
        file_complaint()
    officer = login("urban_officer")
    first = officer.get("/complaints", params={"status": "open", "service_code": "garbage"}).text
    rows = first.count('<td><a href="/complaints/')
    assert rows == 20 and "Page 1 of" in first
    assert '<a href="/complaints?status=open&amp;service_code=garbage&amp;page=2">next</a>' in first
    second = officer.get("/complaints", params={"status": "open", "service_code": "garbage", "page": 2}).text
    assert "Page 2 of" in second and "previous" in second


ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
SHOWN_TIME = re.compile(r"\d\d-\d\d-\d{4} \d\d:\d\d")


def test_times_and_statuses_are_shown_in_india_time_and_by_their_labels(login, file_complaint):
    number = file_complaint()
    officer = login("urban_officer")
    _act(officer, number, "start_work")
    for page in (officer.get("/complaints").text, officer.get(f"/complaints/{number}").text):
        assert not ISO_TIME.search(page) and SHOWN_TIME.search(page)
        assert "In progress" in page and "in_progress" not in page.split("<select")[0]


def test_a_photo_address_from_outside_is_linked_never_loaded(login, file_complaint):
    outside = "https://tracker.example.net/pixel.jpg"  # what any Open311 client may send as media_url
    number = file_complaint(media_url=outside)
    page = login("urban_officer").get(f"/complaints/{number}")
    assert f'src="{outside}"' not in page.text and f'href="{outside}"' in page.text
    assert page.headers["Content-Security-Policy"].startswith("img-src 'self' http://127.0.0.1")
