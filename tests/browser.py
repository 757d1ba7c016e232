"""A real headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, for tests
of web pages. Import the fixture into a test module: `from tests.browser import browser`.

Install: apt-get install -y chromium chromium-driver (make system-packages). Without them the
tests are skipped on a developer machine and fail in CI (CI=true). Screenshots go to
results/screenshots/ (git-ignored): each test's last page, and any taken with `screenshot`.
"""
from __future__ import annotations

import base64
import os
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.servers import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "results" / "screenshots"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; install it: apt-get install -y chromium chromium-driver")
    pytest.skip(reason)


def screenshot(driver: Any, name: str) -> Path:
    """The whole page, not only the window, as results/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


@pytest.fixture
def browser(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed")
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.exists(binary) or shutil.which(binary)):
            _unavailable(f"{binary} is missing")
    # Tests never reach outside hosts: no Selenium Manager statistics, no Chromium background traffic.
    os.environ["SE_AVOID_STATS"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--disable-quic", "--window-size=800,1400",
                     f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        screenshot(driver, f"{request.node.name}-last")
        driver.quit()
