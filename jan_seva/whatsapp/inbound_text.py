"""What Rasa receives for each kind of WhatsApp message (pure functions).

Structured messages become Rasa payloads (`/intent{"entity": value}`), which
Rasa reads without NLU. Anything a citizen typed never does: Rasa strips
spaces and then reads a leading "/" as a payload, so typed text loses its
leading spaces and slashes, and a reply's id counts only when the bot
offered it to that citizen (in the last options it offered, or in the
message the reply answers).

| WhatsApp message                 | text given to Rasa                                       |
|----------------------------------|----------------------------------------------------------|
| text                             | the typed text (see above), at most 4096 characters      |
| interactive button/list reply    | the reply's id if offered to the citizen, else its title as typed text |
| template quick-reply `button`    | its payload if offered to the citizen, else its text as typed text |
| location pin                     | `/share_location{"latitude": …, "longitude": …, "location": "name, address"}`; |
|                                  | coordinates that are not finite or out of range: `/unsupported_message` |
| image/document/video/audio       | `/share_media{"media_type": …, "file_id": …}`, or if refused |
|                                  | `/share_media_rejected{"reason": …}`                     |
| voice note                       | `/voice_note`                                            |
| sticker                          | `/sticker`                                               |
| reaction                         | nothing: it answers no question (logged, not passed on)  |
| contacts, unsupported, unknown   | `/unsupported_message`                                   |
| system notices                   | ignored                                                  |

Values of the wrong JSON type (a list as a reply id, a number as a text)
count as missing.
"""
from __future__ import annotations

import json
import math
from typing import Any, Collection, Dict, Mapping, Optional

from jan_seva.whatsapp.payloads import InboundMessage
from jan_seva.whatsapp.text_units import truncate

SHARE_LOCATION = "share_location"
SHARE_MEDIA = "share_media"
SHARE_MEDIA_REJECTED = "share_media_rejected"
VOICE_NOTE = "voice_note"
STICKER = "sticker"
UNSUPPORTED_MESSAGE = "unsupported_message"

MAX_TEXT_LENGTH = 4096  # WhatsApp's own limit for a text message
TYPED_PAYLOAD_PREFIX = "/"  # Rasa's INTENT_MESSAGE_PREFIX
DOWNLOADED_TYPES = frozenset({"image", "document", "video", "audio"})
REPLY_TYPES = frozenset({"interactive", "button"})  # answers to options the bot offered
IGNORED_TYPES = frozenset({"system", "reaction"})  # number changes, reactions: nothing a citizen said
INTERACTIVE_REPLIES = ("button_reply", "list_reply")


def intent_payload(intent: str, entities: Optional[Mapping[str, Any]] = None) -> str:
    return "/" + intent + (json.dumps(dict(entities), ensure_ascii=False) if entities else "")


def is_voice_note(message: InboundMessage) -> bool:
    return message.type == "audio" and message.content.get("voice") is True


def needs_download(message: InboundMessage) -> bool:
    return message.type in DOWNLOADED_TYPES and not is_voice_note(message)


def _string(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


def typed_text(value: Any) -> Optional[str]:
    """Text as the citizen typed it, cut to WhatsApp's length, that Rasa can never read as a payload."""
    text = _string(value)
    if text is None:
        return None
    text = truncate(text[: MAX_TEXT_LENGTH + 1], MAX_TEXT_LENGTH, ellipsis="").strip()
    while text.startswith(TYPED_PAYLOAD_PREFIX):  # " / /greet" too
        text = text.lstrip(TYPED_PAYLOAD_PREFIX).strip()
    return text or "?"


def _offered_or_typed(payload: Any, title: Any, offered: Collection[str]) -> Optional[str]:
    """A reply's payload only when the bot offered it; anything else reads as its title, typed."""
    payload = _string(payload)
    if payload is not None and payload in offered:
        return payload
    return typed_text(title)


def _interactive_reply(content: Mapping[str, Any], offered: Collection[str]) -> Optional[str]:
    kind = _string(content.get("type"))
    reply = content.get(kind) if kind in INTERACTIVE_REPLIES else None
    if not isinstance(reply, dict):
        return None
    return _offered_or_typed(reply.get("id"), reply.get("title"), offered)


def _coordinate(value: Any, bound: float) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and abs(number) <= bound else None


def _location(content: Mapping[str, Any]) -> Optional[str]:
    latitude, longitude = _coordinate(content.get("latitude"), 90), _coordinate(content.get("longitude"), 180)
    if latitude is None or longitude is None:
        return None
    entities: Dict[str, Any] = {"latitude": latitude, "longitude": longitude}
    name, address = ((_string(content.get(key)) or "")[:MAX_TEXT_LENGTH].strip() for key in ("name", "address"))
    # A pin's address often starts with its name ("Rajwada" / "Rajwada, Jawahar Marg, Indore").
    place = address if name and address.casefold().startswith(name.casefold()) else ", ".join(filter(None, (name, address)))
    if place:
        entities["location"] = place
    return intent_payload(SHARE_LOCATION, entities)


def rasa_text(message: InboundMessage, offered: Collection[str] = frozenset()) -> Optional[str]:
    """Text for every message that needs no download; None means "ignore it".

    `offered`: the payloads the bot offered this citizen (its last options, the message replied to).
    """
    content = message.content
    if message.type in IGNORED_TYPES:
        return None
    if message.type == "text":
        return typed_text(content.get("body"))
    if is_voice_note(message):
        return intent_payload(VOICE_NOTE)
    if message.type == "sticker":
        return intent_payload(STICKER)
    text = None
    if message.type == "interactive":
        text = _interactive_reply(content, offered)
    elif message.type == "button":
        text = _offered_or_typed(content.get("payload"), content.get("text"), offered)
    elif message.type == "location":
        text = _location(content)
    # contacts, unsupported (edits, deletions, polls …), malformed structured messages
    return text or intent_payload(UNSUPPORTED_MESSAGE)


def accepted_media_text(media_type: str, file_id: str) -> str:
    return intent_payload(SHARE_MEDIA, {"media_type": media_type, "file_id": file_id})


def rejected_media_text(reason: str) -> str:
    return intent_payload(SHARE_MEDIA_REJECTED, {"reason": reason})


def message_metadata(message: InboundMessage, **details: Any) -> Dict[str, Any]:
    """`{"whatsapp": {...}}`: everything Meta told about the message, plus `details`."""
    whatsapp: Dict[str, Any] = {
        "message_id": message.message_id,
        "type": message.type,
        "timestamp": message.timestamp,
        "profile_name": message.profile_name,
    }
    for key in ("context", "errors", "referral"):
        if message.raw.get(key):
            whatsapp[key] = message.raw[key]
    if message.content:
        whatsapp[message.type] = dict(message.content)
    whatsapp.update(details)
    return {"whatsapp": whatsapp}
