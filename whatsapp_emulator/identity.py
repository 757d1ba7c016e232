"""How a WhatsApp user is named in payloads: by phone number (wa_id) or, for users
who hide their number behind a username, by business-scoped user id (BSUID,
e.g. "IN.1648738043044942"). Conversations are keyed by whichever one it is.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional

PHONE = re.compile(r"^\d{7,15}$")
BSUID = re.compile(r"^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$")


def is_bsuid(user: str) -> bool:
    return bool(BSUID.match(user))


def is_valid(user: str) -> bool:
    return bool(PHONE.match(user)) or is_bsuid(user)


def sender_of(message: Dict[str, Any]) -> Optional[str]:
    """Who sent an inbound message object, if it names a valid user."""
    user = message.get("from") or message.get("from_user_id")
    return user if isinstance(user, str) and is_valid(user) else None


def sender_fields(user: str) -> Dict[str, str]:
    """Fields of an inbound message naming its sender."""
    return {"from_user_id": user} if is_bsuid(user) else {"from": user}


def contact(user: str, profile_name: str) -> Dict[str, object]:
    """The `contacts` entry of an inbound webhook."""
    key = "user_id" if is_bsuid(user) else "wa_id"
    return {"profile": {"name": profile_name}, key: user}


def addressee(requested: str, user: str) -> Dict[str, str]:
    """The `contacts` entry of a send response: what the request said, and whom it reached."""
    return {"input": requested, ("user_id" if is_bsuid(user) else "wa_id"): user}


def recipient_fields(user: str) -> Dict[str, str]:
    """Fields of a status update naming the recipient."""
    return {"recipient_user_id": user} if is_bsuid(user) else {"recipient_id": user}
