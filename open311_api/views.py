"""What clients see: services, definitions and complaints as GeoReport v2
fields (plus this backend's extended attributes), independent of JSON or XML."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .models import ServiceRequest, StatusChange
from .profile import Category, Profile
from .sla import is_overdue
from .statuses import CLOSED_STATUSES, open311_status
from .timefmt import to_w3

GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2"


def discovery(profile: Profile, endpoint_url: str, locale: str) -> Dict[str, Any]:
    text = profile.text
    return {
        "changeset": profile.discovery.changeset,
        "contact": text(profile.discovery.contact, locale),
        "key_service": text(profile.discovery.key_service, locale),
        "endpoints": [
            {
                "specification": GEOREPORT_V2,
                "url": endpoint_url,
                "changeset": profile.discovery.changeset,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def service(profile: Profile, category: Category, locale: str) -> Dict[str, Any]:
    keywords = [word for words in category.keywords.values() for word in words]
    return {
        "service_code": category.code,
        "service_name": profile.text(category.name, locale),
        "description": profile.text(category.description, locale),
        "metadata": bool(category.attributes),
        "type": "realtime",
        "keywords": ", ".join(dict.fromkeys(keywords)),
        "group": category.group,
    }


def service_definition(profile: Profile, category: Category, locale: str) -> Dict[str, Any]:
    text = profile.text
    return {
        "service_code": category.code,
        "attributes": [
            {
                "variable": attribute.variable,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": text(attribute.datatype_description, locale) or None,
                "order": order,
                "description": text(attribute.description, locale),
                "values": [{"key": key, "name": text(names, locale)} for key, names in attribute.values.items()],
            }
            for order, attribute in enumerate(category.attributes, start=1)
        ],
    }


def _department_name(profile: Profile, request: ServiceRequest, locale: str) -> str:
    department = profile.departments.get(request.department_code)
    return profile.text(department.name, locale) if department else request.department_code


def _officer_label(profile: Profile, code: Optional[str], locale: str) -> str:
    officer = profile.officer(code)
    if officer is None:
        return code or ""
    return f"{profile.text(officer.name, locale)} ({profile.text(officer.designation, locale)})"


def service_notice(profile: Profile, request: ServiceRequest, locale: str) -> str:
    category = profile.categories.get(request.service_code)
    return profile.text(profile.texts.service_notice, locale).format(
        department=_department_name(profile, request, locale),
        sla_hours=category.sla_hours if category else "",
        officer=_officer_label(profile, request.officer_code, locale),
    )


def note_text(profile: Profile, request: ServiceRequest, change: StatusChange, locale: str) -> str:
    """The actor's note, else the profile's standard text for the event."""
    if change.note:
        return change.note
    return profile.text(profile.texts.status_notes[change.event], locale).format(
        department=_department_name(profile, request, locale),
        officer=_officer_label(profile, change.officer_code, locale),
        sla_hours="",
    )


def _address(profile: Profile, request: ServiceRequest, locale: str) -> Optional[str]:
    """As the citizen wrote it; for a bare pin, the ward and city it lies in."""
    if request.address:
        return request.address
    ward = profile.wards.get(request.ward_code or "")
    return f"{profile.text(ward.name, locale)}, {profile.text(profile.city, locale)}" if ward else None


def _named(profile: Profile, items: Dict[str, Any], code: Optional[str], locale: str) -> Optional[Dict[str, str]]:
    item = items.get(code or "")
    return {"code": item.code, "name": profile.text(item.name, locale)} if item else None


def _officer(profile: Profile, code: str, locale: str) -> Dict[str, Any]:
    officer = profile.officer(code)
    if officer is None:
        return {"code": code}
    return {
        "code": officer.code,
        "name": profile.text(officer.name, locale),
        "designation": profile.text(officer.designation, locale),
        "level": officer.level,
    }


def _attribute_list(request: ServiceRequest) -> List[Dict[str, str]]:
    # One entry per value keeps multi-value answers representable in XML.
    return [
        {"code": code, "value": value}
        for code, values in request.attributes.items()
        for value in (values if isinstance(values, list) else [values])
    ]


def _extended(profile: Profile, request: ServiceRequest, locale: str, now: datetime) -> Dict[str, Any]:
    tz = profile.tz
    category = profile.categories.get(request.service_code)
    return {
        "internal_status": request.status,
        "department": {"code": request.department_code, "name": _department_name(profile, request, locale)},
        "officer": _officer(profile, request.officer_code, locale),
        "ward": _named(profile, profile.wards, request.ward_code, locale),
        "zone": _named(profile, profile.zones, request.zone_code, locale),
        "sla_hours": category.sla_hours if category else None,
        "overdue": is_overdue(request.expected_at, now, request.status in CLOSED_STATUSES),
        "attributes": _attribute_list(request),
        "photos": [
            {"media_url": photo.media_url, "kind": photo.kind, "datetime": to_w3(photo.added_at, tz)}
            for photo in request.photos
        ],
        "supporters_count": len(request.supporters),
        "likely_duplicate_of": request.likely_duplicate_of,
        "rating": request.rating,
        "rating_comment": request.rating_comment,
        "token": request.token,
    }


def _notes(profile: Profile, request: ServiceRequest, locale: str) -> List[Dict[str, Any]]:
    return [
        {
            "datetime": to_w3(change.created_at, profile.tz),
            "type": change.event,
            "status": open311_status(change.status),
            "internal_status": change.status,
            "description": note_text(profile, request, change, locale),
            "officer": change.officer_code,
            "actor": change.actor,
        }
        for change in request.history
    ]


def _contact(request: ServiceRequest) -> Dict[str, Any]:
    """The complainant's contact details, and the phones of the citizens who joined the complaint
    (they get its updates too)."""
    return {
        "first_name": request.first_name,
        "last_name": request.last_name,
        "phone": request.phone,
        "email": request.email,
        "account_id": request.account_id,
        "device_id": request.device_id,
        "supporter_phones": [supporter.phone for supporter in request.supporters],
    }


def service_request(
    profile: Profile,
    request: ServiceRequest,
    locale: str,
    now: datetime,
    extended: bool = False,
    contact: bool = False,
) -> Dict[str, Any]:
    """GeoReport v2 fields; `extended` adds extended_attributes and notes (the
    documented `extensions=true` convention); `contact` the citizen's details."""
    tz = profile.tz
    category = profile.categories.get(request.service_code)
    report_photos = [photo.media_url for photo in request.photos if photo.kind == "report"]
    view: Dict[str, Any] = {
        "service_request_id": request.service_request_id,
        "status": open311_status(request.status),
        "status_notes": note_text(profile, request, request.history[-1], locale) if request.history else None,
        "service_name": profile.text(category.name, locale) if category else request.service_code,
        "service_code": request.service_code,
        "description": request.description,
        "agency_responsible": _department_name(profile, request, locale),
        "service_notice": service_notice(profile, request, locale),
        "requested_datetime": to_w3(request.requested_at, tz),
        "updated_datetime": to_w3(request.updated_at, tz),
        "expected_datetime": to_w3(request.expected_at, tz),
        "address": _address(profile, request, locale),
        "address_id": request.address_id,
        "zipcode": None,
        "lat": request.lat,
        "long": request.long,
        "media_url": report_photos[0] if report_photos else None,
    }
    if extended:
        view["extended_attributes"] = _extended(profile, request, locale, now)
        view["notes"] = _notes(profile, request, locale)
    if contact:
        view["contact"] = _contact(request)
    return view


def created(
    profile: Profile,
    request: ServiceRequest,
    duplicates: Sequence[Tuple[ServiceRequest, float]],
    locale: str,
    now: datetime,
    extended: bool,
) -> Dict[str, Any]:
    """The POST requests answer: service_request_id, service_notice, account_id."""
    view: Dict[str, Any] = {
        "service_request_id": request.service_request_id,
        "service_notice": service_notice(profile, request, locale),
        "account_id": request.account_id,
    }
    if extended:
        full = service_request(profile, request, locale, now, extended=True)
        view["extended_attributes"] = {
            **full["extended_attributes"],
            "agency_responsible": full["agency_responsible"],
            "expected_datetime": full["expected_datetime"],
            "likely_duplicates": [
                {"service_request_id": other.service_request_id, "distance_m": round(distance, 1)}
                for other, distance in duplicates
            ],
        }
    return view
