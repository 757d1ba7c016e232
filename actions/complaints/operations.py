"""What the bot asks the 311 system to do, as plain payloads that can wait in
the submission outbox, and the one function that carries them out.

Payloads (JSON-safe dicts, `operation` says which):
  create  service_code, lat/long and/or address_string, description,
          media_urls, phone, locale, drafted_at, attributes (the category's
          answers, sent as attribute[code])
  join    service_request_id, phone, locale
  reopen  service_request_id, phone, locale
  rate    service_request_id, phone, rating, locale
  photo   service_request_id, phone, media_url, locale (a photo sent after the complaint)

The result (sent back to Rasa as the entities of EXTERNAL_complaint_submitted
when it came from the outbox) always has `complaint_operation` and
`complaint_id`; a new complaint adds `department` and `expected_datetime`.

POST requests is not idempotent. A retry may follow a POST whose answer was
lost (a timeout after sending), so before posting again `perform(...,
look_first=True)` searches for the complaint it may already have created:
same phone, category and description, requested since the draft was made
(minus a small clock margin). With the /api/v1 extras it searches the
citizen's complaints by phone; on a plain GeoReport server it searches
requests.json by category and start_date and compares description and place.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from actions.clients.open311 import FeatureUnavailable, Open311Client
from actions.complaints.when import parse_w3
from common.backend_call import BackendUnavailable
from common.masking import mask_id

log = logging.getLogger(__name__)

KIND = "complaint"  # the submission outbox kind
CLOCK_MARGIN = timedelta(minutes=2)


def create_payload(service_code: str, location: Mapping[str, Any], description: str,
                   media_urls: List[str], phone: Optional[str], locale: str, drafted_at: datetime,
                   attributes: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    return {
        "operation": "create",
        "service_code": service_code,
        "lat": location.get("lat"),
        "long": location.get("long"),
        "address_string": location.get("address"),
        "description": description,
        "media_urls": list(media_urls),
        "phone": phone,
        "locale": locale,
        "drafted_at": drafted_at.isoformat(timespec="seconds"),
        "attributes": dict(attributes or {}),
    }


def update_payload(operation: str, service_request_id: str, phone: Optional[str], locale: str, **extra: Any) -> Dict[str, Any]:
    return {"operation": operation, "service_request_id": service_request_id, "phone": phone, "locale": locale, **extra}


def _georeport_fields(payload: Mapping[str, Any]) -> List[Tuple[str, Any]]:
    fields = [(name, payload.get(name)) for name in ("service_code", "lat", "long", "address_string", "description", "phone")]
    attributes: List[Tuple[str, Any]] = []
    for code, value in (payload.get("attributes") or {}).items():
        if isinstance(value, list):  # a multivaluelist, as GeoReport v2 posts it
            attributes += [(f"attribute[{code}][]", item) for item in value]
        else:
            attributes.append((f"attribute[{code}]", value))
    return fields + attributes + [("media_url", url) for url in payload.get("media_urls") or []]


def _result(operation: str, complaint_id: str, **details: Optional[str]) -> Dict[str, str]:
    values = {"complaint_operation": operation, "complaint_id": complaint_id, **details}
    return {key: str(value) for key, value in values.items() if value not in (None, "")}


def _same_place(found: Mapping[str, Any], payload: Mapping[str, Any]) -> bool:
    if payload.get("lat") is not None and found.get("lat") is not None:
        return abs(float(found["lat"]) - payload["lat"]) < 1e-6 and abs(float(found["long"]) - payload["long"]) < 1e-6
    return not payload.get("address_string") or found.get("address") == payload["address_string"]


def _is_this_draft(found: Mapping[str, Any], payload: Mapping[str, Any], since: datetime) -> bool:
    requested = parse_w3(found.get("requested_datetime"))
    return (
        found.get("service_code") == payload["service_code"]
        and (found.get("description") or "") == (payload.get("description") or "")
        and requested is not None and requested >= since
        and _same_place(found, payload)
    )


def earlier_submission(client: Open311Client, payload: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """The complaint an earlier, unanswered POST of this payload created, if any."""
    since = parse_w3(payload["drafted_at"]) - CLOCK_MARGIN
    locale = payload["locale"]
    candidates: Optional[List[Dict[str, Any]]] = None
    if payload.get("phone"):
        try:
            candidates = client.my_requests(payload["phone"], locale)
        except FeatureUnavailable:
            candidates = None
    if candidates is None:
        candidates = client.requests(locale, service_code=payload["service_code"], start=since)
    return next((found for found in candidates if _is_this_draft(found, payload, since)), None)


def _created(client: Open311Client, answer: Mapping[str, Any], locale: str) -> Dict[str, str]:
    complaint_id = answer.get("service_request_id") or (
        answer.get("token") and client.service_request_id_for_token(answer["token"])
    )
    if not complaint_id:
        # Accepted, but numbered later (GeoReport tokens): the next attempt's
        # look-first search finds it once it has a number.
        raise BackendUnavailable("the 311 system has not numbered the complaint yet")
    details = answer.get("extended_attributes") or {}
    if "agency_responsible" not in answer and "agency_responsible" not in details:
        try:  # plain GeoReport: routing and expected time are on the request itself
            details = client.request(complaint_id, locale) or {}
        except BackendUnavailable:
            details = {}  # the complaint exists; its number is what matters
    return _result("create", complaint_id, department=answer.get("agency_responsible") or details.get("agency_responsible"),
                   expected_datetime=answer.get("expected_datetime") or details.get("expected_datetime"))


def _create(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    locale = payload["locale"]
    if look_first:
        found = earlier_submission(client, payload)
        if found:
            log.info("complaint of %s was already created as %s; not posting again",
                     mask_id(payload.get("phone")), found["service_request_id"])
            return _created(client, found, locale)
    return _created(client, client.create(_georeport_fields(payload), locale), locale)


def _join(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    client.join(payload["service_request_id"], payload["phone"], payload["locale"])  # joining twice is harmless
    return _result("join", payload["service_request_id"])


def _reopen(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    if look_first:
        current = client.request(payload["service_request_id"], payload["locale"]) or {}
        if (current.get("extended_attributes") or {}).get("internal_status") == "reopened":
            return _result("reopen", payload["service_request_id"])
    client.reopen(payload["service_request_id"], payload["phone"], None, payload["locale"])
    return _result("reopen", payload["service_request_id"])


def _rate(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    client.rate(payload["service_request_id"], payload["phone"], int(payload["rating"]), payload["locale"])
    return _result("rate", payload["service_request_id"], rating=payload["rating"])


def _photo(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    # a photo kept twice after a lost answer only shows the officer the same picture again
    client.add_photo(payload["service_request_id"], payload["phone"], payload["media_url"], payload["locale"])
    return _result("photo", payload["service_request_id"])


OPERATIONS: Dict[str, Callable[[Open311Client, Mapping[str, Any], bool], Dict[str, str]]] = {
    "create": _create,
    "join": _join,
    "reopen": _reopen,
    "rate": _rate,
    "photo": _photo,
}


def perform(client: Open311Client, payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    """Raises BackendUnavailable (try again later), BackendRejected or FeatureUnavailable."""
    return OPERATIONS[payload["operation"]](client, payload, look_first)
