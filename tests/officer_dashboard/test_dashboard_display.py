"""How values read on the officers' pages: India time day first, the catalogue's labels for answers,
verification codes as printed, downloads with their extension, the analytics sections a department has."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from dashboard_helpers import DEV_PASSWORD, csrf_of
from fastapi.testclient import TestClient

from jan_seva.whatsapp.file_store import FileStore
from officer_dashboard.app import create_app
from officer_dashboard.application_view import answer_rows, printed_code
from officer_dashboard.settings import Settings
from officer_dashboard.times import parsed_day, shown_day, shown_time


@pytest.mark.parametrize("moment", ["2026-12-04T14:05:00+05:30", "2026-12-04T08:35:00+00:00",
                                    datetime(2026, 12, 4, 8, 35), datetime(2026, 12, 4, 8, 35, tzinfo=timezone.utc)])
def test_times_are_shown_in_india_day_first(moment):
    assert shown_time(moment) == "04-12-2026 14:05"


def test_days_are_shown_and_read_day_first():
    assert shown_day("2026-12-19") == shown_day(date(2026, 12, 19)) == "19-12-2026"
    assert shown_time(None) == shown_day("") == ""
    assert parsed_day("19-12-2026") == parsed_day("2026-12-19") == date(2026, 12, 19)
    assert parsed_day("yesterday") is None and parsed_day(None) is None


SERVICE = {"fields": [
    {"name": "father_or_husband_name", "type": "name",
     "label": {"hi": "पिता/पति का नाम", "en": "Father's or husband's name"}},
    {"name": "category", "type": "choice", "label": {"hi": "वर्ग", "en": "Category"},
     "choices": [{"value": "st", "hi": "अनुसूचित जनजाति", "en": "Scheduled Tribe"}]},
    {"name": "date_of_birth", "type": "date", "label": {"hi": "जन्म तिथि", "en": "Date of birth"}},
    {"name": "caste", "type": "text", "label": {"hi": "जाति", "en": "Caste"}, "required": False},
]}


def test_answers_read_under_the_catalogues_labels():
    answers = {"category": "st", "date_of_birth": "2025-12-01", "father_or_husband_name": "Ramesh Bhuria",
               "dropped_field": "kept"}
    assert answer_rows(SERVICE, answers) == [("Father's or husband's name", "Ramesh Bhuria"),
                                             ("Category", "Scheduled Tribe"), ("Date of birth", "01-12-2025"),
                                             ("dropped_field", "kept")]


def test_the_verification_code_reads_as_the_certificate_prints_it():
    assert printed_code("0NWZJTJBHK") == "0NWZJ-TJBHK"


def _logged_in(app, username: str) -> TestClient:
    client = TestClient(app)
    client.post("/login", data={"username": username, "password": DEV_PASSWORD,
                                "csrf_token": csrf_of(client, "/login")})
    return client


def test_a_citizens_file_downloads_with_its_extension(app, tmp_path):
    app.state.inbox = replace(app.state.inbox, files=FileStore(tmp_path))
    stored = app.state.inbox.files.save(b"\xff\xd8\xff photo", ".jpg")
    response = _logged_in(app, "urban_officer").get(f"/inbox/files/{stored.file_id}")
    assert response.headers["content-disposition"] == f'inline; filename="{stored.file_id}.jpg"'


def test_a_department_without_lok_seva_services_sees_only_complaint_analytics(dashboard_env, tmp_path):
    users = tmp_path / "users.yml"
    users.write_text("departments:\n  water:\n    name: Water Works\n    lokseva: []\n    open311: [water]\n"
                     "users:\n  - {username: water_officer, name: Rekha Jain, role: officer, department: water}\n",
                     encoding="utf-8")
    app = create_app(Settings.from_env({**dashboard_env, "DASHBOARD_USERS_FILE": str(users)}))
    html = _logged_in(app, "water_officer").get("/analytics").text
    assert "<h2>Complaints</h2>" in html and "<h2>Lok Seva applications</h2>" not in html
