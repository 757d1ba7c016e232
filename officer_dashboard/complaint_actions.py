"""Which officer actions a complaint allows in its status. The 311 API checks every change again
(409); this keeps the dashboard from offering what it would refuse."""
from __future__ import annotations

from typing import Any, Dict, List

OPEN = ("submitted", "acknowledged", "in_progress", "reopened")
# Action -> the statuses it may start from, after the 311 API's transitions (its README):
# submitted → acknowledged → in_progress → resolved → closed; reopened goes on like submitted.
STARTS_FROM = {
    "acknowledge": ("submitted", "reopened"),
    "start_work": ("submitted", "acknowledged", "reopened"),
    "resolve": OPEN,
    "close": OPEN + ("resolved",),
}


def at_top_level(complaint: Dict[str, Any], top_levels: Dict[str, int]) -> bool:
    """With the highest officer of its department's escalation ladder (`top_levels`: Open311Client.top_levels)."""
    ext = complaint["extended_attributes"]
    return ext["officer"].get("level", 0) >= top_levels.get(ext["department"]["code"], 0)


def allowed_complaint_actions(complaint: Dict[str, Any], top_levels: Dict[str, int]) -> List[str]:
    status = complaint["extended_attributes"]["internal_status"]
    allowed = [action for action, starts in STARTS_FROM.items() if status in starts]
    if status in OPEN and not at_top_level(complaint, top_levels):
        allowed.append("escalate")
    return allowed
