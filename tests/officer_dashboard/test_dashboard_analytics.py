"""The analytics page: complaint figures from the 311 report, the Lok Seva report,
and the inline SVG bar charts; each officer sees their own department(s), an admin all."""
from __future__ import annotations

import re
from typing import Dict

from dashboard_helpers import act
from fastapi.testclient import TestClient

from officer_dashboard.analytics import complaint_figures
from officer_dashboard.charts import BAR_SPACE, bar_chart

GARBAGE = "Garbage not collected"
REPORT = {"total": 3, "open": 1,
          "resolution": {"median_hours": 6.0, "sla": {"in_time": 1, "settled_late": 1, "open_overdue": 0,
                                                      "share_in_time": 0.5}},
          "categories": [{"service_code": "garbage", "service_name": GARBAGE, "total": 3,
                          "resolution": {"median_hours": 6.0, "sla": {"in_time": 1, "settled_late": 1,
                                                                      "open_overdue": 0, "share_in_time": 0.5}}}],
          "wards": [{"ward": "vijay_nagar", "name": "Vijay Nagar", "total": 2}, {"ward": None, "name": "-", "total": 1}]}


def test_the_311_report_becomes_the_pages_series():
    figures = complaint_figures(REPORT)
    assert (figures.total, figures.open) == (3, 1)
    assert figures.by_category == [(GARBAGE, 3)] and figures.by_ward == [("Vijay Nagar", 2), ("-", 1)]
    assert figures.resolution_by_category[GARBAGE]["median_hours"] == 6.0


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
