"""What Rasa receives for each kind of WhatsApp message (pure functions).

Structured messages become Rasa payloads (`/intent{"entity": value}`), which
Rasa reads without NLU:

| WhatsApp message                 | text given to Rasa                                       |
|----------------------------------|----------------------------------------------------------|
| text                             | the text (a leading "/" dropped: typed text is no payload) |
| interactive button/list reply    | the reply's id (the button's payload)                    |
| template quick-reply `button`    | its payload (else its text)                              |
| location pin                     | `/share_location{"latitude": …, "longitude": …, "location": "name, address"}` |
| image/document/video/audio       | `/share_media{"media_type": …, "file_id": …}`, or if refused |
|                                  | `/share_media_rejected{"reason": …}`                     |
| voice note                       | `/voice_note`                                            |
| sticker                          | `/sticker`                                               |
| reaction                         | its emoji (a removed reaction is ignored)                |
| contacts, unsupported, unknown   | `/unsupported_message`                                   |
| system notices                   | ignored                                                  |
"""
from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional

from jan_seva.whatsapp.payloads import InboundMessage

SHARE_LOCATION = "share_location"
SHARE_MEDIA = "share_media"
SHARE_MEDIA_REJECTED = "share_media_rejected"
VOICE_NOTE = "voice_note"
STICKER = "sticker"
UNSUPPORTED_MESSAGE = "unsupported_message"

DOWNLOADED_TYPES = frozenset({"image", "document", "video", "audio"})
IGNORED_TYPES = frozenset({"system"})  # number changes and similar notices: nothing a citizen said


def intent_payload(intent: str, entities: Optional[Mapping[str, Any]] = None) -> str:
    return "/" + intent + (json.dumps(dict(entities), ensure_ascii=False) if entities else "")


def is_voice_note(message: InboundMessage) -> bool:
    return message.type == "audio" and message.content.get("voice") is True


def needs_download(message: InboundMessage) -> bool:
    return message.type in DOWNLOADED_TYPES and not is_voice_note(message)


def _typed(body: Any) -> Optional[str]:
    """A citizen's typed text. Rasa reads "/intent{...}" as an intent without NLU, so a leading
    slash is dropped: only our own buttons may send payloads (no typed "/EXTERNAL_…")."""
    if not isinstance(body, str) or not body:
        return None
    if not body.startswith("/"):
        return body
    return body.lstrip("/").strip() or "?"


def _interactive_reply(content: Mapping[str, Any]) -> Optional[str]:
    reply = content.get(content.get("type") or "")
    if content.get("type") in ("button_reply", "list_reply") and isinstance(reply, dict):
        return reply.get("id") or reply.get("title")
    return None


def _location(content: Mapping[str, Any]) -> Optional[str]:
    try:
        entities: Dict[str, Any] = {
            "latitude": float(content["latitude"]),
            "longitude": float(content["longitude"]),
        }
    except (KeyError, TypeError, ValueError):
        return None
    name, address = (str(content.get(key) or "").strip() for key in ("name", "address"))
    # A pin's address often starts with its name ("Rajwada" / "Rajwada, Jawahar Marg, Indore").
    place = address if name and address.casefold().startswith(name.casefold()) else ", ".join(filter(None, (name, address)))
    if place:
        entities["location"] = place
    return intent_payload(SHARE_LOCATION, entities)


def rasa_text(message: InboundMessage) -> Optional[str]:
    """Text for every message that needs no download; None means "ignore it"."""
    content = message.content
    if message.type in IGNORED_TYPES:
        return None
    if message.type == "text":
        return _typed(content.get("body"))
    if message.type == "reaction":
        return content.get("emoji") or None
    if is_voice_note(message):
        return intent_payload(VOICE_NOTE)
    if message.type == "sticker":
        return intent_payload(STICKER)
    text = None
    if message.type == "interactive":
        text = _interactive_reply(content)
    elif message.type == "button":
        text = content.get("payload") or content.get("text")
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
