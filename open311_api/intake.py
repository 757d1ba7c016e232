"""A new complaint: checked, placed in a ward, routed, numbered, timed, stored."""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import List, Optional, Tuple

from sqlalchemy.orm import Session

from .attributes import checked_attributes
from .duplicates import nearby_open
from .errors import BadRequest, NotFound
from .inputs import NewRequest
from .locate import locate
from .models import Photo, ServiceRequest, StatusChange
from .numbering import next_tracking_number
from .phones import normalize_phone
from .profile import Profile
from .routing import assign
from .sla import expected_by
from .statuses import SUBMITTED
from .timefmt import utc_now

log = logging.getLogger(__name__)


@dataclass
class Created:
    request: ServiceRequest
    likely_duplicates: List[Tuple[ServiceRequest, float]]


def citizen_phone(profile: Profile, raw: Optional[str]) -> Optional[str]:
    if raw is None:
        return None
    try:
        return normalize_phone(raw, profile.phone_country_code)
    except ValueError:
        raise BadRequest(f"phone: {raw!r} is not a phone number") from None


def create_complaint(session: Session, profile: Profile, jurisdiction_id: str, new: NewRequest) -> Created:
    category = profile.categories.get(new.service_code)
    if category is None:
        raise NotFound(f"service_code {new.service_code} not found; GET services.json lists the codes")
    attributes = checked_attributes(category, new.attributes, profile.tz)
    phone = citizen_phone(profile, new.phone)
    ward = locate(profile, new.lat, new.long, new.address_string)
    officer = assign(profile, category, ward)
    duplicates = (
        nearby_open(session, new.lat, new.long, profile.duplicate_radius_m, category.code) if new.lat is not None else []
    )
    now = utc_now()
    # Numbered last: the counter row stays locked until this transaction ends.
    number = next_tracking_number(session, profile.tracking_prefix, now.astimezone(profile.tz).year)
    request = ServiceRequest(
        service_request_id=number,
        token=uuid.uuid4().hex,
        jurisdiction_id=jurisdiction_id,
        service_code=category.code,
        status=SUBMITTED,
        description=new.description,
        attributes=attributes,
        lat=new.lat,
        long=new.long,
        address=new.address_string,
        address_id=new.address_id,
        ward_code=ward.code if ward else None,
        zone_code=ward.zone if ward else None,
        department_code=category.department,
        officer_code=officer.code,
        first_name=new.first_name,
        last_name=new.last_name,
        phone=phone,
        email=new.email,
        device_id=new.device_id,
        account_id=new.account_id,
        requested_at=now,
        updated_at=now,
        expected_at=expected_by(now, category),
        likely_duplicate_of=duplicates[0][0].service_request_id if duplicates else None,
        photos=[Photo(media_url=str(url), kind="report", added_at=now) for url in new.media_urls],
        history=[StatusChange(event=SUBMITTED, status=SUBMITTED, officer_code=officer.code, actor="citizen", created_at=now)],
    )
    session.add(request)
    session.commit()
    log.info(
        "complaint %s (%s) in ward %s assigned to %s; citizen %s%s",
        number, category.code, request.ward_code, officer.code, phone or "-",
        f"; likely duplicate of {request.likely_duplicate_of}" if duplicates else "",
    )
    return Created(request, duplicates)
