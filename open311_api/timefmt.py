"""W3C/ISO 8601 date-times as GeoReport v2 requires them.

Stored times are UTC; clients see them in the city's time zone with its
offset (Indore: 2026-11-23T14:05:00+05:30). Times sent without an offset are
taken to be city time.
"""
from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Optional


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_w3(moment: Optional[datetime], tz: tzinfo) -> Optional[str]:
    if moment is None:
        return None
    return moment.astimezone(tz).isoformat(timespec="seconds")


def parse_w3(text: str, tz: tzinfo) -> datetime:
    """A W3C date or date-time (Z or ±HH:MM offset, or none) as an aware UTC datetime."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 date-time such as 2026-11-23T14:05:00+05:30") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(timezone.utc)
