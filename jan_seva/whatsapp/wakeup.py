"""When a worker looks in the inbound journal again.

On PostgreSQL the ingest process sends `NOTIFY whatsapp_inbound` in the
transaction that keeps a delivery, and every worker LISTENs: it claims the
new messages at once. A worker also wakes itself when it finishes a message
(the citizen's next one may be waiting). A poll every few seconds catches
whatever a lost connection missed, and is all there is on SQLite, where the
webhook inside Rasa hands its messages over directly anyway.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Optional

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp_inbound"


def poll_seconds_from_environment() -> float:
    return float(os.environ.get("WHATSAPP_INBOUND_POLL_SECONDS") or 2)


def notify_workers(connection: Connection) -> None:
    """Within the keeping transaction: PostgreSQL delivers the notification when it commits."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"NOTIFY {CHANNEL}"))


class Wakeup:
    def __init__(self, engine: Engine, poll_seconds: Optional[float] = None) -> None:
        self._engine = engine
        self._poll = poll_seconds or poll_seconds_from_environment()
        self._event = asyncio.Event()
        self._listener: Any = None  # the driver's connection LISTENing, while it works

    def now(self) -> None:
        self._event.set()

    async def listen(self) -> None:
        """LISTENs on PostgreSQL, unless it does already (or cannot: the poll goes on)."""
        if self._listener is None and self._engine.dialect.name == "postgresql":
            self._listener = await asyncio.to_thread(self._listening_connection)
            if self._listener is not None:
                asyncio.get_running_loop().add_reader(self._listener.fileno(), self._on_notification)

    async def wait(self) -> None:
        """Until a notification, this worker's own wake-up or the poll interval."""
        await self.listen()
        try:
            await asyncio.wait_for(self._event.wait(), self._poll)
        except asyncio.TimeoutError:
            pass
        self._event.clear()

    def _listening_connection(self) -> Any:
        """A connection of its own (no pool: it stays open, in autocommit, as LISTEN needs); None on failure."""
        try:
            args, kwargs = self._engine.dialect.create_connect_args(self._engine.url)
            connection = self._engine.dialect.dbapi.connect(*args, **kwargs)
            connection.set_session(autocommit=True)
            connection.cursor().execute(f"LISTEN {CHANNEL}")
            return connection
        except Exception:  # the poll goes on; the next wait tries again
            logger.warning("WhatsApp inbound: LISTEN unavailable; polling every %.1f s", self._poll, exc_info=True)
            return None

    def _on_notification(self) -> None:
        try:
            self._listener.poll()
            self._listener.notifies.clear()
        except Exception:
            logger.warning("WhatsApp inbound: LISTEN connection lost; polling until it is back", exc_info=True)
            self.stop()
        self._event.set()

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is None:
            return
        try:
            asyncio.get_running_loop().remove_reader(listener.fileno())
            listener.close()
        except Exception:  # already broken: nothing left to release
            logger.debug("WhatsApp inbound: LISTEN connection was already closed", exc_info=True)
