"""How our processes authenticate to Rasa's HTTP API.

With `RASA_API_TOKEN` set, the Rasa server (jan_seva.serve) accepts only JWTs
signed with it, sent in the Authorization header: the token itself never
travels, and never in a query string where proxies log it. Without it (local
mode, loopback only) the API needs nothing.
"""
from __future__ import annotations

import os
from typing import Any, Dict, Mapping, Optional
from urllib.parse import quote

import jwt
import requests

from common.backend_call import BackendUnavailable, send

JWT_METHOD = "HS256"


def rasa_api_token() -> Optional[str]:
    return os.environ.get("RASA_API_TOKEN") or None


def auth_headers(caller: str, token: Optional[str] = None) -> Dict[str, str]:
    """Headers for a call to Rasa's API as an admin named `caller`; none without a token."""
    token = token or rasa_api_token()
    if not token:
        return {}
    signed = jwt.encode({"user": {"username": caller, "role": "admin"}}, token, algorithm=JWT_METHOD)
    return {"Authorization": f"Bearer {signed}"}


def trigger_intent(session: requests.Session, rasa_url: str, sender_id: str, intent: str,
                   entities: Mapping[str, Any], output_channel: str, timeout: float, backend: str = "rasa") -> None:
    """Runs `intent` in the citizen's conversation; what the bot says goes out on `output_channel`.
    BackendUnavailable when it did not run (404 included: an intent missing from the deployed domain
    until it is added), for the caller to try again later; `backend` is how errors name Rasa."""
    url = f"{rasa_url.rstrip('/')}/conversations/{quote(sender_id, safe='')}/trigger_intent"
    response = send(session, backend, "POST", url, timeout, params={"output_channel": output_channel},
                    json={"name": intent, "entities": dict(entities)})
    if not response.ok:
        raise BackendUnavailable(backend, f"HTTP {response.status_code}", response.status_code, response)
