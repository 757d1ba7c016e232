"""Service level: when a complaint of a category is expected to be fixed."""
from __future__ import annotations

from datetime import datetime, timedelta

from .profile import Category


def expected_by(start: datetime, category: Category) -> datetime:
    """Calendar hours from `start` (submission, or reopening: the clock restarts)."""
    return start + timedelta(hours=category.sla_hours)


def is_overdue(expected: datetime, now: datetime, closed: bool) -> bool:
    return not closed and now > expected
