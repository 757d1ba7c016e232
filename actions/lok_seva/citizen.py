"""Who the citizen is to the Lok Seva API: their WhatsApp id (the Rasa
sender id) and, for a WhatsApp number, the mobile number inside it."""
from __future__ import annotations

import re
from typing import Any, Dict, Optional

from actions.clients.lokseva import LokSevaClient

WA_ID_LIMIT = 32  # the API's limit
_INDIAN_WHATSAPP_NUMBER = re.compile(r"91([6-9]\d{9})")
ALL_OF_THEM = 100


def wa_id(sender_id: str) -> str:
    return sender_id[:WA_ID_LIMIT]


def mobile_of(sender_id: str) -> Optional[str]:
    """'919876543210' -> '9876543210': finds applications made at a kendra with this mobile."""
    match = _INDIAN_WHATSAPP_NUMBER.fullmatch(sender_id)
    return match.group(1) if match else None


def applications_of(client: LokSevaClient, sender_id: str, page: int = 1, page_size: int = 20) -> Dict[str, Any]:
    return client.citizen_applications(wa_id(sender_id), mobile_of(sender_id), page, page_size)


def application_for_files(client: LokSevaClient, sender_id: str, just_named: Optional[str]) -> Optional[str]:
    """The citizen's application a file sent now is for: one whose documents an officer asked for (the
    first listed, if several), else the one of theirs just talked about (a document sent right after
    applying with "kagaj baad me"; the API says so when that one no longer takes files)."""
    items = applications_of(client, sender_id, page_size=ALL_OF_THEM)["items"]
    return next((item["application_id"] for item in items if item["status"] == "documents_requested"), None) \
        or next((item["application_id"] for item in items if item["application_id"] == just_named), None)


def owns(client: LokSevaClient, sender_id: str, application: Dict[str, Any]) -> bool:
    """Certificates and deliveries carry personal data: only for the applicant's own WhatsApp or mobile."""
    if (application.get("applicant") or {}).get("wa_id") == wa_id(sender_id):
        return True
    mine = applications_of(client, sender_id, page_size=ALL_OF_THEM)["items"]
    return any(item["application_id"] == application["application_id"] for item in mine)
