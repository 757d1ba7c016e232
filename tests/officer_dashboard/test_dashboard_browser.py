"""The dashboard as a real HTTP server (python -m officer_dashboard) against the real backends,
used in a real headless Chromium: log in, filter the complaints, act on one, read the analytics
charts and the audit log, log out (after which a kept copy of the session cookie opens nothing).
The district administrator sees both backends' figures.
Screenshots of every page: results/screenshots/dashboard-*.png."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

import pytest
import requests
from dashboard_helpers import DEV_PASSWORD

from tests.browser import browser, screenshot  # noqa: F401 (browser: the fixture)
from tests.servers import free_port, running

GARBAGE = "Garbage not collected"
OPERATOR_KEY = {"X-API-Key": "dev-operator-key"}  # the 311 API's local default


@pytest.fixture
def dashboard_url(dashboard_env, tmp_path) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(["officer_dashboard"], {**dashboard_env, "DASHBOARD_PORT": str(port)}, f"{base}/health",
                 tmp_path / "dashboard.log"):
        yield base


def test_an_officer_works_a_complaint_and_reads_the_charts(browser, dashboard_url, backends, file_complaint,
                                                            submit_application):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    # Something for every chart: a complaint resolved at once (in its SLA), an application.
    resolved = file_complaint("garbage")
    response = requests.post(f"{backends['open311']}/api/v1/requests/{resolved}/resolve", json={"note": "Cleared"},
                             headers=OPERATOR_KEY, timeout=10)
    assert response.status_code == 200, response.text
    submit_application()
    number = file_complaint("garbage")
    browser.set_window_size(1200, 900)

    def wait(condition: Callable[[Any], Any]) -> Any:
        # A page being replaced by the next one may go stale under the condition: look again.
        return WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(condition)

    def page_text() -> str:
        return browser.find_element(By.TAG_NAME, "body").text

    def log_in(password: str) -> None:
        browser.find_element(By.NAME, "username").send_keys("admin")
        browser.find_element(By.NAME, "password").send_keys(password)
        browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()

    def follow(link_text: str) -> None:
        old = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.LINK_TEXT, link_text).click()
        wait(lambda d: old != d.find_element(By.TAG_NAME, "html"))

    browser.get(dashboard_url + "/")
    wait(lambda d: d.current_url == dashboard_url + "/login")
    screenshot(browser, "dashboard-1-login")

    log_in("not-the-password")
    wait(lambda d: "Wrong username or password." in page_text())
    assert browser.find_elements(By.NAME, "password") and not browser.find_elements(By.LINK_TEXT, "Analytics")
    screenshot(browser, "dashboard-2-login-refused")

    log_in(DEV_PASSWORD)
    wait(lambda d: d.find_elements(By.LINK_TEXT, "Complaints"))
    assert "District Administrator (admin)" in page_text()
    screenshot(browser, "dashboard-3-overview")

    follow("Complaints")
    filters = browser.find_element(By.CSS_SELECTOR, "form[action='/complaints']")
    Select(filters.find_element(By.NAME, "ward")).select_by_visible_text("Vijay Nagar")  # names, not codes
    Select(filters.find_element(By.NAME, "status")).select_by_visible_text("Open (not resolved or closed)")
    old = browser.find_element(By.TAG_NAME, "html")
    filters.find_element(By.TAG_NAME, "button").click()
    wait(lambda d: old != d.find_element(By.TAG_NAME, "html"))
    assert "ward=vijay_nagar" in browser.current_url and browser.find_element(By.LINK_TEXT, number)
    row = browser.find_element(By.XPATH, f"//tr[td/a='{number}']").text
    assert re.search(r"Submitted .* \d\d-\d\d-\d{4} \d\d:\d\d", row), row  # India time, day first
    screenshot(browser, "dashboard-4-complaints")

    follow(number)
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Complaint {number}"
    resolve = browser.find_element(By.CSS_SELECTOR, "form.resolve")
    assert resolve.find_element(By.CSS_SELECTOR, "input[type='file'][name='after_photo']").is_displayed()
    form = browser.find_element(By.CSS_SELECTOR, f"form.act[action='/complaints/{number}/actions']")
    Select(form.find_element(By.NAME, "action")).select_by_value("acknowledge")
    form.find_element(By.NAME, "note").send_keys("Team sent to Vijay Nagar")
    form.find_element(By.TAG_NAME, "button").click()
    wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".flash"))
    assert "Acknowledge: done, status now Acknowledged." in browser.find_element(By.CSS_SELECTOR, ".flash").text
    status_row = browser.find_element(By.XPATH, "//tr[th='Status']/td")
    assert status_row.text == "Acknowledged"
    assert "Team sent to Vijay Nagar" in page_text()
    offered = [option.get_attribute("value") for option in
               browser.find_elements(By.CSS_SELECTOR, "form.act select[name='action'] option")]
    assert "acknowledge" not in offered and "start_work" in offered
    screenshot(browser, "dashboard-5-complaint-acknowledged")

    follow("Analytics")
    charts = {svg.get_attribute("id"): svg for svg in browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart")}
    assert {"complaints-by-category", "complaints-by-ward", "complaint-hours", "complaint-sla",
            "applications-by-service"} <= set(charts)
    category_chart = charts["complaints-by-category"]
    assert category_chart.find_element(By.TAG_NAME, "title").get_attribute("textContent") == "Complaints by category"
    garbage = category_chart.find_element(By.CSS_SELECTOR, f"g.bar[data-label='{GARBAGE}']")
    assert garbage.find_element(By.CSS_SELECTOR, "text.label").text == GARBAGE
    assert int(garbage.find_element(By.CSS_SELECTOR, "text.value").text) >= 1
    assert garbage.find_element(By.TAG_NAME, "rect").size["width"] > 0
    assert "Vijay Nagar" in charts["complaints-by-ward"].text
    # Resolved at once, so within the 24-hour SLA; the value is text by the bar.
    assert f"{GARBAGE}\n100%" in charts["complaint-sla"].text
    assert "Income Certificate" in charts["applications-by-service"].text
    screenshot(browser, "dashboard-6-analytics")

    follow("Audit log")
    logins = [row.text for row in browser.find_elements(By.XPATH, "//tr[td[4]='Log in']")]
    assert len(logins) == 2 and "failed" in logins[1] and "ok" in logins[0], logins
    screenshot(browser, "dashboard-7-audit")

    session_cookie = browser.get_cookie("dashboard_session")
    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    wait(lambda d: d.current_url == dashboard_url + "/login")
    browser.add_cookie(session_cookie)  # a copy of the cookie kept from before the logout
    browser.get(dashboard_url + "/analytics")
    assert browser.current_url == dashboard_url + "/login"
    screenshot(browser, "dashboard-8-logged-out")
