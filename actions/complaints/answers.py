"""What the citizen's latest message says, read the same way by every complaint action."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional

from rasa_sdk import Tracker

# Messages that never answer a question of the complaint flows: leaving the
# flow (rules stop it) and side questions (their rules answer, then the
# question is asked again).
NOT_AN_ANSWER = frozenset({
    "deny", "main_menu", "goodbye", "human_handoff", "set_language", "bot_challenge",
    "check_complaint_status", "check_application_status",
})
MAX_ADDRESS_LENGTH = 500  # GeoReport address_string in the reference backend


def intent_of(message: Mapping[str, Any]) -> str:
    return (message.get("intent") or {}).get("name") or ""


def latest_intent(tracker: Tracker) -> str:
    return intent_of(tracker.latest_message)


def typed_answer(tracker: Tracker) -> Optional[str]:
    """The text the citizen typed, tidied; None for buttons, pins, files and non-answers."""
    message = tracker.latest_message
    typed = " ".join(str(message.get("text") or "").split())
    intent = intent_of(message)
    if not typed or typed.startswith("/") or intent.startswith("EXTERNAL_"):
        return None
    return None if intent in NOT_AN_ANSWER else typed


def entity_values(message: Mapping[str, Any]) -> Dict[str, Any]:
    return {entity.get("entity"): entity.get("value") for entity in message.get("entities") or []}


def pin_location(message: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """A WhatsApp location pin (share_location payload) as a complaint location."""
    if intent_of(message) != "share_location":
        return None
    values = entity_values(message)
    try:
        lat, long = float(values["latitude"]), float(values["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= long <= 180):
        return None
    name = " ".join(str(values.get("location") or "").split())[:MAX_ADDRESS_LENGTH]
    return {"address": name or None, "lat": lat, "long": long}


def media_caption(message: Mapping[str, Any]) -> Optional[str]:
    """The caption a citizen wrote under a photo ("सड़क पर गड्ढा"), from the channel's metadata."""
    whatsapp = (message.get("metadata") or {}).get("whatsapp") or {}
    media = whatsapp.get(str(whatsapp.get("type") or "")) or {}
    caption = " ".join(str(media.get("caption") or "").split()) if isinstance(media, dict) else ""
    return caption or None


def named_category(tracker: Tracker, known: Iterable[str]) -> Optional[str]:
    """The first complaint category of the message that is a known one (the
    model may also tag words it could not map, e.g. "pipe" next to water_supply)."""
    return next((value for value in tracker.get_latest_entity_values("complaint_category") if value in known), None)


def typed_location(typed: str) -> Dict[str, Any]:
    return {"address": typed[:MAX_ADDRESS_LENGTH], "lat": None, "long": None}


def previous_user_message(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The user message before the latest one."""
    users: List[Dict[str, Any]] = [event for event in tracker.events if event.get("event") == "user"]
    return (users[-2].get("parse_data") or {}) if len(users) >= 2 else None
