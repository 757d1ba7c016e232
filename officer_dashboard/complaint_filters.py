"""The complaint list's filters: the 311 API's wards, categories and departments by name (those
the officer may see), and the status filters beyond one of its statuses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from .backends import Open311Client
from .users import User

ESCALATED = "escalated"  # open, and moved up the ladder at least once
Choice = Tuple[str, str]  # (value, label)


@dataclass(frozen=True)
class ComplaintChoices:
    departments: List[Choice]
    categories: List[Choice]
    wards: Dict[str, List[Choice]]  # zone name -> its wards


def _by_label(choices) -> List[Choice]:
    return sorted(choices, key=lambda choice: choice[1])


def complaint_choices(open311: Open311Client, user: User) -> ComplaintChoices:
    departments = [item for item in open311.departments() if user.sees_complaint_department(item["code"])]
    names = open311.category_names()
    wards: Dict[str, List[Choice]] = {}
    for ward in _by_label((ward["code"], ward["name"], ward["zone"]["name"]) for ward in open311.wards()):
        wards.setdefault(ward[2], []).append(ward[:2])
    return ComplaintChoices(
        departments=_by_label((item["code"], item["name"]) for item in departments),
        categories=_by_label((code, names.get(code, code)) for item in departments for code in item["categories"]),
        wards=dict(sorted(wards.items())),
    )


def status_filters(wanted: Optional[str]) -> Dict[str, Any]:
    """What to ask the 311 API for the list's status filter: a group (open; escalated: open and moved up
    the ladder at least once) or exactly one of its internal statuses ("closed" is not also "resolved")."""
    if not wanted:
        return {}
    if wanted == "open":
        return {"status": "open"}
    if wanted == ESCALATED:
        return {"status": "open", "escalated": True}
    return {"internal_status": wanted}
