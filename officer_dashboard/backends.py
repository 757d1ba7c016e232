"""HTTP clients of the Lok Seva API (officer key) and the 311 operator API (operator key)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import httpx


class BackendError(Exception):
    """The backend refused (status 4xx/5xx) or could not be reached (status None)."""

    def __init__(self, status: Optional[int], detail: str):
        super().__init__(detail)
        self.status = status
        self.detail = detail


class _Client:
    def __init__(self, base_url: str, api_key: str, timeout_s: float):
        self._http = httpx.Client(base_url=base_url, headers={"X-API-Key": api_key}, timeout=timeout_s)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            raise BackendError(None, str(error)) from error
        if response.is_error:
            raise BackendError(response.status_code, response.text[:1000])
        return response.json()


class LokSevaClient(_Client):
    def __init__(self, base_url: str, api_key: str, timeout_s: float):
        super().__init__(base_url, api_key, timeout_s)
        self._departments: Dict[str, str] = {}

    def application(self, application_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/api/v1/applications/{application_id}")

    def citizen_applications(self, mobile: str) -> List[Dict[str, Any]]:
        return self._call("GET", "/api/v1/applications", params={"mobile": mobile, "page_size": 100})["items"]

    def service_department(self, service_code: str) -> str:
        """English name of the department that renders the service (the catalogue does not change while running)."""
        if service_code not in self._departments:
            department = self._call("GET", f"/api/v1/services/{service_code}").get("department") or {}
            self._departments[service_code] = department.get("en", "")
        return self._departments[service_code]

    def act(self, application_id: str, action: str, officer: str, note: Optional[str] = None,
            reason: Optional[str] = None) -> Dict[str, Any]:
        body = {"action": action, "officer": officer, "note": note, "reason": reason}
        return self._call("POST", f"/api/v1/applications/{application_id}/actions", json=body)


class Open311Client(_Client):
    def complaints(self, **filters: Optional[str]) -> List[Dict[str, Any]]:
        params = {key: value for key, value in filters.items() if value}
        return self._call("GET", "/requests", params={**params, "limit": 1000})

    def complaint(self, request_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/requests/{request_id}")

    def wards(self) -> List[Dict[str, Any]]:
        return self._call("GET", "/wards")

    def set_status(self, request_id: str, status: str, note: Optional[str]) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/status", json={"status": status, "note": note})

    def resolve(self, request_id: str, note: Optional[str]) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/resolve", json={"note": note})

    def escalate(self, request_id: str, note: Optional[str]) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/escalate", json={"note": note})
