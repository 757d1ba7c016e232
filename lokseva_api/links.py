"""Signed download links: WhatsApp fetches a certificate or a certified copy by
its link, without any key, so the link itself carries a signature and an
expiry (the API key stays with the action server)."""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from urllib.parse import urlencode

# Long enough for a message kept in the outbox until the citizen writes again.
LINK_LIFETIME = timedelta(days=7)


def _signature(secret: str, path: str, expires: int) -> str:
    return hmac.new(secret.encode(), f"{path}\n{expires}".encode(), hashlib.sha256).hexdigest()


def signed_query(secret: str, path: str, now: datetime) -> str:
    expires = int((now + LINK_LIFETIME).timestamp())
    return urlencode({"expires": expires, "signature": _signature(secret, path, expires)})


def is_valid(secret: str, path: str, expires: int, signature: str, now: datetime) -> bool:
    given, expected = signature.encode(), _signature(secret, path, expires).encode()  # non-ASCII str would raise
    return expires >= now.timestamp() and hmac.compare_digest(given, expected)
