"""In-memory conversations: both directions per WhatsApp user, their statuses and
the 24-hour customer service window.

Every change (new message or status) gets the next sequence number, so a
reader asks for "everything after seq N" and may wait for it (long-poll).
"""
from __future__ import annotations

import asyncio
import base64
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

WINDOW_SECONDS = 24 * 60 * 60
# Statuses only move forward: a late "delivered" never hides a "read".
STATUS_RANK = {"pending": 0, "accepted": 0, "retrying": 1, "sent": 1, "delivered": 2, "read": 3, "failed": 4}


def new_wamid() -> str:
    return "wamid." + base64.b64encode(b"\x15\x02" + secrets.token_bytes(31)).decode("ascii")


@dataclass
class Entry:
    id: str
    wa_id: str
    direction: str  # "in": citizen -> bot (Cloud API message object); "out": bot -> citizen (Graph request body)
    type: str
    message: Dict[str, Any]
    status: str
    seq: int = 0
    timestamp: float = field(default_factory=time.time)
    history: List[Dict[str, Any]] = field(default_factory=list)
    errors: List[Dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> Dict[str, Any]:
        return {
            "seq": self.seq,
            "id": self.id,
            "direction": self.direction,
            "type": self.type,
            "timestamp": self.timestamp,
            "status": self.status,
            "statuses": self.history,
            "errors": self.errors,
            "message": self.message,
        }


@dataclass
class User:
    wa_id: str
    profile_name: str = ""
    last_inbound: Optional[float] = None
    latest_seq: int = 0
    entries: List[Entry] = field(default_factory=list)


class ConversationStore:
    def __init__(self) -> None:
        self._changed = asyncio.Condition()
        self._users: Dict[str, User] = {}
        self._by_id: Dict[str, Entry] = {}
        self._seq = 0

    def _user(self, wa_id: str) -> User:
        return self._users.setdefault(wa_id, User(wa_id))

    def _bump(self, entry: Entry) -> None:
        self._seq += 1
        entry.seq = self._seq
        self._user(entry.wa_id).latest_seq = self._seq
        self._changed.notify_all()

    async def add(self, wa_id: str, direction: str, kind: str, message: Dict[str, Any], status: str,
                  message_id: Optional[str] = None) -> Entry:
        entry = Entry(id=message_id or new_wamid(), wa_id=wa_id, direction=direction, type=kind,
                      message=message, status=status)
        entry.history.append({"status": status, "timestamp": entry.timestamp})
        async with self._changed:
            self._user(wa_id).entries.append(entry)
            self._by_id[entry.id] = entry
            self._bump(entry)
        return entry

    async def set_status(self, message_id: str, status: str,
                         errors: Optional[List[Dict[str, Any]]] = None) -> Optional[Entry]:
        async with self._changed:
            entry = self._by_id.get(message_id)
            if entry is None or STATUS_RANK[status] < STATUS_RANK[entry.status]:
                return entry
            entry.status = status
            entry.history.append({"status": status, "timestamp": time.time()})
            entry.errors.extend(errors or [])
            self._bump(entry)
            return entry

    def find(self, message_id: str) -> Optional[Entry]:
        return self._by_id.get(message_id)

    def latest_outbound(self, wa_id: str, matches: Callable[[Entry], bool]) -> Optional[Entry]:
        """The newest bot message to this user that `matches` (e.g. holds a tapped button)."""
        user = self._users.get(wa_id)
        for entry in reversed(user.entries if user else []):
            if entry.direction == "out" and matches(entry):
                return entry
        return None

    async def since(self, wa_id: str, since: int, wait: float) -> Tuple[int, List[Dict[str, Any]]]:
        """Entries of one user changed after `since`, waiting up to `wait` seconds for one."""
        async with self._changed:
            if wait > 0:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: self._user(wa_id).latest_seq > since), wait)
                except asyncio.TimeoutError:
                    pass
            user = self._user(wa_id)
            changed = sorted((e for e in user.entries if e.seq > since), key=lambda e: e.seq)
            return max(user.latest_seq, since), [entry.as_json() for entry in changed]

    # The 24-hour customer service window, opened by every inbound message.
    def record_inbound(self, wa_id: str, profile_name: str) -> None:
        user = self._user(wa_id)
        user.profile_name = profile_name or user.profile_name
        user.last_inbound = time.time()

    def profile_name(self, wa_id: str) -> str:
        return self._user(wa_id).profile_name

    def window_open(self, wa_id: str) -> bool:
        last = self._user(wa_id).last_inbound
        return last is not None and time.time() - last < WINDOW_SECONDS

    def set_window(self, wa_id: str, is_open: bool) -> None:
        self._user(wa_id).last_inbound = time.time() if is_open else None

    async def reset(self) -> None:
        async with self._changed:
            self._users.clear()
            self._by_id.clear()
            self._changed.notify_all()
