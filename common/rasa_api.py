"""How our processes authenticate to Rasa's HTTP API.

With `RASA_API_TOKEN` set, the Rasa server (jan_seva.serve) accepts only JWTs
signed with it, sent in the Authorization header: the token itself never
travels, and never in a query string where proxies log it. Without it (local
mode, loopback only) the API needs nothing.
"""
from __future__ import annotations

import os
from typing import Dict, Optional

import jwt

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
