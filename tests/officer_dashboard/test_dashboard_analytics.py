"""The analytics page: complaint figures computed from the 311 history, the Lok Seva report,
and the inline SVG bar charts; each officer sees their own department(s), an admin all."""
from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

from dashboard_helpers import act
from fastapi.testclient import TestClient

from officer_dashboard.analytics import complaint_figures, resolved_at
from officer_dashboard.charts import BAR_SPACE, bar_chart

FILED = "2026-01-05T10:00:00+05:30"
SLA_TIME = "2026-01-06T10:00:00+05:30"  # 24 hours later
GARBAGE, STREETLIGHT = "Garbage not collected", "Street light not working"
CLOSED = {"resolved", "closed"}


def complaint(*steps: Tuple[str, str], category: str = GARBAGE, ward: Optional[str] = "Vijay Nagar",
              expected: Optional[str] = SLA_TIME, overdue: bool = False) -> dict:
    """A complaint as the 311 operator API lists it; `steps`: (internal status, time) after filing."""
    history = (("submitted", FILED),) + steps
    notes = [{"internal_status": status, "status": "closed" if status in CLOSED else "open", "datetime": at}
             for status, at in history]
    return {"service_name": category, "status": notes[-1]["status"], "requested_datetime": FILED,
            "expected_datetime": expected, "notes": notes,
            "extended_attributes": {"ward": {"name": ward} if ward else None, "overdue": overdue}}


def test_no_complaints_no_figures():
    figures = complaint_figures([])
    assert (figures.total, figures.open, figures.by_category, figures.by_ward) == (0, 0, [], [])
    assert figures.resolution.median_hours is None and figures.resolution.sla.share_in_time is None


def test_resolution_counts_from_filing_to_the_last_resolution():
    assert resolved_at(complaint(("acknowledged", "2026-01-05T11:00:00+05:30"))) is None
    # Resolved, later closed: resolved when it was resolved.
    closed_later = complaint(("resolved", "2026-01-05T15:00:00+05:30"), ("closed", "2026-01-08T10:00:00+05:30"))
    assert resolved_at(closed_later).isoformat() == "2026-01-05T15:00:00+05:30"
    # Reopened and resolved again: the second resolution counts.
    reopened = complaint(("resolved", "2026-01-05T12:00:00+05:30"), ("reopened", "2026-01-06T09:00:00+05:30"),
                         ("resolved", "2026-01-07T10:00:00+05:30"))
    assert resolved_at(reopened).isoformat() == "2026-01-07T10:00:00+05:30"


def test_median_hours_and_sla_over_resolved_and_open_complaints():
    figures = complaint_figures([
        complaint(("resolved", "2026-01-05T12:00:00+05:30")),  # 2 h, in time
        complaint(("resolved", "2026-01-05T20:00:00+05:30"), ("closed", "2026-01-09T10:00:00+05:30")),  # 10 h
        complaint(("closed", "2026-01-07T10:00:00+05:30"), category=STREETLIGHT, ward=None),  # 48 h, late
        complaint(("acknowledged", "2026-01-05T11:00:00+05:30"), overdue=True),  # open, past its SLA: late
        complaint(),  # open, within its SLA: not known yet
    ])
    assert (figures.total, figures.open) == (5, 2)
    assert figures.by_category == [(GARBAGE, 4), (STREETLIGHT, 1)]
    assert figures.by_ward == [("Vijay Nagar", 4), ("-", 1)]
    assert figures.resolution.median_hours == 10.0
    assert figures.resolution.sla.as_dict() == {"in_time": 2, "settled_late": 1, "open_overdue": 1,
                                                "share_in_time": 0.5}
    garbage, streetlight = figures.resolution_by_category[GARBAGE], figures.resolution_by_category[STREETLIGHT]
    assert (garbage.median_hours, garbage.sla.share_in_time) == (6.0, 0.667)
    assert (streetlight.median_hours, streetlight.sla.share_in_time) == (48.0, 0.0)


def test_a_category_without_an_sla_time_is_not_counted_against_one():
    figures = complaint_figures([complaint(("resolved", "2026-01-05T12:00:00+05:30"), expected=None)])
    assert figures.resolution.median_hours == 2.0 and figures.resolution.sla.share_in_time is None


def test_bars_are_scaled_to_the_largest_value_or_the_given_maximum():
    chart = bar_chart("c", "Counts", [("a", 4), ("b", 2), ("none yet", None)], "Nothing")
    assert [(bar.label, bar.value_text, bar.width) for bar in chart.bars] == [("a", "4", BAR_SPACE),
                                                                              ("b", "2", BAR_SPACE / 2)]
    assert chart.description == "a: 4; b: 2"
    percent = bar_chart("p", "Share", [("a", 50.0)], "Nothing", value_text="{:g}%".format, scale_max=100)
    assert (percent.bars[0].width, percent.bars[0].value_text) == (BAR_SPACE / 2, "50%")


def test_empty_and_all_zero_charts_and_long_labels():
    empty = bar_chart("e", "Counts", [], "Nothing yet")
    assert empty.bars == [] and empty.description == "Nothing yet"
    zeros = bar_chart("z", "Share", [("a", 0.0)], "Nothing")
    assert zeros.bars[0].width == 0
    long_label = "Certified copy of the land record (Khasra / B-1)"
    bar = bar_chart("l", "Counts", [(long_label, 1)], "Nothing").bars[0]
    assert bar.label == long_label and bar.short_label.endswith("…") and len(bar.short_label) == 32


def chart_bars(page: str, chart_id: str) -> Dict[str, str]:
    """label -> value text of the bars of the SVG chart `chart_id` ({} where it has no bars, so no SVG)."""
    svg = re.search(rf'<svg id="{chart_id}".*?</svg>', page, re.S)
    return dict(re.findall(r'<g class="bar" data-label="([^"]*)" data-value="([^"]*)">', svg.group(0))) if svg else {}


def count(page: str, chart_id: str, label: str) -> int:
    return int(chart_bars(page, chart_id).get(label, 0))


def test_an_officer_sees_the_complaints_of_their_department_with_resolution_and_sla(login, file_complaint):
    officer = login("urban_officer")
    before = officer.get("/analytics").text
    filed = [file_complaint("garbage") for _ in range(2)]
    for action in ("acknowledge", "resolve"):
        assert act(officer, f"/complaints/{filed[0]}", action).status_code == 200

    page = officer.get("/analytics")
    assert page.status_code == 200
    html = page.text
    assert count(html, "complaints-by-category", GARBAGE) == count(before, "complaints-by-category", GARBAGE) + 2
    assert count(html, "complaints-by-ward", "Vijay Nagar") == count(before, "complaints-by-ward", "Vijay Nagar") + 2
    # Resolved within seconds of filing, well within 24 hours.
    assert float(chart_bars(html, "complaint-hours")[GARBAGE]) < 1
    assert chart_bars(html, "complaint-sla")[GARBAGE] == "100%"
    assert "<title id=\"complaints-by-category-title\">Complaints by category</title>" in html
    # Urban Administration renders birth and death certificates, not income certificates.
    assert "Lok Seva applications by service" in html and "Income Certificate" not in html


def test_lok_seva_figures_come_from_the_report_of_the_officers_departments(login, submit_application):
    officer = login("revenue_officer")
    before = officer.get("/analytics").text
    decided = submit_application()
    submit_application()
    for action in ("start_review", "approve", "issue"):
        assert act(officer, f"/applications/{decided}", action).status_code == 200

    html = officer.get("/analytics").text
    assert count(html, "applications-by-service", "Income Certificate") == \
        count(before, "applications-by-service", "Income Certificate") + 2
    assert float(chart_bars(html, "application-days")["Income Certificate"]) < 1
    # Issued the day it was filed: within the 15 days; nothing filed today is late yet.
    assert chart_bars(html, "application-time-limit")["Income Certificate"] == "100%"
    # The revenue department has no 311 categories: no complaint figures at all.
    assert "<h2>Complaints</h2>" not in html and 'id="complaints-by-category"' not in html


def test_an_admin_sees_every_department(login, file_complaint, submit_application):
    file_complaint("garbage")
    submit_application()
    html = login("admin").get("/analytics").text
    assert count(html, "complaints-by-category", GARBAGE) >= 1
    assert count(html, "applications-by-service", "Income Certificate") >= 1


def test_the_page_needs_a_login(app):
    response = TestClient(app).get("/analytics", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
