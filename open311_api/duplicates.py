"""Likely duplicates: open complaints of the same category a few metres away."""
from __future__ import annotations

from typing import List, Optional, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from .geo import bounding_box, haversine_m
from .models import ServiceRequest
from .statuses import OPEN_STATUSES


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
