"""Client of the officers' dashboard's internal handoff API (DASHBOARD_URL,
default http://127.0.0.1:8005), authenticated by HANDOFF_API_KEY.

Blocking (`requests`). Every failure, refusals included, is BackendUnavailable:
a refused request (wrong key, a dashboard not yet upgraded) is a deployment
problem that gets fixed, and a citizen's request must wait for it, not vanish.
"""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Tuple

import requests

from common.backend_call import BackendUnavailable, send

DEFAULT_URL = "http://127.0.0.1:8005"
DEFAULT_KEY = "dev-handoff-key"
KEY_HEADER = "X-Handoff-Key"
BACKEND = "dashboard"
DEFAULT_TIMEOUT = (2.0, 5.0)


class DashboardClient:
    def __init__(self, base_url: Optional[str] = None, timeout: Tuple[float, float] = DEFAULT_TIMEOUT):
        self.base_url = (base_url or os.environ.get("DASHBOARD_URL") or DEFAULT_URL).rstrip("/")
        self.key = os.environ.get("HANDOFF_API_KEY") or DEFAULT_KEY
        self.timeout = timeout
        self.session = requests.Session()

    def _post(self, path: str, body: Dict[str, Any]) -> None:
        response = send(self.session, BACKEND, "POST", f"{self.base_url}/internal/handoffs{path}", self.timeout,
                        json=body, headers={KEY_HEADER: self.key})
        if not response.ok:
            raise BackendUnavailable(BACKEND, f"HTTP {response.status_code}")

    def open_handoff(self, request: Dict[str, Any]) -> None:
        """Puts a citizen's request in the inbox; the same request_id twice is one handoff."""
        self._post("", request)

    def citizen_wrote(self, sender_id: str, at: str) -> None:
        """Marks the citizen's open handoff as waiting for an answer since `at`."""
        self._post("/activity", {"sender_id": sender_id, "at": at})

    def citizen_left(self, sender_id: str, at: str) -> None:
        """Closes the citizen's open handoff: they went back to the assistant."""
        self._post("/left", {"sender_id": sender_id, "at": at})
