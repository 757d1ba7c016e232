"""Open311 date-times ("2026-11-24T14:05:00+05:30") as a person says them:
"कल, दोपहर 2:05 बजे" / "tomorrow, 2:05 pm". The time stays in the offset the
311 system gave (the city's time), whatever the server's own time zone."""
from __future__ import annotations

from datetime import datetime
from typing import Dict, Optional

from actions.complaints.content import words


def parse_w3(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _day(moment: datetime, now: datetime, language: str) -> str:
    days_ahead = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    if days_ahead == 0:
        return words("today", language)
    if days_ahead == 1:
        return words("tomorrow", language)
    date = words("date", language).format(
        weekday=words("weekdays", language)[moment.weekday()],
        day=moment.day,
        month=words("months", language)[moment.month - 1],
    )
    if moment.year != now.year:
        date += words("year_suffix", language).format(year=moment.year)
    return date


def _part_of_day(hour: int, language: str) -> str:
    parts: Dict[int, str] = words("parts", language)
    return parts[max(start for start in parts if start <= hour)]


def _clock(moment: datetime, language: str) -> str:
    hour12 = moment.hour % 12 or 12
    return words("time", language).format(
        part=_part_of_day(moment.hour, language), hour=hour12, minute=f"{moment.minute:02d}"
    )


def spoken_datetime(value: Optional[str], language: str, now: datetime) -> Optional[str]:
    """None when the value is missing or not an ISO 8601 date-time with an offset."""
    moment = parse_w3(value)
    if moment is None:
        return None
    return words("moment", language).format(date=_day(moment, now, language), time=_clock(moment, language))


def spoken_date(value: Optional[str], language: str, now: datetime) -> Optional[str]:
    moment = parse_w3(value)
    return _day(moment, now, language) if moment else None
