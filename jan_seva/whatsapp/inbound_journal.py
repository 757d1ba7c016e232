"""Durable inbound: every verified message is written here before the webhook answers 200.

Meta never re-sends a message it got a 200 for, so a message kept only in
memory dies with the process. The journal is a table of the state database
(SQLite locally, PostgreSQL in production), one row per message id:

- `accept` inserts the delivery's messages, each claimed by this worker for a
  lease; a redelivered id is already there and is dropped, on any worker and
  after restarts (this is also the channel's duplicate check).
- `done` marks a handled message and clears its content (kept no longer than needed).
- `claim_abandoned` takes over pending messages whose lease ran out, oldest
  first: a worker killed mid-turn leaves them, any worker picks them up.
  Each claim is one guarded UPDATE (and SKIP LOCKED on PostgreSQL), so
  several workers sweeping at once never take the same message.
- A message that keeps failing is set aside as `failed` after MAX_ATTEMPTS,
  logged for an operator, never silently dropped.
- `replies_to(message)` numbers the replies of a turn; each number goes out
  once (`whatsapp_reply_keys`, noted after it went), so a turn run again after
  its worker stopped sends what was not sent, not what the citizen already got.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Awaitable, Callable, List, Optional, Sequence

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from common.clock import utc_now
from common.masking import mask_id
from jan_seva.whatsapp.payloads import InboundMessage
from jan_seva.whatsapp.state_db import inbound_messages, insert_once, reply_keys, run_db

logger = logging.getLogger(__name__)

PENDING, DONE, FAILED = "pending", "done", "failed"
MAX_ATTEMPTS = 5
# Meta redelivers for days: a handled id is remembered this long to drop its redeliveries.
KEEP_HANDLED = timedelta(days=7)


def lease_from_environment() -> timedelta:
    """How long a worker may take over a message before another may take it (WHATSAPP_INBOUND_LEASE_SECONDS)."""
    return timedelta(seconds=float(os.environ.get("WHATSAPP_INBOUND_LEASE_SECONDS") or 60))


@dataclass(frozen=True)
class Journaled:
    row_id: int
    message: InboundMessage


def _content(message: InboundMessage) -> str:
    return json.dumps(dataclasses.asdict(message), ensure_ascii=False)


def _message(content: str) -> InboundMessage:
    return InboundMessage(**json.loads(content))


class InboundJournal:
    def __init__(self, engine: Engine, lease: Optional[timedelta] = None) -> None:
        self._engine = engine
        self._lease = lease or lease_from_environment()
        self.worker = uuid.uuid4().hex  # who holds a claim, for the logs and a look at the table

    @property
    def lease(self) -> timedelta:
        return self._lease

    async def accept(self, messages: Sequence[InboundMessage]) -> List[Journaled]:
        """Keeps the new messages, claimed by this worker; redeliveries are left out.
        A database error reaches the caller: the webhook then refuses the delivery for Meta to retry."""
        return await run_db(lambda: [kept for kept in map(self._insert, messages) if kept is not None])

    def _insert(self, message: InboundMessage) -> Optional[Journaled]:
        now = utc_now()
        try:
            with self._engine.begin() as connection:
                result = connection.execute(inbound_messages.insert().values(
                    message_id=message.message_id, state=PENDING, content=_content(message), attempts=1,
                    worker=self.worker, claimed_until=now + self._lease, received_at=now))
        except IntegrityError:
            logger.info("WhatsApp message %s from %s is a redelivery; dropped", message.message_id,
                        mask_id(message.sender_id))
            return None
        return Journaled(result.inserted_primary_key[0], message)

    async def done(self, row_id: int) -> None:
        def finish() -> None:
            with self._engine.begin() as connection:
                connection.execute(update(inbound_messages).where(inbound_messages.c.id == row_id)
                                   .values(state=DONE, content=None, claimed_until=None))
        await run_db(finish)

    async def backlog(self) -> int:
        """Messages kept and not yet handled, on every worker."""
        def count() -> int:
            with self._engine.connect() as connection:
                return connection.execute(select(func.count()).select_from(inbound_messages)
                                          .where(inbound_messages.c.state == PENDING)).scalar_one()
        return await run_db(count)

    async def claim_abandoned(self, limit: int = 100) -> List[Journaled]:
        """Pending messages whose lease ran out, now claimed by this worker, oldest first."""
        return await run_db(lambda: self._claim(limit))

    def _claim(self, limit: int) -> List[Journaled]:
        now = utc_now()
        expired = and_(inbound_messages.c.state == PENDING, inbound_messages.c.claimed_until < now)
        claimed: List[Journaled] = []
        with self._engine.begin() as connection:
            candidates = connection.execute(
                select(inbound_messages.c.id, inbound_messages.c.content, inbound_messages.c.attempts)
                .where(expired).order_by(inbound_messages.c.id).limit(limit)
                .with_for_update(skip_locked=True)).all()
            for row_id, content, attempts in candidates:
                give_up = attempts >= MAX_ATTEMPTS
                taken = connection.execute(
                    update(inbound_messages).where(and_(inbound_messages.c.id == row_id, expired))
                    .values(state=FAILED if give_up else PENDING, attempts=attempts + 1, worker=self.worker,
                            claimed_until=None if give_up else now + self._lease)).rowcount == 1
                if taken and give_up:
                    logger.error("WhatsApp inbound message row %s failed %d times; set aside for an operator",
                                 row_id, attempts)
                elif taken:
                    claimed.append(Journaled(row_id, _message(content)))
        return claimed

    def replies_to(self, message_id: str) -> "RepliesOnce":
        return RepliesOnce(self, message_id)

    async def reply_sent(self, key: str) -> bool:
        """Whether a reply went out before; False while the database fails (better twice than never)."""
        def look() -> bool:
            with self._engine.connect() as connection:
                return connection.execute(select(reply_keys.c.key).where(reply_keys.c.key == key[:300])).first() \
                    is not None
        try:
            return await run_db(look)
        except SQLAlchemyError:
            logger.exception("WhatsApp reply keys unavailable; sending reply %s", key)
            return False

    async def note_reply(self, key: str) -> None:
        try:
            await run_db(lambda: insert_once(self._engine, reply_keys, key=key[:300], sent_at=utc_now()))
        except SQLAlchemyError:
            logger.exception("WhatsApp reply %s sent but not noted; a replayed turn would send it again", key)

    async def prune(self, older_than: timedelta = KEEP_HANDLED) -> int:
        """Forgets handled ids and reply keys old enough that Meta no longer redelivers their messages."""
        def remove() -> int:
            since = utc_now() - older_than
            with self._engine.begin() as connection:
                handled = connection.execute(delete(inbound_messages).where(and_(
                    inbound_messages.c.state == DONE, inbound_messages.c.received_at < since))).rowcount
                connection.execute(delete(reply_keys).where(reply_keys.c.sent_at < since))
                return handled
        return await run_db(remove)


class RepliesOnce:
    """The replies of one turn, numbered in the order they are sent. A reply is noted once it has gone
    (to Meta, or into the outbox): a worker stopped before that point loses nothing, one stopped between
    Meta's answer and the note sends that reply twice."""

    def __init__(self, journal: InboundJournal, message_id: str) -> None:
        self._journal = journal
        self._message_id = message_id
        self._sent = 0

    async def send_next(self, send: Callable[[], Awaitable[None]]) -> None:
        """Sends the turn's next reply unless it went out before."""
        key = f"{self._message_id}:{self._sent}"
        self._sent += 1
        if await self._journal.reply_sent(key):
            return
        await send()
        await self._journal.note_reply(key)
