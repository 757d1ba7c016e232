"""What the bot sent, by WhatsApp message id, shared by all workers.

WhatsApp may accept a message (HTTP 200 and an id) and report only later,
in a "failed" status webhook, that it could not be delivered. That status
names the message by id alone; this table gives back what it said and to
whom, so it can be sent again. Records are kept for as long as WhatsApp
may still report on a message (it tries to deliver for up to 30 days).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Dict, Mapping, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from common.clock import utc_now
from jan_seva.whatsapp.state_db import insert_once, run_db, sent_messages

RETENTION = timedelta(days=30)


@dataclass(frozen=True)
class SentMessage:
    message_id: str
    recipient_id: str
    content: Dict[str, Any]
    attempts: int  # earlier deliveries of this content that failed


class SentMessages:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _recall(self, message_id: str) -> Optional[SentMessage]:
        query = select(sent_messages).where(sent_messages.c.message_id == message_id)
        with self._engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return SentMessage(row.message_id, row.recipient_id, json.loads(row.content), row.attempts)

    def _prune(self, older_than: timedelta) -> int:
        old = sent_messages.c.sent_at < utc_now() - older_than
        with self._engine.begin() as connection:
            return connection.execute(delete(sent_messages).where(old)).rowcount

    async def remember(self, message_id: str, recipient_id: str, content: Mapping[str, Any], attempts: int) -> None:
        values = {
            "message_id": message_id,
            "recipient_id": recipient_id,
            "content": json.dumps(dict(content), ensure_ascii=False),
            "attempts": attempts,
            "sent_at": utc_now(),
        }
        await run_db(lambda: insert_once(self._engine, sent_messages, **values))

    async def recall(self, message_id: str) -> Optional[SentMessage]:
        return await run_db(lambda: self._recall(message_id))

    async def prune(self, older_than: timedelta = RETENTION) -> int:
        """Forgets messages sent longer ago than `older_than`; returns how many."""
        return await run_db(lambda: self._prune(older_than))
