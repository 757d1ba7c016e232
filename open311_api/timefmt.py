"""W3C/ISO 8601 date-times as GeoReport v2 requires them.

Stored times are UTC; clients see them in the city's time zone with its
offset (Indore: 2026-11-23T14:05:00+05:30). Times sent without an offset are
taken to be city time.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo
from typing import Optional

# A time's offset as clients really send it: "+05:30", "+0530", or " 05:30" where an
# unencoded "+" in a query string arrived as a space.
_OFFSET = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([ +-])(\d{2}):?(\d{2})$")
# Any number of fraction digits (W3C allows them; .NET sends 7): Python 3.10 reads only 3 or 6.
_FRACTION = re.compile(r"(T\d{2}:\d{2}:\d{2})\.(\d+)")


def utc_now() -> datetime:
    """Now, in whole seconds: the precision clients see (to_w3), so that a time a client read back
    and sends as start_date or end_date selects the request it came from."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def to_w3(moment: Optional[datetime], tz: tzinfo) -> Optional[str]:
    if moment is None:
        return None
    return moment.astimezone(tz).isoformat(timespec="seconds")


def parse_w3(text: str, tz: tzinfo) -> datetime:
    """A W3C date or date-time (Z or ±HH:MM offset, or none) as an aware UTC datetime."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    value = _OFFSET.sub(lambda m: f"{m[1]}{'+' if m[2] == ' ' else m[2]}{m[3]}:{m[4]}", value)
    value = _FRACTION.sub(lambda m: f"{m[1]}.{m[2][:6].ljust(6, '0')}", value)
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # OverflowError: a year 1 or 9999 moved across an offset
        raise ValueError(f"{text!r} is not an ISO 8601 date-time such as 2026-11-23T14:05:00+05:30") from None
