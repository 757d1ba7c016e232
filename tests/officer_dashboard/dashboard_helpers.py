"""Helpers of the dashboard tests: the development password, the citizen, posting forms with CSRF."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient

DEV_PASSWORD = "dev-password"  # users.yml's documented development default
CITIZEN_WA_ID = "919876543210"
OPEN311_CLIENT_KEY = "test-open311-key"  # the Open311 client key the test 311 API accepts


def csrf_of(client: TestClient, page: str) -> str:
    """The CSRF token in the forms of `page`."""
    html = client.get(page).text
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def post_form(client: TestClient, page: str, path: str, **data: str):
    """Submits a form of `page` (with its CSRF token) to `path`."""
    return client.post(path, data={**data, "csrf_token": csrf_of(client, page)})


def act(client: TestClient, page: str, action: str, note: str = ""):
    """An officer's action from the item's page, e.g. act(client, "/complaints/CMP-…", "resolve")."""
    return post_form(client, page, f"{page}/actions", action=action, note=note)
