"""The citizen's phone number, as the 311 system knows them."""
from __future__ import annotations

import re
from typing import Optional

_PHONE = re.compile(r"^\+?[0-9]{8,15}$")


def phone_of(sender_id: Optional[str]) -> Optional[str]:
    """The WhatsApp number (the sender id on WhatsApp); None for other channels' ids."""
    return sender_id if sender_id and _PHONE.match(sender_id) else None
