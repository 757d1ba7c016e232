"""Whole steps of a complaint conversation for the complaint tests, on top of
the shared citizen chat (tests/actions/citizen_chat.py)."""
from __future__ import annotations

import re
from typing import Optional, Tuple

from tests.actions.citizen_chat import Chat, asked, texts

TRACKING_NUMBER = re.compile(r"CMP-\d{4}-\d{6}")
Spot = Tuple[float, float]


def at_confirmation(chat: Chat, spot: Spot, description: str, opening: str = "कचरा पड़ा है",
                    category: str = "garbage") -> list:
    """A short opening with a category, then the pin, details, no photo; returns the summary."""
    replies = chat.says(opening, "register_complaint", complaint_category=category)
    assert asked(replies) == "location"
    replies = chat.sends_pin(*spot, name="Rajwada, Indore")
    while asked(replies) not in ("description", "photo"):  # the category's own questions, skipped
        replies = chat.taps("inform", do="skip")
    if asked(replies) == "description":
        replies = chat.says(description)
    assert asked(replies) == "photo"
    summary = chat.taps("inform", do="skip")
    assert asked(summary) == "confirm"
    return summary


def registered(spot: Spot, sender: Optional[str] = None, language: str = "en") -> str:
    """A garbage complaint at `spot`, submitted; its tracking number."""
    chat = Chat(sender=sender, language=language)
    at_confirmation(chat, spot, "garbage heap near the temple")
    done = chat.taps("affirm", do="submit")
    return TRACKING_NUMBER.search(texts(done)).group()
