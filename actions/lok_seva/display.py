"""How the Lok Seva flows speak: their texts (content/lok_seva.yml), dates,
officers, masked personal numbers, buttons whose payloads Rasa reads without NLU."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, Dict, List, Optional

from actions.texts import pick, text

SHOWN_DIGITS = 4


def day(value: Optional[str]) -> str:
    """'2026-12-08' or an ISO timestamp -> '08-12-2026'."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
    return parsed.strftime("%d-%m-%Y")


def masked_aadhaar(value: Any) -> str:
    digits = re.sub(r"\D", "", str(value))
    return f"XXXX XXXX {digits[-SHOWN_DIGITS:]}"


def masked_mobile(value: Any) -> str:
    digits = re.sub(r"\D", "", str(value))
    return "X" * max(len(digits) - SHOWN_DIGITS, 0) + digits[-SHOWN_DIGITS:]


def payload(intent: str, **entities: Any) -> str:
    return f"/{intent}" + (json.dumps(entities, ensure_ascii=False) if entities else "")


def button(title: str, intent: str, **entities: Any) -> Dict[str, str]:
    return {"title": title, "payload": payload(intent, **entities)}


def buttons_text(items: List[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def say(key: str, language: str, /, **params: Any) -> str:
    return text("lok_seva", key, language, **params)


def officer_text(officer: Dict[str, Any], language: str) -> str:
    """"Designation, office" without saying a part twice: the designation may already name the
    office ("मुख्य कार्यपालन अधिकारी, जनपद पंचायत" of "जनपद पंचायत, झाबुआ")."""
    parts = f"{pick(officer['designation'], language)}, {pick(officer['office'], language)}".split(", ")
    return ", ".join(part for index, part in enumerate(parts) if part not in parts[:index])
