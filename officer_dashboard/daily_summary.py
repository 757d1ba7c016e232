"""Today per department for the overview: complaints filed, resolved, escalated and overdue
(counted from the 311 API's complaints and their dated history)."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any, Dict, Iterable, List

from .times import INDIA

FIGURES = ("new", "decided", "escalated", "overdue")  # "decided": resolved, for complaints


def india_day(moment: str) -> date:
    """The day in India of an ISO 8601 date-time with its offset, as both backends write them."""
    return datetime.fromisoformat(moment).astimezone(INDIA).date()


def complaint_day(complaints: Iterable[Dict[str, Any]], today: date) -> List[Dict[str, Any]]:
    """One row per department with complaints: {department, new, decided, escalated, overdue}."""
    rows: Dict[str, Counter] = {}
    for complaint in complaints:
        ext = complaint["extended_attributes"]
        counts = rows.setdefault(ext["department"]["name"], Counter())
        counts["new"] += india_day(complaint["requested_datetime"]) == today
        events = {note["type"] for note in complaint.get("notes", []) if india_day(note["datetime"]) == today}
        counts["decided"] += "resolved" in events
        counts["escalated"] += "escalated" in events
        counts["overdue"] += bool(ext.get("overdue"))
    return [{"department": name, **{key: counts[key] for key in FIGURES}} for name, counts in sorted(rows.items())]
