"""The audit page: a department head reads every action on the department's items (whoever took
it: officers, the admin, SLA escalations), and filters by officer, action, item and day."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from dashboard_helpers import act

from officer_dashboard.escalation import SLA_USER
from officer_dashboard.times import INDIA


def logged(page: str):
    """(officer, item, action) of each row of the audit table."""
    table = page.split("<table>")[1]
    row = r"<tr><td>[^<]*</td><td>([^<]*)</td>\s*<td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td>\s*<td>([^<]*)</td>"
    return re.findall(row, table)


def test_a_department_head_sees_every_action_on_the_departments_items(login, file_complaint, submit_application,
                                                                      app):
    complaint, application = file_complaint(), submit_application()  # Urban Administration's; Revenue's
    admin = login("admin")
    act(admin, f"/complaints/{complaint}", "acknowledge")
    act(admin, f"/applications/{application}", "start_review")
    app.state.dashboard.audit.record(SLA_USER, "complaint", complaint, "escalate", "past its SLA", "ok",
                                     item_department="swm")
    act(login("urban_officer"), f"/complaints/{complaint}", "note", note="Team informed")

    rows = logged(login("urban_head").get("/audit").text)
    on_items = [row for row in rows if row[1].startswith("complaint") or row[1].startswith("application")]
    item = f"complaint {complaint}"
    assert on_items == [("urban_officer", item, "Note"), ("sla", item, "Escalate"),
                        ("admin", item, "Acknowledge")]  # not the Revenue application


def test_the_log_is_filtered_by_officer_action_item_and_day(login, file_complaint):
    first, second = file_complaint(), file_complaint()
    officer = login("urban_officer")
    act(officer, f"/complaints/{first}", "acknowledge")
    act(officer, f"/complaints/{second}", "note", note="Called the citizen")
    admin = login("admin")

    def items(**wanted) -> list:
        return [row[1] for row in logged(admin.get("/audit", params=wanted).text)]

    assert items(item_id=second) == [f"complaint {second}"]
    assert items(action="acknowledge") == [f"complaint {first}"]
    assert items(username="urban_officer", action="note") == [f"complaint {second}"]
    today = datetime.now(INDIA).date()
    assert f"complaint {first}" in items(day=today.isoformat())
    assert items(day=(today - timedelta(days=1)).strftime("%d-%m-%Y")) == []
    page = admin.get("/audit", params={"action": "note"}).text
    assert '<option value="note" selected>Note</option>' in page


def test_times_in_the_log_are_india_time(login, file_complaint, app):
    number = file_complaint()
    officer = login("urban_officer")
    act(officer, f"/complaints/{number}", "acknowledge")
    [entry] = app.state.dashboard.audit.entries(item_id=number)
    shown = (entry.at + timedelta(hours=5, minutes=30)).strftime("%d-%m-%Y %H:%M")  # the table keeps UTC
    assert f"<tr><td>{shown}</td><td>urban_officer</td>" in officer.get(f"/complaints/{number}").text
