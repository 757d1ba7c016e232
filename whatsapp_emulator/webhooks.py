"""Cloud API webhook bodies (field "messages"): inbound messages and statuses."""
from __future__ import annotations

import hashlib
import time
from typing import Any, Dict, List, Optional, Tuple

from .identity import contact, recipient_fields, sender_of
from .settings import Settings


def _envelope(settings: Settings, value: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [{
            "id": settings.business_account_id,
            "changes": [{
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                        "display_phone_number": settings.display_number_digits,
                        "phone_number_id": settings.phone_number_id,
                    },
                    **value,
                },
                "field": "messages",
            }],
        }],
    }


def message_webhook(settings: Settings, wa_id: str, profile_name: str, message: Dict[str, Any]) -> Dict[str, Any]:
    return _envelope(settings, {
        "contacts": [contact(wa_id, profile_name)],
        "messages": [message],
    })


def status_webhook(settings: Settings, message_id: str, wa_id: str, status: str, *, category: str = "service",
                   errors: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    now = int(time.time())
    update: Dict[str, Any] = {"id": message_id, "status": status, "timestamp": str(now), **recipient_fields(wa_id)}
    if status in ("sent", "delivered"):
        # One conversation per user and day is close enough to Meta's billing windows.
        conversation_id = hashlib.sha256(f"{wa_id}:{now // 86400}".encode()).hexdigest()[:32]
        update["conversation"] = {"id": conversation_id, "origin": {"type": category}}
        if status == "sent":
            update["conversation"]["expiration_timestamp"] = str(now + 24 * 3600)
        update["pricing"] = {"billable": True, "pricing_model": "CBP", "category": category}
    if errors:
        update["errors"] = errors
    return _envelope(settings, {"statuses": [update]})


def _objects(value: Any) -> List[Dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def inbound_messages(payload: Dict[str, Any]) -> List[Tuple[str, Dict[str, Any]]]:
    """(sender, message) for each citizen message a webhook body holds, however it was made."""
    found = []
    for entry in _objects(payload.get("entry")):
        for change in _objects(entry.get("changes")):
            value = change.get("value")
            for message in _objects(value.get("messages") if isinstance(value, dict) else None):
                sender = sender_of(message)
                if sender is not None:
                    found.append((sender, message))
    return found
