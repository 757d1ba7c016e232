"""What the bot answered to the citizen's previous messages, by text key (or
response name), by action and by slot set, read from a conversation's events as
JSON: a second "did not understand" or "not found" in a row offers an officer; a
yes right after a service's details applies for it; "kab tak?" or a photo soon
after an application or complaint was talked about is about it. Used by the
action server (tracker events) and the Rasa server's policies (events turned to
dicts)."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List

# Keys of bot messages that both sides look for: the list of services ("the income one" typed under it
# picks a row) and one service's details ("haan" after them applies for it).
SERVICE_LIST_KEY = "lok_seva.services.list"
SERVICE_DETAILS_KEY = "lok_seva.services.details"


def _previous_turn(events: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events between the citizen's previous message and the latest one, newest first."""
    turn: List[Dict[str, Any]] = []
    users_seen = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                break
        elif users_seen == 1:
            turn.append(event)
    return turn


def previous_actions(events: Iterable[Dict[str, Any]]) -> List[str]:
    """Names of the actions run for the citizen's previous message (action_listen left out)."""
    return [str(event.get("name")) for event in _previous_turn(events)
            if event.get("event") == "action" and event.get("name") != "action_listen"]


def previous_answer_keys(events: Iterable[Dict[str, Any]]) -> List[str]:
    """Keys of the bot messages sent between the citizen's previous message and the latest one."""
    keys: List[str] = []
    for event in _previous_turn(events):
        if event.get("event") == "bot":
            metadata = event.get("metadata") or {}
            key = metadata.get("key") or metadata.get("utter_action")
            if key:
                keys.append(str(key))
    return keys


def slot_set_within(events: Iterable[Dict[str, Any]], slot: str, turns: int) -> bool:
    """Whether the bot gave `slot` a value in its answers to the citizen's last `turns` messages before
    the latest one."""
    users_seen = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen > turns:
                return False
        elif event.get("event") == "slot" and event.get("name") == slot and event.get("value") and users_seen:
            return True
    return False
