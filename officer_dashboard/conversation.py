"""A citizen's conversation as officers read it, from the events of Rasa's tracker.

Structured WhatsApp messages (payloads such as /share_media{…}) become short
descriptions, with a link to the photo or document or to the map; button
taps show the button's title. What the bot says after an officer's reply is
that reply. Other notifications the dashboard triggered appear as notes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Optional

from .texts import texts

OFFICER_REPLY = "EXTERNAL_handoff_reply"
MAP_URL = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
Event = Dict[str, Any]


@dataclass(frozen=True)
class Line:
    speaker: str  # citizen | bot | officer | note
    at: datetime  # UTC
    text: str
    link: Optional[str] = None


def _labels() -> Dict[str, str]:
    return texts()["conversation"]


def _entities(event: Event) -> Dict[str, Any]:
    return {item.get("entity"): item.get("value") for item in (event.get("parse_data") or {}).get("entities") or []}


def _tapped(event: Event) -> Optional[str]:
    """The title of the button or list row the citizen tapped, or the number they typed for it."""
    whatsapp = (event.get("metadata") or {}).get("whatsapp") or {}
    reply = whatsapp.get("interactive") or {}
    title = (reply.get(reply.get("type") or "") or {}).get("title")
    return title or whatsapp.get("typed_option")


def _citizen_line(event: Event, intent: str, at: datetime) -> Line:
    labels, entities, text = _labels(), _entities(event), event.get("text") or ""
    if intent == "share_media" and entities.get("file_id"):
        media = labels["media_types"].get(entities.get("media_type") or "", labels["media_other"])
        return Line("citizen", at, labels["media"].format(type=media), f"/inbox/files/{entities['file_id']}")
    if intent == "share_location" and entities.get("latitude") is not None:
        place = entities.get("location") or f"{entities['latitude']}, {entities.get('longitude')}"
        return Line("citizen", at, labels["location"].format(place=place),
                    MAP_URL.format(lat=entities["latitude"], lon=entities.get("longitude")))
    if intent in labels:  # voice notes, stickers, refused files, unsupported messages
        return Line("citizen", at, labels[intent])
    if text.startswith("/"):
        return Line("citizen", at, labels["tapped"].format(title=_tapped(event) or intent))
    return Line("citizen", at, text)


def _bot_text(event: Event) -> str:
    data = event.get("data") or {}
    titles = [button.get("title", "") for button in data.get("buttons") or []]
    text = event.get("text") or (_labels()["attachment"] if data.get("custom") or data.get("attachment") else "")
    return f"{text} [{' | '.join(titles)}]" if titles else text


def conversation(events: Iterable[Event]) -> List[Line]:
    lines: List[Line] = []
    bot_speaker = "bot"
    for event in events:
        at = datetime.fromtimestamp(event.get("timestamp") or 0, tz=timezone.utc)
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or ""
            if intent.startswith("EXTERNAL_"):
                bot_speaker = "officer" if intent == OFFICER_REPLY else "bot"
                note = _labels()["notes"].get(intent)
                if note:
                    lines.append(Line("note", at, note))
                continue
            bot_speaker = "bot"
            lines.append(_citizen_line(event, intent, at))
        elif event.get("event") == "bot":
            lines.append(Line(bot_speaker, at, _bot_text(event)))
    return lines
