"""Officer endpoints need the API key (X-API-Key header, LOKSEVA_OFFICER_API_KEY)."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Depends, Security
from fastapi.security import APIKeyHeader

from .context import ApiContext, get_ctx
from .errors import ApiError

officer_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Officer API key")


def require_officer(key: Optional[str] = Security(officer_key), ctx: ApiContext = Depends(get_ctx)) -> None:
    expected = ctx.settings.officer_api_key
    if not key or not hmac.compare_digest(key.encode(), expected.encode()):
        raise ApiError(401, "unauthorized")
