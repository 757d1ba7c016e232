"""The officers' side of a handoff: replying, taking and closing, through Rasa,
each written to the audit log (kind "handoff")."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from common.backend_call import BackendError
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

from .audit import AuditLog
from .db import Handoff
from .handoffs import Handoffs, may_answer
from .rasa_client import RasaClient
from .texts import message
from .users import User
from .workflow import ActionRefused

KIND = "handoff"
REPLY_INTENT = "EXTERNAL_handoff_reply"
CLOSE_INTENT = "EXTERNAL_handoff_closed"
# Shared with the action server (actions/clients/dashboard.py); set it in production.
DEV_API_KEY = "dev-handoff-key"
MAX_REPLY_CHARS = 4000


@dataclass(frozen=True)
class Inbox:
    handoffs: Handoffs
    rasa: RasaClient
    audit: AuditLog
    files: FileStore  # the files citizens sent on WhatsApp
    api_key: str  # of the internal API the action server calls

    @classmethod
    def build(cls, audit: AuditLog, rasa: RasaClient) -> "Inbox":
        return cls(Handoffs(audit.sessions), rasa, audit,
                   FileStore(Path(os.environ.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR)),
                   os.environ.get("HANDOFF_API_KEY") or DEV_API_KEY)

    def _answerable(self, user: User, handoff_id: int) -> Handoff:
        handoff = self.handoffs.get(handoff_id)
        if handoff.closed_at is not None:
            raise ActionRefused(message("handoff_closed_already"))
        if not may_answer(user, handoff):
            raise ActionRefused(message("handoff_taken_by", name=handoff.officer))
        return handoff

    def _through_rasa(self, user: User, handoff_id: int, action: str, intent: str, entities: dict,
                      note: Optional[str] = None) -> None:
        handoff = self._answerable(user, handoff_id)
        try:
            self.rasa.trigger(handoff.wa_id, intent, entities)
        except BackendError:
            self.audit.record(user, KIND, str(handoff_id), action, note, "failed")
            raise
        self.audit.record(user, KIND, str(handoff_id), action, note, "ok")

    def reply(self, user: User, handoff_id: int, text: str) -> str:
        text = text.strip()
        if not text or len(text) > MAX_REPLY_CHARS:
            raise ActionRefused(message("reply_length", limit=MAX_REPLY_CHARS))
        self._through_rasa(user, handoff_id, "reply", REPLY_INTENT, {"officer_message": text}, note=text)
        self.handoffs.answered(handoff_id, user.username)
        return message("reply_sent")

    def close(self, user: User, handoff_id: int) -> str:
        """The bot is back only once Rasa has it; until then the handoff stays open."""
        self._through_rasa(user, handoff_id, "close", CLOSE_INTENT, {})
        self.handoffs.close(handoff_id, user.username)
        return message("handoff_closed")

    def take(self, user: User, handoff_id: int) -> str:
        handoff = self._answerable(user, handoff_id)
        self.handoffs.take(handoff.id, user.username)
        self.audit.record(user, KIND, str(handoff_id), "take", None, "ok")
        return message("handoff_taken")
