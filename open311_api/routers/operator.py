"""Operator API under /api/v1/ (JSON): what GeoReport v2 has no words for.

Any valid key (X-API-Key header or api_key parameter) may use the citizen
features: my complaints, nearby complaints, joining, photos, reopening and
rating. Status changes, resolving and escalating need the operator key.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Depends, Query, Response
from pydantic import AnyHttpUrl, conint, validator
from sqlalchemy.orm import Session

from common.api_model import ApiModel

from .. import lifecycle, views
from ..auth import BOT, OPERATOR, api_role
from ..daily_summary import ComplaintDay, daily_summary
from ..dependencies import db_session, get_locale, get_profile
from ..duplicates import nearby_open, same_place_open
from ..errors import BadRequest, Forbidden
from ..geo import polygon_contains
from ..intake import citizen_phone
from ..locate import locate
from ..models import ServiceRequest
from ..profile import Profile
from ..queries import RequestQuery, count_requests, find_requests
from ..report import ComplaintReport, complaint_report
from ..responses import Utf8JSONResponse
from ..statuses import ALL, SUBMITTED, internal_statuses
from ..text_fields import clean_text
from ..timefmt import utc_now

router = APIRouter(prefix="/api/v1", tags=["operator"], default_response_class=Utf8JSONResponse)

Note = Optional[clean_text(2000)]
Phone = clean_text(32)
MAX_NEARBY_RADIUS_M = 1000
MAX_LISTED_IDS = 1000  # as many as one page holds


class StatusUpdate(ApiModel):
    status: str
    note: Note = None
    officer: Optional[clean_text(64)] = None

    @validator("status")
    def _settable(cls, value: str) -> str:
        settable = [status for status in ALL if status != SUBMITTED]
        if value not in settable:
            raise ValueError(f"must be one of {', '.join(settable)}")
        return value


class Resolution(ApiModel):
    note: Note = None
    officer: Optional[clean_text(64)] = None
    media_url: Optional[AnyHttpUrl] = None  # the after-photo


class Escalation(ApiModel):
    note: Note = None


class CitizenPhoto(ApiModel):
    phone: Phone
    media_url: AnyHttpUrl


class NewSupporter(ApiModel):
    phone: Phone
    name: Optional[clean_text(200)] = None


class Reopening(ApiModel):
    phone: Phone
    note: Note = None


class Rating(ApiModel):
    phone: Phone
    rating: conint(ge=1, le=5)
    comment: Note = None


@dataclass
class Caller:
    """Who is calling, with what they need to act on complaints."""

    role: str
    session: Session
    profile: Profile
    locale: str

    def complaint(self, service_request_id: str) -> ServiceRequest:
        return lifecycle.find_request(self.session, service_request_id)

    def view(self, request: ServiceRequest) -> Dict[str, Any]:
        # Officers need the citizen's contact details; clients see the complaint's state only.
        return views.service_request(self.profile, request, self.locale, utc_now(), extended=True, contact=self.role == OPERATOR)


def any_caller(
    role: str = Depends(api_role),
    session: Session = Depends(db_session),
    profile: Profile = Depends(get_profile),
    locale: str = Depends(get_locale),
) -> Caller:
    return Caller(role, session, profile, locale)


def citizens_agent(caller: Caller = Depends(any_caller)) -> Caller:
    """The bot or the operator: an ordinary client key may not act for a citizen by phone."""
    if caller.role not in (BOT, OPERATOR):
        raise Forbidden("acting for a citizen needs the bot's or the operator's API key")
    return caller


def operator_caller(caller: Caller = Depends(any_caller)) -> Caller:
    if caller.role != OPERATOR:
        raise Forbidden("this action needs the operator API key")
    return caller


def _known(profile_items: dict, value: Optional[str], name: str) -> Optional[str]:
    if value is not None and value not in profile_items:
        raise BadRequest(f"{name}: unknown {value}")
    return value


def _statuses(value: Optional[str]) -> Optional[set]:
    if not value:
        return None
    statuses: set = set()
    for item in (part.strip() for part in value.split(",")):
        if item in ("open", "closed"):
            statuses |= internal_statuses(item)
        elif item in ALL:
            statuses.add(item)
        else:
            raise BadRequest(f"status: {item} is neither open, closed nor one of {', '.join(ALL)}")
    return statuses


TOTAL_HEADER = "X-Total-Count"  # every match over all pages, for a client showing page n of m


def _internal_statuses(value: Optional[str]) -> Optional[set]:
    if not value:
        return None
    statuses = {part.strip() for part in value.split(",")}
    unknown = statuses - set(ALL)
    if unknown:
        raise BadRequest(f"internal_status: {', '.join(sorted(unknown))} is not one of {', '.join(ALL)}")
    return statuses


def _both(first: Optional[set], second: Optional[set]) -> Optional[set]:
    """What both filters let through (None: no filter)."""
    return second if first is None else first if second is None else first & second


@router.get("/requests", summary="Complaints of a citizen (phone) or, for operators, any filter")
def list_requests(
    response: Response,
    phone: Optional[Phone] = Query(None, description="complainant's or supporter's phone (the WhatsApp number)"),
    status: Optional[str] = Query(None, description="open, closed or internal statuses, comma-separated"),
    internal_status: Optional[str] = Query(None, description="internal statuses only, comma-separated: "
                                                             "closed here is not also resolved"),
    service_code: Optional[str] = None,
    department: Optional[List[str]] = Query(None, description="one or more departments (repeat the parameter)"),
    ward: Optional[str] = None,
    officer: Optional[str] = None,
    service_request_id: Optional[List[str]] = Query(None, description="only these complaints (repeat the parameter)"),
    escalated: Optional[bool] = Query(None, description="moved up the escalation ladder at least once, or never"),
    overdue: Optional[bool] = Query(None, description="true: open and past the expected resolution"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, description="items to skip: the next page starts at offset + limit"),
    order: str = Query("newest", pattern="^(newest|due)$", description="newest first, or earliest due first"),
    caller: Caller = Depends(citizens_agent),
) -> List[Dict[str, Any]]:
    """The page asked for; the X-Total-Count header says how many match in all."""
    if phone is None and caller.role != OPERATOR:
        raise BadRequest("phone is required: clients see one citizen's complaints")
    profile = caller.profile
    phone = citizen_phone(profile, phone)
    query = RequestQuery(
        service_request_ids=service_request_id[:MAX_LISTED_IDS] if service_request_id is not None else None,
        service_codes=[_known(profile.categories, service_code, "service_code")] if service_code else None,
        statuses=_both(_statuses(status), _internal_statuses(internal_status)),
        departments=[_known(profile.departments, code, "department") for code in department]
        if department is not None else None,
        ward=_known(profile.wards, ward, "ward"),
        officer=_known(profile.officers, officer, "officer"),
        phone=phone,
        escalated=escalated,
        overdue_at=utc_now() if overdue else None,
        limit=limit,
        offset=offset,
        by_due=order == "due",
    )
    found = []
    for request in find_requests(caller.session, query):
        view = caller.view(request)
        if phone is not None:
            view["role"] = "complainant" if request.phone == phone else "supporter"
        found.append(view)
    response.headers[TOTAL_HEADER] = str(count_requests(caller.session, query))
    return found


@router.get("/requests/nearby", summary="Open complaints near a point: likely duplicates to join")
def nearby_requests(
    lat: float = Query(..., ge=-90, le=90),
    long: float = Query(..., ge=-180, le=180),
    service_code: Optional[str] = None,
    radius_m: Optional[float] = Query(None, gt=0, le=MAX_NEARBY_RADIUS_M, description="default: the profile's duplicate radius"),
    caller: Caller = Depends(any_caller),
) -> List[Dict[str, Any]]:
    _known(caller.profile.categories, service_code, "service_code")
    found = nearby_open(caller.session, lat, long, radius_m or caller.profile.duplicate_radius_m, service_code)
    return [{**caller.view(request), "distance_m": round(distance, 1)} for request, distance in found]


@router.get("/requests/same-place", summary="Open complaints at a typed address without a pin: likely duplicates to join")
def same_place_requests(
    address: str = Query(..., min_length=2, max_length=500),
    service_code: Optional[str] = None,
    caller: Caller = Depends(any_caller),
) -> List[Dict[str, Any]]:
    _known(caller.profile.categories, service_code, "service_code")
    return [caller.view(request) for request in same_place_open(caller.session, address, service_code)]


@router.get("/requests/{service_request_id}", summary="One complaint with history, photos, routing and SLA")
def get_request(service_request_id: str, caller: Caller = Depends(any_caller)) -> Dict[str, Any]:
    return caller.view(caller.complaint(service_request_id))


@router.post("/requests/{service_request_id}/status", summary="Change the status (operator)")
def update_status(service_request_id: str, update: StatusUpdate, caller: Caller = Depends(operator_caller)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    lifecycle.change_status(caller.session, caller.profile, request, update.status, update.note, update.officer)
    return caller.view(request)


@router.post("/requests/{service_request_id}/resolve", summary="Resolve, with an after-photo (operator)")
def resolve_request(service_request_id: str, resolution: Resolution, caller: Caller = Depends(operator_caller)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    media_url = str(resolution.media_url) if resolution.media_url else None
    lifecycle.resolve(caller.session, caller.profile, request, resolution.note, resolution.officer, media_url)
    return caller.view(request)


@router.post("/requests/{service_request_id}/escalate", summary="Hand over to the next escalation level (operator)")
def escalate_request(service_request_id: str, escalation: Escalation, caller: Caller = Depends(operator_caller)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    lifecycle.escalate(caller.session, caller.profile, request, escalation.note)
    return caller.view(request)


@router.post("/requests/{service_request_id}/photos", summary="Add a citizen's photo")
def add_photo(service_request_id: str, photo: CitizenPhoto, caller: Caller = Depends(citizens_agent)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    lifecycle.add_photo(caller.session, caller.profile, request, photo.phone, str(photo.media_url))
    return caller.view(request)


@router.post("/requests/{service_request_id}/supporters", summary="Join an existing complaint instead of filing a duplicate")
def add_supporter(service_request_id: str, supporter: NewSupporter, response: Response, caller: Caller = Depends(citizens_agent)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    joined = lifecycle.add_supporter(caller.session, caller.profile, request, supporter.phone, supporter.name)
    response.status_code = 201 if joined else 200
    return caller.view(request)


@router.post("/requests/{service_request_id}/reopen", summary="The citizen reports the problem is not fixed")
def reopen_request(service_request_id: str, reopening: Reopening, caller: Caller = Depends(citizens_agent)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    lifecycle.reopen(caller.session, caller.profile, request, reopening.phone, reopening.note)
    return caller.view(request)


@router.post("/requests/{service_request_id}/rating", summary="The citizen rates the resolution (1-5)")
def rate_request(service_request_id: str, rating: Rating, caller: Caller = Depends(citizens_agent)) -> Dict[str, Any]:
    request = caller.complaint(service_request_id)
    lifecycle.rate(caller.session, caller.profile, request, rating.phone, rating.rating, rating.comment)
    return caller.view(request)


SUMMARY_DAYS = (date(2000, 1, 1), date(2999, 12, 31))  # a day a complaint could have; the ends overflow in UTC


@router.get("/summary", summary="Per department: complaints made, resolved, escalated on a day; open and overdue now",
            response_model=ComplaintDay)
def complaints_of_the_day(
    day: Optional[date] = Query(None, description="Default: today in the city's time zone"),
    caller: Caller = Depends(operator_caller),
) -> ComplaintDay:
    now = utc_now()
    if day is not None and not SUMMARY_DAYS[0] <= day <= SUMMARY_DAYS[1]:
        raise BadRequest(f"day: between {SUMMARY_DAYS[0]} and {SUMMARY_DAYS[1]}")
    return daily_summary(caller.session, caller.profile, caller.locale, day or now.astimezone(caller.profile.tz).date(), now)


@router.get("/reports/complaints", response_model=ComplaintReport,
            summary="Complaints by category and ward, median hours to resolution, share resolved by the SLA time")
def complaints_report(
    department: Optional[List[str]] = Query(None, description="department code, repeatable; none: every department"),
    caller: Caller = Depends(operator_caller),
) -> ComplaintReport:
    for code in department or []:
        _known(caller.profile.departments, code, "department")
    return complaint_report(caller.session, caller.profile, caller.locale, department or None, utc_now())


@router.get("/departments", summary="Departments, their officers and categories", dependencies=[Depends(api_role)])
def list_departments(profile: Profile = Depends(get_profile), locale: str = Depends(get_locale)) -> List[Dict[str, Any]]:
    text = profile.text
    return [
        {
            "code": department.code,
            "name": text(department.name, locale),
            "categories": [c.code for c in profile.categories.values() if c.department == department.code],
            "officers": [
                {
                    "code": officer.code,
                    "name": text(officer.name, locale),
                    "designation": text(officer.designation, locale),
                    "level": officer.level,
                    "wards": officer.wards,
                    "zones": officer.zones,
                }
                for officer in department.officers
            ],
        }
        for department in profile.departments.values()
    ]


@router.get("/locate", summary="Where a place is: inside the city or not, its ward and a readable name")
def locate_place(
    lat: Optional[float] = Query(None, ge=-90, le=90),
    long: Optional[float] = Query(None, ge=-180, le=180),
    address: Optional[clean_text(500)] = None,
    caller: Caller = Depends(any_caller),
) -> Dict[str, Any]:
    """For a WhatsApp pin, a place a citizen can read ("Palasia, Indore") and whether it is in the city
    at all; for typed words, the ward they name."""
    profile, locale = caller.profile, caller.locale
    if (lat is None) != (long is None):
        raise BadRequest("lat and long go together")
    pinned = lat is not None and long is not None
    inside = polygon_contains(profile.boundary, lat, long) if pinned and profile.boundary else None
    ward = locate(profile, lat, long, address) if inside is not False else None
    city = profile.text(profile.city, locale)
    return {
        "inside": inside,
        "ward": {"code": ward.code, "name": profile.text(ward.name, locale)} if ward else None,
        "zone": {"code": ward.zone, "name": profile.text(profile.zones[ward.zone].name, locale)} if ward else None,
        "place": f"{profile.text(ward.name, locale)}, {city}" if ward else (city if inside else None),
    }


@router.get("/wards", summary="Zones and wards known to the profile", dependencies=[Depends(api_role)])
def list_wards(profile: Profile = Depends(get_profile), locale: str = Depends(get_locale)) -> List[Dict[str, Any]]:
    return [
        {
            "code": ward.code,
            "name": profile.text(ward.name, locale),
            "zone": {"code": ward.zone, "name": profile.text(profile.zones[ward.zone].name, locale)},
        }
        for ward in profile.wards.values()
    ]
