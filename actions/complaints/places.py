"""Places outside the city this 311 service covers (content/other_cities.yml)."""
from __future__ import annotations

from typing import Any, Dict, Optional

from actions.texts import content
from common.words import normalise


def _padded(text: str) -> str:
    return f" {' '.join(normalise(text).split())} "


def other_city_in(place: str) -> Optional[Dict[str, Any]]:
    """The other city a typed place names ("MP Nagar, Bhopal"), unless it is a place of this city named
    after one ("Dewas Naka")."""
    padded = _padded(place)
    data = content("other_cities")
    for inside in data["inside_city"]:
        padded = padded.replace(_padded(inside), " ")
    return next((city for city in data["cities"]
                 if any(_padded(name) in padded for name in city["names"])), None)
