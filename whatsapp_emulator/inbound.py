"""Turns the control API's small requests into Cloud API inbound message objects.

The result is the type-specific part of a message (`type`, its object and
`context` for replies); the emulator adds `from`, `id` and `timestamp`.
Attached files are stored as media so the bot can download them.
"""
from __future__ import annotations

import base64
import binascii
import math
import mimetypes
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from .conversations import ConversationStore, Entry
from .data_files import sample
from .graph_errors import GraphError
from .media_store import MediaStore

Part = Dict[str, Any]


class InboundError(ValueError):
    """A control API request that cannot become a WhatsApp message."""


def _string(request: Dict[str, Any], key: str, required: bool = True) -> str:
    value = request.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InboundError(f"'{key}' must be a non-empty string")
    return value


def _number(request: Dict[str, Any], key: str, bound: float) -> float:
    try:
        value = float(request[key])
    except (KeyError, TypeError, ValueError):
        raise InboundError(f"'{key}' must be a number") from None
    if not math.isfinite(value) or abs(value) > bound:  # NaN passes any comparison
        raise InboundError(f"'{key}' must be a number between -{bound} and {bound}")
    return value


def _offers_reply(entry: Entry, reply_id: str) -> bool:
    """Whether a bot message shows a reply button or list row with this id."""
    action = entry.message.get("interactive", {}).get("action", {})
    ids = [button.get("reply", {}).get("id") for button in action.get("buttons", [])]
    ids += [row.get("id") for section in action.get("sections", []) for row in section.get("rows", [])]
    return reply_id in ids


class InboundBuilder:
    def __init__(self, store: ConversationStore, media: MediaStore, business_number: str) -> None:
        self.store = store
        self.media = media
        self.business_number = business_number
        self._builders: Dict[str, Callable[[str, Dict[str, Any]], Part]] = {
            "text": self._text,
            "button_reply": self._interactive_reply,
            "list_reply": self._interactive_reply,
            "button": self._template_button,
            "location": self._location,
            "reaction": self._reaction,
            "contacts": self._contacts,
            **{kind: self._media for kind in ("image", "document", "audio", "voice", "video", "sticker")},
        }

    def build(self, wa_id: str, request: Dict[str, Any]) -> Part:
        kind = request.get("type")
        if kind not in self._builders:
            raise InboundError(f"'type' must be one of {sorted(self._builders) + ['raw']}, got {kind!r}")
        part = self._builders[kind](wa_id, request)
        replied_id = part.pop("_context_id", None)
        context_id = request.get("context_id") or replied_id
        if context_id:
            part["context"] = {"from": self.business_number, "id": context_id}
        return part

    def _text(self, wa_id: str, request: Dict[str, Any]) -> Part:
        return {"type": "text", "text": {"body": _string(request, "text")}}

    def _interactive_reply(self, wa_id: str, request: Dict[str, Any]) -> Part:
        kind = request["type"]
        reply = {"id": _string(request, "id"), "title": _string(request, "title")}
        if kind == "list_reply" and request.get("description"):
            reply["description"] = _string(request, "description")
        replied = self.store.latest_outbound(wa_id, lambda entry: _offers_reply(entry, reply["id"]))
        return {
            "type": "interactive",
            "interactive": {"type": kind, kind: reply},
            "_context_id": replied.id if replied else None,
        }

    def _template_button(self, wa_id: str, request: Dict[str, Any]) -> Part:
        text = _string(request, "text")
        replied = self.store.latest_outbound(wa_id, lambda entry: entry.type == "template")
        return {
            "type": "button",
            "button": {"text": text, "payload": _string(request, "payload", required=False) or text},
            "_context_id": replied.id if replied else None,
        }

    def _location(self, wa_id: str, request: Dict[str, Any]) -> Part:
        location: Dict[str, Any] = {
            "latitude": _number(request, "latitude", 90),
            "longitude": _number(request, "longitude", 180),
        }
        for key in ("name", "address"):
            if request.get(key):
                location[key] = _string(request, key)
        return {"type": "location", "location": location}

    def _reaction(self, wa_id: str, request: Dict[str, Any]) -> Part:
        return {"type": "reaction", "reaction": {
            "message_id": _string(request, "message_id"),
            "emoji": _string(request, "emoji", required=False),
        }}

    def _contacts(self, wa_id: str, request: Dict[str, Any]) -> Part:
        name, phone = _string(request, "name"), _string(request, "phone")
        digits = "".join(ch for ch in phone if ch.isdigit())
        return {"type": "contacts", "contacts": [{
            "name": {"formatted_name": name, "first_name": name.split()[0]},
            "phones": [{"phone": phone, "wa_id": digits, "type": "CELL"}],
        }]}

    def _media(self, wa_id: str, request: Dict[str, Any]) -> Part:
        requested = request["type"]
        kind = "audio" if requested == "voice" else requested
        defaults = {"voice": ("voice.ogg", "audio/ogg; codecs=opus"), "sticker": ("sticker.webp", "image/webp")}
        sample_name, sample_mime = defaults.get(requested, (None, None))
        filename = _string(request, "filename", required=False)
        content = self._content(request, sample_name)
        if not filename and request.get("path"):
            filename = Path(request["path"]).name
        mime_type = (request.get("mime_type") or mimetypes.guess_type(filename or "")[0] or sample_mime)
        if not mime_type:
            raise InboundError("'mime_type' is required when the file name does not tell it")
        try:
            media = self.media.save(content, mime_type, filename, kind=kind)
        except GraphError as error:
            raise InboundError(error.details) from None
        body: Dict[str, Any] = {"mime_type": media.mime_type, "sha256": media.sha256_base64, "id": media.id}
        if kind in ("image", "document", "video") and request.get("caption"):
            body["caption"] = _string(request, "caption")
        if kind == "document":
            body["filename"] = filename or f"{media.id}.bin"
        if kind == "audio":
            body["voice"] = requested == "voice"
        if kind == "sticker":
            body["animated"] = False
        return {"type": kind, kind: body}

    @staticmethod
    def _content(request: Dict[str, Any], sample_name: Optional[str]) -> bytes:
        if request.get("content_base64"):
            try:
                return base64.b64decode(request["content_base64"], validate=True)
            except (binascii.Error, TypeError):
                raise InboundError("'content_base64' is not valid base64") from None
        if request.get("path"):
            try:
                return Path(request["path"]).read_bytes()
            except OSError as error:
                raise InboundError(f"cannot read 'path': {error.strerror}") from None
        if sample_name:
            return sample(sample_name)
        raise InboundError("give the file as 'content_base64' or 'path'")
