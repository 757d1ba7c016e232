"""Client for any Open311 GeoReport v2 endpoint, plus optional extras.

GeoReport v2 (what every Open311 city system speaks): POST requests, GET one
request, search requests, resolve a token. The reference backend also offers
citizen features under /api/v1 (my complaints by phone, open complaints
nearby, joining, reopening, rating); a server without them answers 404 and
the caller gets `FeatureUnavailable`, so the bot can leave those features out
instead of failing.

Failures: no answer, a timeout, 429/5xx, and 401/403 from GeoReport (a key
problem an operator fixes) -> `BackendUnavailable` (worth retrying later);
other 4xx -> `BackendRejected`.
Blocking (requests): actions call it through `asyncio.to_thread`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import requests

from actions.clients.errors import BackendRejected
from common.backend_call import BackendUnavailable, send

DEFAULT_API_URL = "http://127.0.0.1:8002/open311/v2"
EXTRAS_PATH = "/api/v1"
EXTRAS_OFF = "off"
BACKEND = "open311"
SETUP_FAULT_STATUSES = frozenset({401, 403})


class FeatureUnavailable(Exception):
    """The server does not offer this optional (non-GeoReport) feature."""


DEV_API_KEY = "dev-open311-key"  # the 311 server's local default (OPEN311_API_KEYS)


@dataclass(frozen=True)
class Open311Settings:
    api_url: str = DEFAULT_API_URL
    api_key: str = DEV_API_KEY
    jurisdiction_id: str = "indore.mp.gov.in"
    # None: no extras; default: /api/v1 on the GeoReport server's host.
    extras_url: Optional[str] = None
    connect_timeout: float = 3.0
    read_timeout: float = 8.0

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "Open311Settings":
        env = os.environ if environ is None else environ
        api_url = (env.get("OPEN311_API_URL") or DEFAULT_API_URL).rstrip("/")
        extras = env.get("OPEN311_EXTRAS_URL") or default_extras_url(api_url)
        return cls(
            api_url=api_url,
            api_key=env.get("OPEN311_API_KEY") or cls.api_key,
            jurisdiction_id=env.get("OPEN311_JURISDICTION_ID") or cls.jurisdiction_id,
            extras_url=None if extras == EXTRAS_OFF else extras.rstrip("/"),
            connect_timeout=float(env.get("OPEN311_CONNECT_TIMEOUT_SECONDS") or cls.connect_timeout),
            read_timeout=float(env.get("OPEN311_TIMEOUT_SECONDS") or cls.read_timeout),
        )


def default_extras_url(api_url: str) -> str:
    parts = urlsplit(api_url)
    return f"{parts.scheme}://{parts.netloc}{EXTRAS_PATH}"


def w3_datetime(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _descriptions(response: requests.Response) -> str:
    """GeoReport v2 errors are a list of {code, description}."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(body, list):
        return "; ".join(str(item.get("description", "")) for item in body if isinstance(item, dict))[:300]
    return str(body)[:300]


def _rejected(response: requests.Response) -> BackendRejected:
    # The server's reason is English and technical: kept for the logs and the
    # outbox; the citizen hears the bot's own text.
    reason = _descriptions(response)
    return BackendRejected(response.status_code, f"open311_{response.status_code}", reason, reason)


class Open311Client:
    def __init__(self, settings: Optional[Open311Settings] = None, session: Optional[requests.Session] = None) -> None:
        self.settings = settings or Open311Settings.from_env()
        self._session = session or requests.Session()
        self._timeout = (self.settings.connect_timeout, self.settings.read_timeout)

    # --- transport -------------------------------------------------------
    def _georeport(self, method: str, path: str, params: Optional[Sequence[Tuple[str, Any]]] = None,
                   data: Optional[Sequence[Tuple[str, Any]]] = None) -> Any:
        common = [("jurisdiction_id", self.settings.jurisdiction_id)]
        response = send(self._session, BACKEND, method, f"{self.settings.api_url}/{path}", self._timeout,
                        params=common + list(params or []), data=data)
        if response.status_code in SETUP_FAULT_STATUSES:
            # A wrong key is a set-up fault an operator fixes: keep the complaint, retry later.
            raise BackendUnavailable(BACKEND, f"HTTP {response.status_code}: {_descriptions(response)}")
        return self._body(response)

    def _extras(self, method: str, path: str, **kwargs: Any) -> Any:
        if not self.settings.extras_url:
            raise FeatureUnavailable(path)
        response = send(self._session, BACKEND, method, f"{self.settings.extras_url}/{path}", self._timeout,
                        headers={"X-API-Key": self.settings.api_key}, **kwargs)
        if response.status_code in (404, 405):
            # Callers name complaints they have just read through GeoReport,
            # so a 404 here means the route itself is missing.
            raise FeatureUnavailable(path)
        return self._body(response)  # 403 here: not this citizen's complaint

    @staticmethod
    def _body(response: requests.Response) -> Any:
        if response.status_code >= 400:
            raise _rejected(response)
        try:
            return response.json()
        except ValueError as error:
            raise BackendUnavailable(BACKEND, "the answer is not JSON") from error

    # --- GeoReport v2 ----------------------------------------------------
    def services(self, locale: str) -> List[Dict[str, Any]]:
        """GET services.json: the complaint categories (service_code, service_name, keywords, group)."""
        found = self._georeport("GET", "services.json", params=[("locale", locale)])
        return found if isinstance(found, list) else []

    def definition(self, service_code: str, locale: str) -> List[Dict[str, Any]]:
        """GET services/{code}.json: the category's questions (attributes); none for a plain service."""
        found = self._georeport("GET", f"services/{service_code}.json", params=[("locale", locale)])
        return list(found.get("attributes") or []) if isinstance(found, dict) else []

    def create(self, fields: Sequence[Tuple[str, Any]], locale: str) -> Dict[str, Any]:
        """POST requests.json (form-encoded). The answer: service_request_id or
        token, service_notice; this backend adds routing and the expected time
        under extended_attributes (extensions=true)."""
        data = [("api_key", self.settings.api_key), ("locale", locale), ("extensions", "true"), *fields]
        answer = self._georeport("POST", "requests.json", data=[(k, v) for k, v in data if v not in (None, "")])
        if not isinstance(answer, list) or not answer or not isinstance(answer[0], dict):
            raise BackendUnavailable(BACKEND, "POST requests answered without a service request")
        return answer[0]

    def request(self, service_request_id: str, locale: str) -> Optional[Dict[str, Any]]:
        """One complaint, or None when the server does not know the number."""
        try:
            found = self._georeport("GET", f"requests/{service_request_id}.json",
                                    params=[("locale", locale), ("extensions", "true")])
        except BackendRejected:
            return None
        return found[0] if isinstance(found, list) and found else None

    def requests(self, locale: str, ids: Sequence[str] = (), service_code: Optional[str] = None,
                 start: Optional[datetime] = None, status: Optional[str] = None) -> List[Dict[str, Any]]:
        params: List[Tuple[str, Any]] = [("locale", locale), ("extensions", "true")]
        if ids:
            params.append(("service_request_id", ",".join(ids)))
        params += [(k, v) for k, v in (("service_code", service_code), ("status", status)) if v]
        if start is not None:
            params.append(("start_date", w3_datetime(start)))
        found = self._georeport("GET", "requests.json", params=params)
        return found if isinstance(found, list) else []

    def service_request_id_for_token(self, token: str) -> Optional[str]:
        try:
            found = self._georeport("GET", f"tokens/{token}.json")
        except BackendRejected:
            return None
        return (found[0].get("service_request_id") or None) if isinstance(found, list) and found else None

    # --- optional extras (/api/v1) ---------------------------------------
    def my_requests(self, phone: str, locale: str) -> List[Dict[str, Any]]:
        """The citizen's complaints (filed or joined), newest first."""
        return self._extras("GET", "requests", params={"phone": phone, "locale": locale})

    def nearby_open(self, lat: float, long: float, service_code: str, locale: str) -> List[Dict[str, Any]]:
        """Open complaints of the category within the server's duplicate radius, nearest first."""
        params = {"lat": lat, "long": long, "service_code": service_code, "locale": locale}
        return self._extras("GET", "requests/nearby", params=params)

    def same_place_open(self, address: str, service_code: str, locale: str) -> List[Dict[str, Any]]:
        """Open complaints of the category at a typed address with the same words (no pin to measure from)."""
        params = {"address": address, "service_code": service_code, "locale": locale}
        return self._extras("GET", "requests/same-place", params=params)

    def locate(self, lat: Optional[float], long: Optional[float], address: Optional[str], locale: str) -> Dict[str, Any]:
        """Where a place is in the city: {"inside": bool, "ward", "zone", "place"} (a readable place for a pin)."""
        params = {key: value for key, value in (("lat", lat), ("long", long), ("address", address)) if value is not None}
        return self._extras("GET", "locate", params={**params, "locale": locale})

    def join(self, service_request_id: str, phone: str, locale: str) -> Dict[str, Any]:
        return self._extras("POST", f"requests/{service_request_id}/supporters",
                            params={"locale": locale}, json={"phone": phone})

    def reopen(self, service_request_id: str, phone: str, note: Optional[str], locale: str) -> Dict[str, Any]:
        return self._extras("POST", f"requests/{service_request_id}/reopen",
                            params={"locale": locale}, json={"phone": phone, "note": note})

    def add_photo(self, service_request_id: str, phone: str, media_url: str, locale: str) -> Dict[str, Any]:
        return self._extras("POST", f"requests/{service_request_id}/photos",
                            params={"locale": locale}, json={"phone": phone, "media_url": media_url})

    def rate(self, service_request_id: str, phone: str, rating: int, locale: str) -> Dict[str, Any]:
        return self._extras("POST", f"requests/{service_request_id}/rating",
                            params={"locale": locale}, json={"phone": phone, "rating": rating})
