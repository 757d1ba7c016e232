"""Client of the Lok Seva API (LOKSEVA_API_URL, default http://127.0.0.1:8001).

Blocking (`requests`): call it from `async def run` through asyncio.to_thread.
Every method returns the API's JSON or raises BackendUnavailable (try later)
or BackendRejected (the API's code and its Hindi and English message).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

import requests

from actions.clients.errors import BackendRejected
from common.backend_call import send

DEFAULT_URL = "http://127.0.0.1:8001"
DEFAULT_CLIENT_API_KEY = "local-client-key"  # the API's local default (LOKSEVA_CLIENT_API_KEY)
DEFAULT_TIMEOUT_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 2.0
BACKEND = "lokseva"
MAX_PAGE_SIZE = 100


def _rejected(response: requests.Response) -> BackendRejected:
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        error = {}
    return BackendRejected(
        response.status_code,
        error.get("code", f"http_{response.status_code}"),
        error.get("message_hi", ""),
        error.get("message_en", ""),
        error.get("fields"),
    )


def _segment(value: str) -> str:
    """A citizen-typed value as one URL path segment."""
    return quote(str(value).strip(), safe="")


def lokseva_url() -> str:
    """The API's base URL (LOKSEVA_API_URL); what is read from it is cached under it."""
    return os.environ.get("LOKSEVA_API_URL") or DEFAULT_URL


class LokSevaClient:
    def __init__(self, base_url: Optional[str] = None, timeout: Optional[float] = None):
        self.base_url = (base_url or lokseva_url()).rstrip("/")
        seconds = timeout or float(os.environ.get("LOKSEVA_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
        self.timeout: Tuple[float, float] = (min(CONNECT_TIMEOUT_SECONDS, seconds), seconds)
        self.session = requests.Session()
        self.session.headers["X-API-Key"] = os.environ.get("LOKSEVA_CLIENT_API_KEY") or DEFAULT_CLIENT_API_KEY

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = send(self.session, BACKEND, method, f"{self.base_url}/api/v1{path}", self.timeout, **kwargs)
        if response.status_code >= 400:
            raise _rejected(response)
        return response

    # The catalogue
    def services_page(self, page: int, page_size: int) -> Dict[str, Any]:
        return self._call("GET", "/services", params={"page": page, "page_size": page_size}).json()

    def all_services(self) -> List[Dict[str, Any]]:
        items, page = [], 1
        while True:
            data = self.services_page(page, MAX_PAGE_SIZE)
            items += data["items"]
            if page >= data["pages"]:
                return items
            page += 1

    def service(self, code: str) -> Dict[str, Any]:
        return self._call("GET", f"/services/{_segment(code)}").json()

    def validate_field(self, service_code: str, field: str, value: Any) -> Any:
        """The canonical value of one answer (e.g. '+91 98765-43210' -> '9876543210')."""
        body = {"field": field, "value": value}
        return self._call("POST", f"/services/{_segment(service_code)}/validate", json=body).json()["value"]

    # Applications
    def upload_document(self, path: Path, filename: str, mime_type: str, wa_id: str) -> Dict[str, Any]:
        with open(path, "rb") as file:
            files = {"file": (filename, file, mime_type)}
            return self._call("POST", "/documents", files=files, data={"wa_id": wa_id}).json()

    def submit_application(self, body: Dict[str, Any], idempotency_key: str) -> Dict[str, Any]:
        return self._call("POST", "/applications", json=body, headers={"Idempotency-Key": idempotency_key}).json()

    def attach_documents(self, application_id: str, document_ids: List[str]) -> Dict[str, Any]:
        body = {"document_ids": document_ids}
        return self._call("POST", f"/applications/{_segment(application_id)}/documents", json=body).json()

    def application(self, application_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/applications/{_segment(application_id)}").json()

    def citizen_applications(self, wa_id: str, mobile: Optional[str] = None, page: int = 1,
                             page_size: int = 20) -> Dict[str, Any]:
        params = {"wa_id": wa_id, "page": page, "page_size": page_size}
        if mobile:
            params["mobile"] = mobile
        return self._call("GET", "/applications", params=params).json()

    def request_delivery(self, application_id: str, address: Optional[str], pincode: Optional[str],
                         mobile: Optional[str]) -> Dict[str, Any]:
        """What is None is the applicant's own (the API takes it from the application)."""
        body = {key: value for key, value in (("address", address), ("pincode", pincode), ("mobile", mobile)) if value}
        return self._call("POST", f"/applications/{_segment(application_id)}/delivery", json=body).json()

    # Land records
    def villages(self) -> List[Dict[str, Any]]:
        return self._call("GET", "/villages").json()

    def certified_copy(self, record_type: str, village: str, khasra_number: str, wa_id: str) -> Dict[str, Any]:
        body = {"record_type": record_type, "village": village, "khasra_number": khasra_number, "wa_id": wa_id}
        return self._call("POST", "/certified-copies", json=body).json()
