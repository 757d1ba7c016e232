"""Meta's webhook signature: `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body>`.

The HMAC is computed over the exact bytes received (re-serialised JSON would
differ) with the app secret as key, and compared in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Optional

SIGNATURE_HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="


def signature_for(body: bytes, app_secret: str) -> str:
    digest = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return _PREFIX + digest


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison (as bytes: compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_valid_signature(body: bytes, header: Optional[str], app_secret: str) -> bool:
    if not header or not header.startswith(_PREFIX):
        return False
    return same_secret(header.strip().lower(), signature_for(body, app_secret))
