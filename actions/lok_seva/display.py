"""How the Lok Seva answers show things: dates, officers, buttons whose
payloads Rasa reads without NLU."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Optional

from actions.texts import pick


def day(value: Optional[str]) -> str:
    """'2026-12-08' or an ISO timestamp -> '08-12-2026'."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
    return parsed.strftime("%d-%m-%Y")


def buttons_text(items: List[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def officer_text(officer: Dict[str, Any], language: str) -> str:
    """"Designation (name), office" without saying a part twice: the designation may already name the
    office ("मुख्य कार्यपालन अधिकारी, जनपद पंचायत" of "जनपद पंचायत, झाबुआ"). The designated officer's
    name is public under the Lok Seva Guarantee Act, and citizens ask "who is the officer?"."""
    designation = pick(officer["designation"], language)
    name = pick(officer.get("name") or {}, language)
    parts = f"{designation}, {pick(officer['office'], language)}".split(", ")
    parts = [part for index, part in enumerate(parts) if part not in parts[:index]]
    named = len(designation.split(", "))  # the name follows the whole designation
    if name:
        parts[named - 1] = f"{parts[named - 1]} ({name})"
    return ", ".join(parts)
