"""Who may call what (X-API-Key header).

- Officer endpoints: the officer key (LOKSEVA_OFFICER_API_KEY).
- Citizens' applications, documents, deliveries and certified copies carry
  personal data: the client key of the action server (LOKSEVA_CLIENT_API_KEY),
  or the officer key.
- A certificate or certified copy PDF: either key, or the signed link the
  API gives out (links.py), which WhatsApp fetches.
- The catalogue, villages, district profile and certificate verification are public.
"""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Depends, Query, Request, Security
from fastapi.security import APIKeyHeader

from . import links
from .context import ApiContext, get_ctx
from .errors import ApiError

api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Officer or client API key")


def _same(given: Optional[str], expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def require_officer(key: Optional[str] = Security(api_key), ctx: ApiContext = Depends(get_ctx)) -> None:
    if not _same(key, ctx.settings.officer_api_key):
        raise ApiError(401, "unauthorized")


def _is_client(key: Optional[str], ctx: ApiContext) -> bool:
    return _same(key, ctx.settings.client_api_key) or _same(key, ctx.settings.officer_api_key)


def require_client(key: Optional[str] = Security(api_key), ctx: ApiContext = Depends(get_ctx)) -> None:
    if not _is_client(key, ctx):
        raise ApiError(401, "client_unauthorized")


def require_key_or_signed_link(
    request: Request,
    expires: Optional[int] = Query(None, description="of a signed link"),
    signature: Optional[str] = Query(None, max_length=128, description="of a signed link"),
    key: Optional[str] = Security(api_key),
    ctx: ApiContext = Depends(get_ctx),
) -> None:
    if _is_client(key, ctx):
        return
    if expires is None or not signature or not links.is_valid(ctx.settings.link_secret, request.url.path, expires,
                                                                signature, ctx.clock()):
        raise ApiError(401, "link_unauthorized")
