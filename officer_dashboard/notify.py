"""Tells the citizen about a status change on WhatsApp through Rasa's trigger_intent;
failures are kept and sent again later."""
from __future__ import annotations

import logging
from typing import Any, Dict

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from common.backend_call import BackendError
from common.masking import mask_id

from .db import PendingNotification
from .rasa_client import RasaClient

log = logging.getLogger(__name__)
INTENT = "EXTERNAL_status_changed"


class Notifier:
    def __init__(self, rasa: RasaClient, sessions: sessionmaker):
        self.rasa = rasa
        self.sessions = sessions

    def status_changed(self, wa_id: str, kind: str, item_id: str, status: str) -> bool:
        """True when Rasa took it; otherwise it is kept for retry()."""
        payload = {"name": INTENT, "entities": {"record_kind": kind, "record_id": item_id, "new_status": status}}
        error = self._send(wa_id, payload)
        if error is None:
            return True
        with self.sessions.begin() as session:
            session.add(PendingNotification(wa_id=wa_id, payload=payload, last_error=error))
        return False

    def retry(self) -> int:
        """Sends the kept notifications again, oldest first; returns how many went out."""
        sent = 0
        with self.sessions.begin() as session:
            for pending in session.execute(select(PendingNotification).order_by(PendingNotification.id)).scalars():
                error = self._send(pending.wa_id, pending.payload)
                if error is None:
                    session.delete(pending)
                    sent += 1
                else:
                    pending.attempts += 1
                    pending.last_error = error
        return sent

    def pending_count(self) -> int:
        with self.sessions() as session:
            return session.execute(select(func.count(PendingNotification.id))).scalar_one()

    def _send(self, wa_id: str, payload: Dict[str, Any]) -> str | None:
        try:
            self.rasa.trigger(wa_id, payload["name"], payload["entities"])
        except BackendError as error:
            log.warning("notification to %s failed: %s", mask_id(wa_id), error.detail[:200])
            return (f"HTTP {error.status}: " if error.status else "") + error.detail[:500]
        return None
