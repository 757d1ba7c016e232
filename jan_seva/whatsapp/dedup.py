"""Drops redelivered webhooks: each message id is handled once, by one worker.

Meta redelivers a webhook it thinks failed, sometimes for days, and may
deliver the same message to two workers at once. The insert of the id into
a table keyed on it is the atomic "first time?" test: only one insert can
succeed, on any database and across restarts.
"""
from __future__ import annotations

from sqlalchemy.engine import Engine

from jan_seva.whatsapp.state_db import insert_once, processed_messages, run_db, utcnow


class ProcessedMessages:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def claim(self, message_id: str) -> bool:
        """True the first time `message_id` is seen, False for every duplicate."""
        return await run_db(
            lambda: insert_once(self._engine, processed_messages, message_id=message_id, received_at=utcnow())
        )
