"""Plays a conversation as a citizen on the WhatsApp emulator: each turn is a
signed Cloud API webhook; the turn is over when the bot has marked the
citizen's message read (it does so after its last reply), so no quiet-time
guessing is needed."""
from __future__ import annotations

import base64
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import requests

from whatsapp_emulator.client import options_of, text_of

TURN_SECONDS = 45
# A 1x1 PNG and a one-page PDF: what a citizen's photo and document stand for.
PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                       b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\ntrailer<</Root 1 0 R>>\n"
                       b"%%EOF\n").decode()


@dataclass
class Reply:
    """One bot message of a turn, as the Graph API received it."""
    message: Dict[str, Any]

    @property
    def said(self) -> str:
        """The message's body or caption, without its buttons."""
        media = self.message.get(self.message.get("type") or "") or {}
        caption = media.get("caption", "") if isinstance(media, dict) else ""
        return " ".join(part for part in (text_of(self.message), caption) if part)

    @property
    def text(self) -> str:
        titles = " ".join(option.get("title", "") for option in self.options)
        return " ".join(part for part in (self.said, titles) if part)

    @property
    def options(self) -> List[Dict[str, Any]]:
        return options_of(self.message)

    @property
    def key(self) -> str:
        return str(self.message.get("biz_opaque_callback_data") or "").split("|")[0]

    @property
    def tag(self) -> str:
        parts = str(self.message.get("biz_opaque_callback_data") or "").split("|")
        return parts[1] if len(parts) > 1 else ""


@dataclass
class Citizen:
    emulator_url: str
    wa_id: str
    profile_name: Optional[str] = None
    cursor: int = 0
    last_options: List[Dict[str, Any]] = field(default_factory=list)
    seen: set = field(default_factory=set)  # bot messages already taken (their statuses keep changing)

    @property
    def url(self) -> str:
        return f"{self.emulator_url}/emulator/users/{self.wa_id}"

    def _body(self, kind: str, value: Any) -> Dict[str, Any]:
        value = value if isinstance(value, dict) else {}
        if kind == "photo":
            return {"type": "image", "filename": "photo.png", "content_base64": PNG, "mime_type": "image/png",
                    **({"caption": value["caption"]} if value.get("caption") else {})}
        if kind == "document":
            return {"type": "document", "filename": value.get("filename", "document.pdf"), "content_base64": PDF,
                    "mime_type": "application/pdf", **({"caption": value["caption"]} if value.get("caption") else {})}
        if kind == "location":
            return {"type": "location", "latitude": value["latitude"], "longitude": value["longitude"],
                    "name": value.get("name", ""), "address": value.get("address", "")}
        if kind == "voice":
            return {"type": "voice"}
        if kind == "sticker":
            return {"type": "sticker"}
        raise ValueError(kind)

    def _tap(self, choice: Any) -> Dict[str, Any]:
        options = self.last_options
        if not options:
            raise LookupError(f"tap {choice!r}: the bot offered nothing to tap")
        if isinstance(choice, int):
            option = options[choice - 1]
        else:
            wanted = str(choice).casefold()
            option = next((o for o in options if wanted in o["title"].casefold()), None)
            if option is None:
                raise LookupError(f"tap {choice!r}: not among {[o['title'] for o in options]}")
        kind = "list_reply" if len(options) > 3 else "button_reply"
        return {"type": kind, "id": option["id"], "title": option["title"]}

    def send(self, kind: str, value: Any) -> List[Reply]:
        if kind == "say":
            body: Dict[str, Any] = {"type": "text", "text": str(value)}
        elif kind == "tap":
            body = self._tap(value)
        else:
            body = self._body(kind, value)
        if self.profile_name:
            body["profile_name"] = self.profile_name
        sent = requests.post(f"{self.url}/send", json=body, timeout=30)
        sent.raise_for_status()
        replies = self._replies_to(sent.json()["id"])
        offered = [reply.options for reply in replies if reply.options]
        if offered:
            self.last_options = offered[-1]
        return replies

    def _replies_to(self, message_id: str) -> List[Reply]:
        """The bot's messages until it marked `message_id` read (or the turn timed out)."""
        replies: Dict[str, Dict[str, Any]] = {}
        deadline = time.monotonic() + TURN_SECONDS
        done = False
        while not done and time.monotonic() < deadline:
            page = requests.get(f"{self.url}/messages", params={"since": self.cursor, "wait": 5}, timeout=20).json()
            self.cursor = page["seq"]
            for entry in page["messages"]:
                if entry["direction"] == "out" and entry["id"] not in self.seen:
                    self.seen.add(entry["id"])
                    replies[entry["id"]] = entry["message"]
                elif entry["id"] == message_id and entry["status"] in ("read", "failed"):
                    done = True
        return [Reply(message) for message in replies.values()]

    def collect(self, seconds: float) -> List[Reply]:
        """Messages the bot sends on its own (an officer's update), for a few seconds."""
        replies: Dict[str, Dict[str, Any]] = {}
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            wait = max(0.1, min(2.0, deadline - time.monotonic()))
            page = requests.get(f"{self.url}/messages", params={"since": self.cursor, "wait": wait}, timeout=20).json()
            self.cursor = page["seq"]
            for entry in page["messages"]:
                if entry["direction"] == "out" and entry["id"] not in self.seen:
                    self.seen.add(entry["id"])
                    replies[entry["id"]] = entry["message"]
        return [Reply(message) for message in replies.values()]
