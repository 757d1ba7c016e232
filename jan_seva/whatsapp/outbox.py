"""Outbound messages that could not be sent yet (SQL outbox).

A message whose retries are exhausted is stored here as `pending` and
re-sent later by whichever worker claims it first: the claim is a
conditional UPDATE (`pending` -> `sending`) that only one worker can win. A
claim left behind by a crashed worker becomes `pending` again after a while.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select

from jan_seva.whatsapp.state_db import outbox, run_db, utcnow

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    recipient_id: str
    content: Dict[str, Any]
    attempts: int


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _add(self, recipient_id: str, content: Dict[str, Any], error: str) -> int:
        now = utcnow()
        with self._engine.begin() as connection:
            result = connection.execute(
                outbox.insert().values(
                    recipient_id=recipient_id,
                    content=json.dumps(content, ensure_ascii=False),
                    state=PENDING,
                    attempts=0,
                    last_error=error,
                    created_at=now,
                    updated_at=now,
                    next_attempt_at=now,
                )
            )
            return result.inserted_primary_key[0]

    def _set_state(self, message_id: int, from_state: str, **values: Any) -> bool:
        with self._engine.begin() as connection:
            result = connection.execute(
                update(outbox)
                .where(and_(outbox.c.id == message_id, outbox.c.state == from_state))
                .values(updated_at=utcnow(), **values)
            )
            return result.rowcount == 1

    @staticmethod
    def _due_recipients() -> Select:
        """Recipients whose oldest unsent message is due: their messages go out in order
        when it does, a younger one never before it."""
        unsent = outbox.c.state.in_((PENDING, SENDING))
        oldest = select(func.min(outbox.c.id)).where(unsent).group_by(outbox.c.recipient_id)
        return select(outbox.c.recipient_id).where(
            and_(outbox.c.id.in_(oldest), outbox.c.state == PENDING, outbox.c.next_attempt_at <= utcnow())
        )

    def _candidates(self, limit: int, recipient_id: Optional[str]) -> List[OutboxMessage]:
        query = select(outbox.c.id, outbox.c.recipient_id, outbox.c.content, outbox.c.attempts).where(
            outbox.c.state == PENDING
        )
        if recipient_id is None:
            query = query.where(outbox.c.recipient_id.in_(self._due_recipients()))
        else:  # the citizen just wrote: try their messages now, whatever the schedule
            query = query.where(outbox.c.recipient_id == recipient_id)
        with self._engine.connect() as connection:
            rows = connection.execute(query.order_by(outbox.c.id).limit(limit)).all()
        return [OutboxMessage(row.id, row.recipient_id, json.loads(row.content), row.attempts) for row in rows]

    def _claim(self, limit: int, recipient_id: Optional[str]) -> List[OutboxMessage]:
        self._release_stale_claims()
        return [m for m in self._candidates(limit, recipient_id) if self._set_state(m.id, PENDING, state=SENDING)]

    def _release_stale_claims(self) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(outbox)
                .where(and_(outbox.c.state == SENDING, outbox.c.updated_at < utcnow() - STALE_CLAIM))
                .values(state=PENDING, updated_at=utcnow())
            )

    def _unsent_count(self, recipient_id: str) -> int:
        query = select(func.count()).where(
            and_(outbox.c.recipient_id == recipient_id, outbox.c.state.in_((PENDING, SENDING)))
        )
        with self._engine.connect() as connection:
            return connection.execute(query).scalar()

    async def add(self, recipient_id: str, content: Dict[str, Any], error: str) -> int:
        return await run_db(lambda: self._add(recipient_id, content, error))

    async def claim(self, limit: int = 50, recipient_id: Optional[str] = None) -> List[OutboxMessage]:
        """Pending messages now owned by this worker, oldest first."""
        return await run_db(lambda: self._claim(limit, recipient_id))

    async def has_unsent(self, recipient_id: str) -> bool:
        return await run_db(lambda: self._unsent_count(recipient_id)) > 0

    async def mark_sent(self, message_id: int) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=SENT, last_error=None))

    async def release(self, message_id: int) -> None:
        """Back to `pending` untried (it waits behind an older message)."""
        await run_db(lambda: self._set_state(message_id, SENDING, state=PENDING))

    async def mark_failed(self, message_id: int, error: str) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=FAILED, last_error=error))

    async def retry_later(self, message: OutboxMessage, error: str, when: datetime) -> None:
        values = {"state": PENDING, "attempts": message.attempts + 1, "last_error": error, "next_attempt_at": when}
        await run_db(lambda: self._set_state(message.id, SENDING, **values))
