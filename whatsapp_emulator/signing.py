"""Webhook signatures as Meta sends them: HMAC-SHA256 of the raw body with the app secret."""
from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Tuple

SIGNATURE_HEADER = "X-Hub-Signature-256"


def encode(payload: Any) -> bytes:
    """Meta's webhook bodies are compact JSON with non-ASCII escaped (\\uXXXX).

    Receivers must therefore check the signature over the raw bytes, never
    over a re-serialised body, or Hindi text breaks their check.
    """
    return json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def signature(body: bytes, app_secret: str) -> str:
    return "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signed(payload: Any, app_secret: str) -> Tuple[bytes, str]:
    body = encode(payload)
    return body, signature(body, app_secret)
