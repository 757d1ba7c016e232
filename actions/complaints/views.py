"""Complaints (Open311 request dicts) and results as messages in hi/en."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional

from actions.complaints.content import status_label, text
from actions.complaints.when import spoken_date, spoken_datetime

CLOSED_STATUSES = ("resolved", "closed")


def extended(view: Mapping[str, Any]) -> Dict[str, Any]:
    return view.get("extended_attributes") or {}


def status_of(view: Mapping[str, Any]) -> str:
    """The 311 system's own status when it tells it, else Open311's open/closed."""
    return extended(view).get("internal_status") or view.get("status") or "open"


def is_closed(view: Mapping[str, Any]) -> bool:
    return status_of(view) in CLOSED_STATUSES


def place_text(location: Mapping[str, Any], language: str) -> str:
    if location.get("address"):
        return str(location["address"])
    return text("pin_without_name", language, lat=f"{location['lat']:.5f}", long=f"{location['long']:.5f}")


def _lines(*lines: Optional[str]) -> str:
    return "\n".join(line for line in lines if line)


def _expected_line(value: Optional[str], language: str, now: datetime) -> Optional[str]:
    when = spoken_datetime(value, language, now)
    return text("expected_line", language, when=when) if when else None


def status_message(view: Mapping[str, Any], language: str, now: datetime) -> str:
    status = status_of(view)
    return _lines(
        text("status", language, complaint_id=view["service_request_id"], service_name=view.get("service_name") or "-",
             place=view.get("address") or "-", status=status_label(status, language),
             requested=spoken_datetime(view.get("requested_datetime"), language, now) or "-"),
        view.get("agency_responsible") and text("department_line", language, department=view["agency_responsible"]),
        None if is_closed(view) else _expected_line(view.get("expected_datetime"), language, now),
        text("overdue", language) if extended(view).get("overdue") and not is_closed(view) else None,
        view.get("status_notes") and text("latest_note", language, note=view["status_notes"]),
    )


def list_line(view: Mapping[str, Any], language: str, now: datetime) -> str:
    return text("my_complaint_line", language, complaint_id=view["service_request_id"],
                service_name=view.get("service_name") or "-", status=status_label(status_of(view), language),
                requested=spoken_date(view.get("requested_datetime"), language, now) or "-")


def duplicate_params(duplicate: Mapping[str, Any], language: str, now: datetime) -> Dict[str, Any]:
    """The placeholders of the text that offers joining a likely duplicate."""
    return {"complaint_id": duplicate["service_request_id"], "service_name": duplicate.get("service_name") or "-",
            "distance": round(duplicate.get("distance_m") or 0), "place": duplicate.get("address") or "-",
            "status": status_label(duplicate.get("status") or "open", language),
            "requested": spoken_date(duplicate.get("requested_datetime"), language, now) or "-"}


def duplicate_summary(view: Mapping[str, Any]) -> Dict[str, Any]:
    """What the bot keeps of a likely duplicate (a slot value: small, JSON-safe)."""
    return {
        "service_request_id": view["service_request_id"],
        "service_name": view.get("service_name"),
        "status": status_of(view),
        "distance_m": view.get("distance_m"),
        "address": view.get("address"),
        "requested_datetime": view.get("requested_datetime"),
    }


def result_message(result: Mapping[str, str], language: str, now: datetime) -> str:
    """The citizen's answer to a completed operation (see operations.py)."""
    operation, complaint_id = result.get("complaint_operation"), result.get("complaint_id")
    if operation == "join":
        return text("joined", language, complaint_id=complaint_id)
    if operation == "reopen":
        return text("reopened", language, complaint_id=complaint_id)
    if operation == "photo":
        return text("photo_added", language, complaint_id=complaint_id)
    if operation == "rate":
        return text("rated", language, complaint_id=complaint_id, rating=result.get("rating"))
    return _lines(
        text("registered", language, complaint_id=complaint_id),
        result.get("department") and text("department_line", language, department=result["department"]),
        _expected_line(result.get("expected_datetime"), language, now),
        text("track_hint", language),
    )


def newest_first(views: List[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    return sorted(views, key=lambda view: view.get("requested_datetime") or "", reverse=True)


RESULT_KEYS = {"join": "joined", "reopen": "reopened", "rate": "rated", "photo": "photo_added"}


def say_result(talk: Any, result: Mapping[str, str], now: datetime) -> None:
    key = RESULT_KEYS.get(result.get("complaint_operation") or "", "registered")
    talk.say_text(result_message(result, talk.language, now), key=f"complaints.texts.{key}")
