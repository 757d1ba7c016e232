"""API keys: Open311 clients (OPEN311_API_KEYS), the bot acting for citizens (OPEN311_BOT_API_KEYS)
and the operator (OPEN311_OPERATOR_API_KEY)."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Depends, Header, Query

from .config import Settings
from .dependencies import get_settings
from .errors import Forbidden

CLIENT = "client"  # submits complaints, reads them without contact details
BOT = "bot"  # also acts for the citizen whose phone it gives (the WhatsApp bot)
OPERATOR = "operator"  # everything, including status changes


def role_for(settings: Settings, key: Optional[str]) -> Optional[str]:
    if not key:
        return None
    # Constant-time comparisons: a key must not be guessable from timings.
    if hmac.compare_digest(key.encode(), settings.operator_api_key.encode()):
        return OPERATOR
    if _one_of(key, settings.bot_api_keys):
        return BOT
    if _one_of(key, settings.api_keys):
        return CLIENT
    return None


def _one_of(key: str, keys) -> bool:
    return any(hmac.compare_digest(key.encode(), known.encode()) for known in keys)


def api_role(
    x_api_key: Optional[str] = Header(None, description="API key; or pass api_key in the query"),
    api_key: Optional[str] = Query(None, include_in_schema=False),
    settings: Settings = Depends(get_settings),
) -> str:
    role = role_for(settings, x_api_key or api_key)
    if role is None:
        raise Forbidden("missing or invalid API key (X-API-Key header or api_key parameter)")
    return role
