"""A citizen driven through the emulator's control API (for tests and the benchmark)."""
from __future__ import annotations

import time
from typing import Optional

import requests


class EmulatorCitizen:
    def __init__(self, emulator_url: str, wa_id: str):
        self.wa_id = wa_id
        self.url = f"{emulator_url}/emulator/users/{wa_id}"
        self.seq = 0
        self.first_reply_at: Optional[float] = None  # time.perf_counter() of the last answer's first message
        self._last_reply = 0.0

    def send(self, **message) -> dict:
        """Sends one message as a signed webhook; `message` is a control API body ({"type": "text", ...})."""
        response = requests.post(f"{self.url}/send", json=message, timeout=30)
        response.raise_for_status()
        return response.json()

    def replies(self, wait: float = 60, quiet: float = 2.0) -> list:
        """The bot's messages (Graph JSON) since the last call: waits up to `wait` seconds for the
        first, then collects until the bot has been quiet for `quiet` seconds."""
        replies, self.first_reply_at = [], None
        deadline = time.monotonic() + wait
        while True:
            until = self._last_reply + quiet if replies else deadline
            timeout = max(0.0, until - time.monotonic())
            page = requests.get(f"{self.url}/messages", params={"since": self.seq, "wait": timeout},
                                timeout=timeout + 10).json()
            self.seq = page["seq"]
            # Status changes of earlier messages come back too; only new bot messages count.
            new = [m["message"] for m in page["messages"] if m["direction"] == "out" and m["message"] not in replies]
            if new:
                self.first_reply_at = self.first_reply_at or time.perf_counter()
                self._last_reply = time.monotonic()
                replies += new
            if time.monotonic() >= (self._last_reply + quiet if replies else deadline):
                return replies


def text_of(message: dict) -> str:
    if message["type"] == "text":
        return message["text"]["body"]
    if message["type"] == "interactive":
        return message["interactive"]["body"]["text"]
    return ""


def options_of(message: dict) -> list:
    """Reply buttons or list rows offered by a bot message, as {"id", "title"} dicts."""
    interactive = message.get("interactive") or {}
    if interactive.get("type") == "button":
        return [button["reply"] for button in interactive["action"]["buttons"]]
    if interactive.get("type") == "list":
        return [row for section in interactive["action"]["sections"] for row in section["rows"]]
    return []
