"""HTTP clients of the Lok Seva API (officer key) and the 311 operator API (operator key)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import requests

from common.backend_call import BackendError, said_for_people, send

from .texts import message, texts


def for_officer(error: BackendError) -> str:
    """What an officer reads about a failed call: which system, and its own words if it gave any
    (never the raw answer)."""
    if error.status is None:
        return message("unreachable", backend=error.backend)
    reason = said_for_people(error.response, texts()["language"])
    if reason:
        return message("refused", backend=error.backend, reason=reason)
    return message("failed", backend=error.backend, status=error.status)


class _Client:
    def __init__(self, base_url: str, api_key: str, timeout_s: float, name: str):
        self._http = requests.Session()
        self._http.headers["X-API-Key"] = api_key
        self._base_url = base_url.rstrip("/")
        self._timeout_s = timeout_s
        self.name = name  # as officers are told which system failed

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = path if "://" in path else self._base_url + path
        response = send(self._http, self.name, method, url, self._timeout_s, **kwargs)
        if not response.ok:
            raise BackendError(self.name, response.text[:1000], response.status_code, response)
        return response

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._request(method, path, **kwargs).json()


class LokSevaClient(_Client):
    def __init__(self, base_url: str, api_key: str, timeout_s: float):
        super().__init__(base_url, api_key, timeout_s, "Lok Seva API")
        self._services: Dict[str, Dict[str, Any]] = {}

    def application(self, application_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/api/v1/applications/{application_id}")

    def citizen_applications(self, mobile: str) -> List[Dict[str, Any]]:
        return self._call("GET", "/api/v1/applications", params={"mobile": mobile, "page_size": 100})["items"]

    def all_applications(self, departments: Optional[List[str]] = None, page: int = 1, page_size: int = 20,
                         **filters: Any) -> Dict[str, Any]:
        """A page ({items, page, page_size, total}) of every application, newest first; `departments`:
        any of these (None: all); `filters`: status, service, overdue, escalated (None: any)."""
        params = {key: value for key, value in filters.items() if value is not None and value != ""}
        params.update(department=departments or [], page=page, page_size=page_size)
        return self._call("GET", "/api/v1/officer/applications", params=params)

    def daily_summary(self) -> List[Dict[str, Any]]:
        """Today's figures per department: new, decided, escalated, overdue."""
        return self._call("GET", "/api/v1/officer/applications/summary")["departments"]

    def applications_report(self, departments: List[str]) -> Dict[str, Any]:
        """Counts, decision times and time-limit compliance by service (all departments when empty)."""
        return self._call("GET", "/api/v1/reports/applications", params={"department": departments})

    def escalate_to_appellate(self, application_id: str) -> Dict[str, Any]:
        return self._call("POST", f"/api/v1/applications/{application_id}/escalation")

    def document_content(self, document_id: str) -> Tuple[bytes, str]:
        response = self._request("GET", f"/api/v1/documents/{document_id}/content")
        return response.content, response.headers.get("content-type", "application/octet-stream")

    def certificate(self, application_id: str) -> bytes:
        return self._request("GET", f"/api/v1/applications/{application_id}/certificate").content

    def service(self, service_code: str) -> Dict[str, Any]:
        """The catalogue's service: names, department, fields with labels and choices (the catalogue
        does not change while running)."""
        if service_code not in self._services:
            self._services[service_code] = self._call("GET", f"/api/v1/services/{service_code}")
        return self._services[service_code]

    def service_department(self, service_code: str) -> str:
        """English name of the department that renders the service."""
        return (self.service(service_code).get("department") or {}).get("en", "")

    def act(self, application_id: str, action: str, officer: str, note: Optional[str] = None,
            reason: Optional[str] = None) -> Dict[str, Any]:
        body = {"action": action, "officer": officer, "note": note, "reason": reason}
        return self._call("POST", f"/api/v1/applications/{application_id}/actions", json=body)


COMPLAINTS_PAGE = 500  # the 311 API's pages hold at most 1,000
TOTAL_HEADER = "X-Total-Count"  # the 311 API's count of every match


class Open311Client(_Client):
    def __init__(self, base_url: str, api_key: str, timeout_s: float, georeport_url: str):
        super().__init__(base_url, api_key, timeout_s, "311 API")
        self._georeport_url = georeport_url

    def complaints(self, **filters: Any) -> List[Dict[str, Any]]:
        """Every complaint matching the filters, page by page (`order`: newest, or due for earliest due first)."""
        found: List[Dict[str, Any]] = []
        while True:
            page, _ = self.complaints_page(COMPLAINTS_PAGE, len(found), **filters)
            found += page
            if len(page) < COMPLAINTS_PAGE:
                return found

    def complaints_page(self, limit: int, offset: int, **filters: Any) -> Tuple[List[Dict[str, Any]], int]:
        """One page of the complaints matching the filters (a list value: any of them), and how many match
        in all; the 311 API filters, orders and counts them in its database."""
        params = {key: value for key, value in filters.items() if value not in (None, "", [])}
        response = self._request("GET", "/requests", params={**params, "limit": limit, "offset": offset})
        return response.json(), int(response.headers.get(TOTAL_HEADER, 0))

    def complaint(self, request_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/requests/{request_id}")

    def daily_summary(self) -> List[Dict[str, Any]]:
        """Today's figures per department, counted by the 311 API: new, decided (resolved), escalated,
        open and overdue now."""
        return self._call("GET", "/summary")["departments"]

    def complaint_report(self, departments: Optional[List[str]]) -> Dict[str, Any]:
        """Counts by category and ward, median hours to resolution and the share resolved by the SLA time,
        counted by the 311 API (all departments when None)."""
        return self._call("GET", "/reports/complaints", params={"department": departments})

    def departments(self) -> List[Dict[str, Any]]:
        """Each with its code, name, category codes and officers (with their escalation level)."""
        return self._call("GET", "/departments")

    def top_levels(self) -> Dict[str, int]:
        """Department code -> the highest escalation level of its officers."""
        return {department["code"]: max(officer["level"] for officer in department["officers"])
                for department in self.departments()}

    def category_names(self) -> Dict[str, str]:
        """Category (service) code -> its name, from the public GeoReport service list."""
        return {service["service_code"]: service["service_name"]
                for service in self._call("GET", f"{self._georeport_url}/services.json")}

    def wards(self) -> List[Dict[str, Any]]:
        return self._call("GET", "/wards")

    def set_status(self, request_id: str, status: str, note: Optional[str]) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/status", json={"status": status, "note": note})

    def resolve(self, request_id: str, note: Optional[str], after_photo_url: Optional[str] = None) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/resolve", json={"note": note, "media_url": after_photo_url})

    def escalate(self, request_id: str, note: Optional[str]) -> Dict[str, Any]:
        return self._call("POST", f"/requests/{request_id}/escalate", json={"note": note})
