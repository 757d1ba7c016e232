"""Times as officers read them: in India, day first ("04-12-2026 14:05")."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional, Union

from common.clock import INDIA

TIME_FORMAT = "%d-%m-%Y %H:%M"
DAY_FORMAT = "%d-%m-%Y"


def shown_time(moment: Union[str, datetime, None]) -> str:
    """An ISO 8601 date-time with its offset (as both backends write them) or a datetime; a naive
    one is UTC (the dashboard's own tables)."""
    if not moment:
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(INDIA).strftime(TIME_FORMAT)


def shown_day(day: Union[str, date, None]) -> str:
    """A calendar day ("2026-12-04" or a date), which needs no time zone."""
    if not day:
        return ""
    return (date.fromisoformat(day) if isinstance(day, str) else day).strftime(DAY_FORMAT)


def parsed_day(text: Optional[str]) -> Optional[date]:
    """A day typed in a form: "04-12-2026" as shown, or "2026-12-04" as date inputs send it; None otherwise."""
    for form in (DAY_FORMAT, "%Y-%m-%d"):
        try:
            return datetime.strptime((text or "").strip(), form).date()
        except ValueError:
            continue
    return None
