"""Distances and shapes on the earth's surface (WGS84 lat/long in degrees)."""
from __future__ import annotations

import math
from typing import Sequence, Tuple

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_M / 180


def haversine_m(lat1: float, long1: float, lat2: float, long2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(long2 - long1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bounding_box(lat: float, long: float, radius_m: float) -> Tuple[float, float, float, float]:
    """(min_lat, max_lat, min_long, max_long) enclosing the circle; lets SQL pre-filter."""
    d_lat = radius_m / METRES_PER_DEGREE_LAT
    d_long = radius_m / (METRES_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 1e-6))
    return lat - d_lat, lat + d_lat, long - d_long, long + d_long


def polygon_contains(polygon: Sequence[Tuple[float, float]], lat: float, long: float) -> bool:
    """Even-odd ray casting; city wards are small enough to treat degrees as planar."""
    inside = False
    corners = list(polygon)
    for (lat_a, long_a), (lat_b, long_b) in zip(corners, corners[1:] + corners[:1]):
        if (lat_a > lat) != (lat_b > lat):
            crossing_long = long_a + (lat - lat_a) * (long_b - long_a) / (lat_b - lat_a)
            if long < crossing_long:
                inside = not inside
    return inside
