"""Outbound messages that could not be sent yet (SQL outbox).

A message whose retries are exhausted (or that WhatsApp later reported as
failed for a passing reason) is stored here as `pending` and re-sent later
by whichever worker claims it first: the claim is a conditional UPDATE
(`pending` -> `sending`) that only one worker can win. A claim left behind
by a crashed worker becomes `pending` again after a while.

A file WhatsApp refused because the 24-hour window had closed is stored as
`waiting`: only the citizen's next message reopens the window, so it is
claimed only then (`claim(recipient_id=…, with_waiting=True)`), never by
the periodic round, and it holds no later message back.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select

from common.clock import utc_now
from jan_seva.whatsapp.state_db import outbox, run_db

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
WAITING = "waiting"  # a file, until the citizen writes again
REPLACED = "replaced"  # its words went out as the template instead
STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    recipient_id: str
    content: Dict[str, Any]
    attempts: int
    waiting: bool = False  # claimed from `waiting`: the citizen was told about it already


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _add(self, recipient_id: str, content: Dict[str, Any], error: str, state: str, attempts: int,
             due: Optional[datetime]) -> int:
        now = utc_now()
        with self._engine.begin() as connection:
            result = connection.execute(
                outbox.insert().values(
                    recipient_id=recipient_id,
                    content=json.dumps(content, ensure_ascii=False),
                    state=state,
                    attempts=attempts,
                    last_error=error,
                    created_at=now,
                    updated_at=now,
                    next_attempt_at=due or now,
                )
            )
            return result.inserted_primary_key[0]

    def _set_state(self, message_id: int, from_state: str, **values: Any) -> bool:
        with self._engine.begin() as connection:
            result = connection.execute(
                update(outbox)
                .where(and_(outbox.c.id == message_id, outbox.c.state == from_state))
                .values(updated_at=utc_now(), **values)
            )
            return result.rowcount == 1

    @staticmethod
    def _due_recipients() -> Select:
        """Recipients whose oldest unsent message is due: their messages go out in order
        when it does, a younger one never before it."""
        unsent = outbox.c.state.in_((PENDING, SENDING))
        oldest = select(func.min(outbox.c.id)).where(unsent).group_by(outbox.c.recipient_id)
        return select(outbox.c.recipient_id).where(
            and_(outbox.c.id.in_(oldest), outbox.c.state == PENDING, outbox.c.next_attempt_at <= utc_now())
        )

    def _candidates(self, limit: int, recipient_id: Optional[str], with_waiting: bool) -> List[OutboxMessage]:
        states = (PENDING, WAITING) if with_waiting else (PENDING,)
        query = select(outbox.c.id, outbox.c.recipient_id, outbox.c.content, outbox.c.attempts, outbox.c.state)
        query = query.where(outbox.c.state.in_(states))
        if recipient_id is None:
            query = query.where(outbox.c.recipient_id.in_(self._due_recipients()))
        else:  # the citizen just wrote: try their messages now, whatever the schedule
            query = query.where(outbox.c.recipient_id == recipient_id)
        with self._engine.connect() as connection:
            rows = connection.execute(query.order_by(outbox.c.id).limit(limit)).all()
        return [
            OutboxMessage(row.id, row.recipient_id, json.loads(row.content), row.attempts, row.state == WAITING)
            for row in rows
        ]

    def _claim(self, limit: int, recipient_id: Optional[str], with_waiting: bool) -> List[OutboxMessage]:
        self._release_stale_claims()
        return [
            message
            for message in self._candidates(limit, recipient_id, with_waiting)
            if self._set_state(message.id, WAITING if message.waiting else PENDING, state=SENDING)
        ]

    def _release_stale_claims(self) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(outbox)
                .where(and_(outbox.c.state == SENDING, outbox.c.updated_at < utc_now() - STALE_CLAIM))
                .values(state=PENDING, updated_at=utc_now())
            )

    def _unsent_count(self, recipient_id: str) -> int:
        query = select(func.count()).where(
            and_(outbox.c.recipient_id == recipient_id, outbox.c.state.in_((PENDING, SENDING)))
        )
        with self._engine.connect() as connection:
            return connection.execute(query).scalar()

    async def add(
        self,
        recipient_id: str,
        content: Dict[str, Any],
        error: str,
        state: str = PENDING,
        attempts: int = 0,
        due: Optional[datetime] = None,
    ) -> int:
        """Stores a message as `pending` (due now unless `due` says when) or `waiting`."""
        return await run_db(lambda: self._add(recipient_id, content, error, state, attempts, due))

    async def claim(
        self, limit: int = 50, recipient_id: Optional[str] = None, with_waiting: bool = False
    ) -> List[OutboxMessage]:
        """Pending (and with `with_waiting`, waiting) messages now owned by this worker, oldest first."""
        return await run_db(lambda: self._claim(limit, recipient_id, with_waiting))

    async def has_unsent(self, recipient_id: str) -> bool:
        return await run_db(lambda: self._unsent_count(recipient_id)) > 0

    async def mark_sent(self, message_id: int) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=SENT, last_error=None))

    async def mark_replaced(self, message_id: int) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=REPLACED))

    async def wait_for_window(self, message_id: int) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=WAITING))

    async def release(self, message: OutboxMessage) -> None:
        """Back to where it was, untried (it waits behind an older message)."""
        state = WAITING if message.waiting else PENDING
        await run_db(lambda: self._set_state(message.id, SENDING, state=state))

    async def mark_failed(self, message_id: int, error: str) -> None:
        await run_db(lambda: self._set_state(message_id, SENDING, state=FAILED, last_error=error))

    async def retry_later(self, message: OutboxMessage, error: str, when: datetime) -> None:
        values = {"state": PENDING, "attempts": message.attempts + 1, "last_error": error, "next_attempt_at": when}
        await run_db(lambda: self._set_state(message.id, SENDING, **values))
