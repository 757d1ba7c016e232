"""What the bot answered to the citizen's previous message, by text key (or
response name): a second "did not understand" or a second "not found" in a
row offers an officer instead of leaving the citizen to try a third time."""
from __future__ import annotations

from typing import Any, List


def previous_answer_keys(tracker: Any) -> List[str]:
    """Keys of the bot messages sent between the citizen's previous message and the latest one."""
    keys: List[str] = []
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                break
        elif event.get("event") == "bot" and users_seen == 1:
            metadata = event.get("metadata") or {}
            key = metadata.get("key") or metadata.get("utter_action")
            if key:
                keys.append(str(key))
    return keys
