"""Likely duplicates: open complaints of the same category a few metres away,
or, for a place typed without a pin, at an address with the same words."""
from __future__ import annotations

import re
from typing import FrozenSet, List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from .geo import bounding_box, haversine_m
from .models import ServiceRequest
from .statuses import OPEN_STATUSES

# Words that only link and name no place: "scheme 78 sector A ka main chauraha" and "scheme 78 sector A
# chauraha pe" are one place.
_LINKING_WORDS = frozenset("""
    ka ki ke k me mein mai pe par pr wali wala wale vali vala the of in at on main road side
    का की के में मे पे पर वाली वाला वाले
""".split())
# Where from the landmark: both addresses say the same or none ("in front of the mall" is not "behind it").
_DIRECTIONS = frozenset("""
    near paas pas samne saamne peeche piche pichhe aage opposite behind beside front
    पास सामने पीछे आगे
""".split())
_SEPARATORS = re.compile(r"[\s,.;:!?()/\\\-]+")
SAME_PLACE_CANDIDATES = 500  # the newest open complaints of the category compared
# Words the shorter address needs: "मल्हारगंज, गोराकुंड" is an area, where two problems of one kind are
# often two; "scheme 78 sector A chauraha" is one spot.
SAME_PLACE_MIN_WORDS = 3


def nearby_open(
    session: Session, lat: float, long: float, radius_m: float, service_code: Optional[str] = None
) -> List[Tuple[ServiceRequest, float]]:
    """(complaint, distance in metres), nearest first."""
    min_lat, max_lat, min_long, max_long = bounding_box(lat, long, radius_m)
    query = select(ServiceRequest).where(
        ServiceRequest.status.in_(OPEN_STATUSES),
        ServiceRequest.lat.between(min_lat, max_lat),
        ServiceRequest.long.between(min_long, max_long),
    )
    if service_code is not None:
        query = query.where(ServiceRequest.service_code == service_code)
    found = [(request, haversine_m(lat, long, request.lat, request.long)) for request in session.scalars(query)]
    return sorted([pair for pair in found if pair[1] <= radius_m], key=lambda pair: pair[1])


def _place_words(address: Optional[str]) -> FrozenSet[str]:
    return frozenset(word for word in _SEPARATORS.split((address or "").casefold()) if word and word not in _LINKING_WORDS)


def same_place(first: Optional[str], second: Optional[str]) -> bool:
    """Two typed addresses name one spot: the shorter says enough, every word of it is in the longer, so
    the numbers and letters agree too ("gali 3" is not "gali 4", "sector A" not "sector B"), and both
    point the same way from their landmark."""
    one, other = _place_words(first), _place_words(second)
    shorter, longer = sorted((one, other), key=len)
    return len(shorter - _DIRECTIONS) >= SAME_PLACE_MIN_WORDS and shorter <= longer \
        and one & _DIRECTIONS == other & _DIRECTIONS


def same_place_open(session: Session, address: str, service_code: Optional[str] = None) -> List[ServiceRequest]:
    """Open complaints at the place a typed address names, newest first."""
    query = select(ServiceRequest).where(ServiceRequest.status.in_(OPEN_STATUSES), ServiceRequest.address.is_not(None))
    if service_code is not None:
        query = query.where(ServiceRequest.service_code == service_code)
    query = query.order_by(ServiceRequest.requested_at.desc()).limit(SAME_PLACE_CANDIDATES)
    return [request for request in session.scalars(query) if same_place(address, request.address)]
