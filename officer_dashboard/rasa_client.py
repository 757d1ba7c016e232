"""Rasa's HTTP API (RASA_URL, the server runs with the API enabled): a citizen's
conversation, and intents triggered on their behalf, answered on WhatsApp."""
from __future__ import annotations

from typing import Any, Dict, List, Optional
from urllib.parse import quote

from common.rasa_api import auth_headers, trigger_intent

from .backends import _Client

OUTPUT_CHANNEL = "whatsapp"


class RasaClient(_Client):
    def __init__(self, base_url: str, token: Optional[str], timeout_s: float):
        super().__init__(base_url, "", timeout_s, "assistant (Rasa)")  # Rasa's API knows no key of ours, only its token
        self._http.headers.update(auth_headers("dashboard", token))

    def events(self, wa_id: str) -> List[Dict[str, Any]]:
        """The conversation's events, oldest first (BackendError when Rasa cannot be reached)."""
        return self._call("GET", f"/conversations/{quote(wa_id, safe='')}/tracker",
                          params={"include_events": "ALL"}).get("events") or []

    def trigger(self, wa_id: str, intent: str, entities: Dict[str, Any]) -> None:
        """Runs `intent` in the citizen's conversation; what the bot says goes out on WhatsApp."""
        trigger_intent(self._http, self._base_url, wa_id, intent, entities, OUTPUT_CHANNEL, self._timeout_s,
                       self.name)
