"""Tells a citizen about a settled submission through the Rasa server.

POST {RASA_URL}/conversations/{sender_id}/trigger_intent?output_channel=...
with {"name": "EXTERNAL_<kind>_submitted" | "EXTERNAL_<kind>_failed",
"entities": result}; a rule maps the intent to an action that speaks the
result in the citizen's language, on their channel (WhatsApp by default).
"""
from __future__ import annotations

import os
from typing import Any, Dict, Optional

import requests

from common.rasa_api import auth_headers, trigger_intent

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
DEFAULT_OUTPUT_CHANNEL = "whatsapp"
TIMEOUT_SECONDS = 30.0


def notification_intent(kind: str, succeeded: bool) -> str:
    return f"EXTERNAL_{kind}_{'submitted' if succeeded else 'failed'}"


class RasaNotifier:
    def __init__(self, rasa_url: Optional[str] = None, output_channel: Optional[str] = None):
        self.rasa_url = (rasa_url or os.environ.get("RASA_URL") or DEFAULT_RASA_URL).rstrip("/")
        self.output_channel = output_channel or os.environ.get("NOTIFY_OUTPUT_CHANNEL") or DEFAULT_OUTPUT_CHANNEL
        self.session = requests.Session()
        self.session.headers.update(auth_headers("notifier"))

    def notify(self, sender_id: str, intent: str, entities: Dict[str, Any]) -> None:
        """Raises BackendUnavailable when the citizen could not be told (try again later)."""
        trigger_intent(self.session, self.rasa_url, sender_id, intent, entities, self.output_channel, TIMEOUT_SECONDS)
