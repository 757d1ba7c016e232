"""Internal complaint statuses, their allowed changes and the Open311 view of them."""
from __future__ import annotations

SUBMITTED = "submitted"
ACKNOWLEDGED = "acknowledged"
IN_PROGRESS = "in_progress"
RESOLVED = "resolved"
CLOSED = "closed"
REOPENED = "reopened"
# A history event that is no status: handed up the escalation ladder.
ESCALATED = "escalated"

ALL = (SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED)
# Open311 knows only open and closed; a resolved complaint counts as closed
# for it even though the citizen may still reopen it.
CLOSED_STATUSES = frozenset({RESOLVED, CLOSED})
OPEN_STATUSES = frozenset(ALL) - CLOSED_STATUSES

_ALLOWED = {
    SUBMITTED: {ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED},
    ACKNOWLEDGED: {IN_PROGRESS, RESOLVED, CLOSED},
    IN_PROGRESS: {RESOLVED, CLOSED},
    RESOLVED: {CLOSED, REOPENED},
    CLOSED: {REOPENED},
    REOPENED: {ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED},
}


def open311_status(status: str) -> str:
    return "closed" if status in CLOSED_STATUSES else "open"


def internal_statuses(open311: str) -> frozenset:
    return CLOSED_STATUSES if open311 == "closed" else OPEN_STATUSES


def can_change(current: str, new: str) -> bool:
    return new in _ALLOWED.get(current, set())
