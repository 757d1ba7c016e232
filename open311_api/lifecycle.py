"""What happens to a complaint after submission: status changes by officers,
resolution with an after-photo, escalation, and the citizen's reopening,
rating, extra photos and joining as a supporter."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Optional

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .errors import BadRequest, Conflict, Forbidden, NotFound
from .intake import citizen_phone
from .models import Photo, ServiceRequest, StatusChange, Supporter
from .numbering import canonical_tracking_number
from .profile import Profile, Ward
from .routing import escalation_target
from .sla import expected_by
from .statuses import CLOSED_STATUSES, ESCALATED, OPEN_STATUSES, REOPENED, RESOLVED, can_change
from .timefmt import utc_now

log = logging.getLogger(__name__)


def find_request(session: Session, service_request_id: str) -> ServiceRequest:
    number = canonical_tracking_number(service_request_id)
    request = number and session.scalars(
        select(ServiceRequest).where(ServiceRequest.service_request_id == number)
    ).one_or_none()
    if request is None:
        raise NotFound(f"service_request_id {service_request_id} not found")
    return request


def _record(request: ServiceRequest, event: str, actor: str, note: Optional[str], officer_code: Optional[str], now: datetime) -> None:
    request.history.append(
        StatusChange(event=event, status=request.status, note=note, officer_code=officer_code, actor=actor, created_at=now)
    )
    request.updated_at = now


def _known_officer(profile: Profile, code: Optional[str]) -> Optional[str]:
    if code is not None and code not in profile.officers:
        raise BadRequest(f"officer: unknown officer code {code}")
    return code


def _ward(profile: Profile, request: ServiceRequest) -> Optional[Ward]:
    return profile.wards.get(request.ward_code or "")


def _check_citizen(profile: Profile, request: ServiceRequest, raw_phone: str, complainant_only: bool = False) -> None:
    """Citizens act on complaints they filed (or, where allowed, support)."""
    phone = citizen_phone(profile, raw_phone)
    supporters = {supporter.phone for supporter in request.supporters}
    if phone != request.phone and (complainant_only or phone not in supporters):
        who = "the complainant's" if complainant_only else "the complainant's or a supporter's"
        raise Forbidden(f"this phone number is not {who} for {request.service_request_id}")


def change_status(
    session: Session,
    profile: Profile,
    request: ServiceRequest,
    status: str,
    note: Optional[str] = None,
    officer_code: Optional[str] = None,
    actor: str = "operator",
) -> ServiceRequest:
    # the same open status again with a note is a progress note ("supply back by tomorrow")
    progress_note = status == request.status and status in OPEN_STATUSES and bool(note)
    if not (can_change(request.status, status) or progress_note):
        raise Conflict(f"a complaint that is {request.status} cannot become {status}")
    officer_code = _known_officer(profile, officer_code)
    now = utc_now()
    request.status = status
    category = profile.categories.get(request.service_code)
    if status == REOPENED and category is not None:
        request.expected_at = expected_by(now, category)  # the clock restarts
    _record(request, status, actor, note, officer_code, now)
    session.commit()
    log.info("complaint %s is now %s (%s)", request.service_request_id, status, actor)
    return request


def resolve(session: Session, profile: Profile, request: ServiceRequest, note: Optional[str], officer_code: Optional[str], after_photo_url: Optional[str]) -> ServiceRequest:
    if after_photo_url:
        request.photos.append(Photo(media_url=after_photo_url, kind="after", added_at=utc_now()))
    return change_status(session, profile, request, RESOLVED, note, officer_code)


def escalate(session: Session, profile: Profile, request: ServiceRequest, note: Optional[str]) -> ServiceRequest:
    if request.status in CLOSED_STATUSES:
        raise Conflict(f"{request.service_request_id} is {request.status}; only open complaints are escalated")
    current = profile.officer(request.officer_code)
    target = escalation_target(profile, request.department_code, current, _ward(profile, request))
    if target is None:
        raise Conflict(f"{request.service_request_id} is already with the highest level")
    request.officer_code = target.code
    _record(request, ESCALATED, "operator", note, target.code, utc_now())
    session.commit()
    log.info("complaint %s escalated to %s", request.service_request_id, target.code)
    return request


def reopen(session: Session, profile: Profile, request: ServiceRequest, phone: str, note: Optional[str]) -> ServiceRequest:
    _check_citizen(profile, request, phone)
    return change_status(session, profile, request, REOPENED, note, actor="citizen")


def rate(session: Session, profile: Profile, request: ServiceRequest, phone: str, rating: int, comment: Optional[str]) -> ServiceRequest:
    _check_citizen(profile, request, phone, complainant_only=True)
    if request.status not in CLOSED_STATUSES:
        raise Conflict(f"{request.service_request_id} can be rated once it is resolved")
    # updated_datetime stays the closing time (GeoReport v2): a rating changes no status.
    request.rating, request.rating_comment, request.rated_at = rating, comment, utc_now()
    session.commit()
    return request


def add_photo(session: Session, profile: Profile, request: ServiceRequest, phone: str, media_url: str) -> ServiceRequest:
    _check_citizen(profile, request, phone)
    now = utc_now()
    request.photos.append(Photo(media_url=media_url, kind="report", added_at=now))
    if request.status not in CLOSED_STATUSES:  # a closed request's updated_datetime is its closing time
        request.updated_at = now
    session.commit()
    return request


def add_supporter(session: Session, profile: Profile, request: ServiceRequest, raw_phone: str, name: Optional[str]) -> bool:
    """True when the citizen joined now, False when they already had."""
    if request.status in CLOSED_STATUSES:
        raise Conflict(f"{request.service_request_id} is {request.status}; report the problem as a new complaint")
    phone = citizen_phone(profile, raw_phone)
    if phone == request.phone or any(supporter.phone == phone for supporter in request.supporters):
        return False
    now = utc_now()
    request.supporters.append(Supporter(phone=phone, name=name, created_at=now))
    request.updated_at = now
    try:
        session.commit()
    except IntegrityError:  # the same citizen joined in a parallel request
        session.rollback()
        return False
    log.info("citizen %s supports complaint %s", phone, request.service_request_id)
    return True
