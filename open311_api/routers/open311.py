"""Open311 GeoReport v2 under /open311/v2/, every resource as .json and .xml."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import List, Optional, Tuple

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import views
from ..auth import role_for
from ..config import Settings
from ..dependencies import checked_locale, db_session, get_locale, get_profile, get_settings
from ..errors import BadRequest, Forbidden, NotFound
from ..inputs import NewRequest, Submission, read_submission
from ..intake import create_complaint
from ..lifecycle import find_request
from ..models import ServiceRequest
from ..numbering import canonical_tracking_number
from ..profile import Profile
from ..queries import RequestQuery, find_requests
from ..responses import FORMATS, respond
from ..statuses import internal_statuses
from ..timefmt import parse_w3, utc_now

router = APIRouter(prefix="/open311/v2", tags=["Open311 GeoReport v2"])

# GeoReport v2: a search spans at most 90 days and returns at most 1000 requests.
MAX_WINDOW = timedelta(days=90)
MAX_RESULTS = 1000
_TRUE = ("true", "1", "yes")
_HEX_TOKEN = re.compile(r"[0-9a-f]{32}")


def output_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFound(f"format .{fmt} is not offered; use .json or .xml")
    return fmt


def _check_jurisdiction(settings: Settings, jurisdiction_id: Optional[str]) -> None:
    # Optional: this endpoint serves one jurisdiction.
    if jurisdiction_id and jurisdiction_id != settings.jurisdiction_id:
        raise NotFound(f"jurisdiction_id {jurisdiction_id} not found; this endpoint serves {settings.jurisdiction_id}")


def jurisdiction(jurisdiction_id: Optional[str] = Query(None), settings: Settings = Depends(get_settings)) -> None:
    _check_jurisdiction(settings, jurisdiction_id)


def _csv(values: Optional[List[str]]) -> Optional[List[str]]:
    """A list parameter, comma-separated ("open,closed") or repeated ("status=open&status=closed")."""
    items = [item.strip() for value in values or [] for item in value.split(",") if item.strip()]
    return items or None


def result_limit(limit: Optional[str] = Query(None, description=f"at most {MAX_RESULTS} (the default)")) -> int:
    """An empty parameter counts as absent (GeoReport v2, optional arguments)."""
    if not limit:
        return MAX_RESULTS
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_RESULTS:
        raise BadRequest(f"limit: a whole number from 1 to {MAX_RESULTS}")
    return int(limit)


def _is_true(value: Optional[str]) -> bool:
    return (value or "").lower() in _TRUE


def with_extensions(extensions: Optional[str] = Query(None, description="true: add extended_attributes and notes (history)")) -> bool:
    return _is_true(extensions)


def _date_window(start: Optional[str], end: Optional[str], profile: Profile) -> Tuple[datetime, datetime]:
    try:
        start_at = parse_w3(start, profile.tz) if start else None
        end_at = parse_w3(end, profile.tz) if end else None
    except ValueError as error:
        raise BadRequest(f"start_date/end_date: {error}") from None
    if start_at and end_at:
        if end_at < start_at:
            raise BadRequest("end_date is before start_date")
        if end_at - start_at > MAX_WINDOW:
            raise BadRequest("start_date to end_date may not span more than 90 days")
        return start_at, end_at
    try:
        if start_at:
            return start_at, start_at + MAX_WINDOW
        end_at = end_at or utc_now()
        return end_at - MAX_WINDOW, end_at
    except OverflowError:  # 90 days beyond the last or before the first representable day
        raise BadRequest("start_date/end_date: out of range") from None


@router.get("/discovery.{fmt}", summary="Service discovery")
def get_discovery(request: Request, fmt: str = Depends(output_format), profile: Profile = Depends(get_profile), locale: str = Depends(get_locale)):
    endpoint_url = str(request.url_for("get_services", fmt="json")).rsplit("/", 1)[0]
    return respond(views.discovery(profile, endpoint_url, locale), fmt, "discovery")


@router.get("/services.{fmt}", summary="GET Service List", dependencies=[Depends(jurisdiction)])
def get_services(fmt: str = Depends(output_format), profile: Profile = Depends(get_profile), locale: str = Depends(get_locale)):
    return respond([views.service(profile, category, locale) for category in profile.categories.values()], fmt, "services")


@router.get("/services/{service_code}.{fmt}", summary="GET Service Definition", dependencies=[Depends(jurisdiction)])
def get_service_definition(service_code: str, fmt: str = Depends(output_format), profile: Profile = Depends(get_profile), locale: str = Depends(get_locale)):
    category = profile.categories.get(service_code)
    if category is None:
        raise NotFound(f"service_code {service_code} not found")
    return respond(views.service_definition(profile, category, locale), fmt, "service_definition")


@router.post("/requests.{fmt}", summary="POST Service Request")
def post_request(
    fmt: str = Depends(output_format),
    submission: Submission = Depends(read_submission),
    session: Session = Depends(db_session),
    profile: Profile = Depends(get_profile),
    settings: Settings = Depends(get_settings),
):
    """Form fields as GeoReport v2 specifies (a JSON object is accepted too):
    api_key, service_code, lat & long or address_string or address_id,
    attribute[code]=value (attribute[code][]=value for multi-value lists),
    email, device_id, account_id, first_name, last_name, phone, description,
    media_url (repeatable: several photos). Extensions: locale=hi|en for the
    service_notice; extensions=true adds routing, expected time and likely
    duplicates to the answer."""
    if role_for(settings, submission.get("api_key")) is None:
        raise Forbidden("missing or invalid api_key; can't proceed with create_request")
    _check_jurisdiction(settings, submission.get("jurisdiction_id"))
    locale = checked_locale(profile, submission.get("locale"))
    created = create_complaint(session, profile, settings.jurisdiction_id, NewRequest.from_submission(submission))
    extended = _is_true(submission.get("extensions"))
    view = views.created(profile, created.request, created.likely_duplicates, locale, utc_now(), extended)
    return respond([view], fmt, "service_requests")


@router.get("/requests.{fmt}", summary="GET Service Requests", dependencies=[Depends(jurisdiction)])
def get_requests(
    fmt: str = Depends(output_format),
    service_request_id: Optional[List[str]] = Query(None, description="comma-separated or repeated; overrides every other filter"),
    service_code: Optional[List[str]] = Query(None, description="comma-separated or repeated"),
    start_date: Optional[str] = Query(None, description="W3C date-time; default: 90 days before end_date"),
    end_date: Optional[str] = Query(None, description="W3C date-time; default: now"),
    status: Optional[List[str]] = Query(None, description="open, closed or both, comma-separated or repeated"),
    limit: int = Depends(result_limit),
    extensions: bool = Depends(with_extensions),
    session: Session = Depends(db_session),
    profile: Profile = Depends(get_profile),
    locale: str = Depends(get_locale),
):
    ids = _csv(service_request_id)
    if ids is not None:
        numbers = [number for number in map(canonical_tracking_number, ids[:MAX_RESULTS]) if number]
        query = RequestQuery(service_request_ids=numbers, limit=limit)
    else:
        codes = _csv(service_code)
        unknown = [code for code in codes or [] if code not in profile.categories]
        if unknown:
            raise BadRequest(f"service_code: unknown {', '.join(unknown)}")
        wanted = _csv(status)
        if wanted and not set(wanted) <= {"open", "closed"}:
            raise BadRequest("status: use open, closed or open,closed")
        start_at, end_at = _date_window(start_date, end_date, profile)
        query = RequestQuery(
            service_codes=codes,
            statuses=set().union(*(internal_statuses(s) for s in wanted)) if wanted else None,
            requested_from=start_at,
            requested_until=end_at,
            limit=limit,
        )
    now = utc_now()
    found = find_requests(session, query)
    return respond([views.service_request(profile, r, locale, now, extended=extensions) for r in found], fmt, "service_requests")


@router.get("/requests/{service_request_id}.{fmt}", summary="GET Service Request", dependencies=[Depends(jurisdiction)])
def get_request(
    service_request_id: str,
    fmt: str = Depends(output_format),
    extensions: bool = Depends(with_extensions),
    session: Session = Depends(db_session),
    profile: Profile = Depends(get_profile),
    locale: str = Depends(get_locale),
):
    request = find_request(session, service_request_id)
    return respond([views.service_request(profile, request, locale, utc_now(), extended=extensions)], fmt, "service_requests")


@router.get("/tokens/{token}.{fmt}", summary="GET service_request_id from a token", dependencies=[Depends(jurisdiction)])
def get_token(token: str, fmt: str = Depends(output_format), session: Session = Depends(db_session)):
    request = _HEX_TOKEN.fullmatch(token) and session.scalars(
        select(ServiceRequest).where(ServiceRequest.token == token)
    ).one_or_none()
    if request is None:
        raise NotFound(f"token {token} not found")
    return respond([{"service_request_id": request.service_request_id, "token": request.token}], fmt, "service_requests")
