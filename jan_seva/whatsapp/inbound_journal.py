"""Durable inbound: every verified message is written here before the webhook answers 200.

Meta never re-sends a message it got a 200 for, so a message kept only in
memory dies with the process. The journal is a table of the state database
(SQLite locally, PostgreSQL in production), one row per message id:

- `accept` (the webhook inside Rasa) inserts the delivery's messages, each
  claimed by this worker for a lease; `keep` (the ingest process) inserts
  messages and statuses unclaimed and wakes the workers. A redelivered id is
  already there and is dropped, on any worker and after restarts (this is
  also the channel's duplicate check).
- `done` marks a handled row and clears its content (kept no longer than needed).
- `claim_due` takes pending rows nobody holds (kept by the ingest, or left by
  a worker killed mid-turn whose lease ran out), oldest first and only each
  citizen's earliest: a citizen's next message waits until the one before it
  is done, whichever worker has it. Each claim is one guarded UPDATE (and
  SKIP LOCKED on PostgreSQL), so several workers at once never take the same row.
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
from typing import Awaitable, Callable, List, Optional, Sequence, Union

from sqlalchemy import and_, delete, exists, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from common.clock import utc_now
from common.masking import mask_id
from jan_seva.whatsapp.payloads import InboundMessage, StatusUpdate, WebhookBatch
from jan_seva.whatsapp.state_db import citizen_key, inbound_messages, insert_once, reply_keys, run_db
from jan_seva.whatsapp.wakeup import notify_workers

logger = logging.getLogger(__name__)

PENDING, DONE, FAILED = "pending", "done", "failed"
MESSAGE, STATUS = "message", "status"
MAX_ATTEMPTS = 5
# Past this many messages waiting on all workers, deliveries are refused (503) and Meta sends them later.
DEFAULT_MAX_BACKLOG = 5000
# Meta redelivers for days: a handled id is remembered this long to drop its redeliveries.
KEEP_HANDLED = timedelta(days=7)


def lease_from_environment() -> timedelta:
    """How long a worker may take over a message before another may take it (WHATSAPP_INBOUND_LEASE_SECONDS)."""
    return timedelta(seconds=float(os.environ.get("WHATSAPP_INBOUND_LEASE_SECONDS") or 60))


def max_backlog_from_environment() -> int:
    return int(os.environ.get("WHATSAPP_INBOUND_MAX_BACKLOG") or DEFAULT_MAX_BACKLOG)


@dataclass(frozen=True)
class Journaled:
    row_id: int
    message: Union[InboundMessage, StatusUpdate]
    replayed: bool = False  # claimed before by a worker that stopped: Rasa may have handled it already


def _row(item: Union[InboundMessage, StatusUpdate]) -> dict:
    """The journal columns of a message or a status."""
    content = json.dumps(dataclasses.asdict(item), ensure_ascii=False)
    if isinstance(item, StatusUpdate):
        return {"message_id": f"status:{item.message_id}:{item.status}", "kind": STATUS, "content": content,
                "citizen": citizen_key(item.recipient_id or "", "order")}
    return {"message_id": item.message_id, "kind": MESSAGE, "content": content,
            "citizen": citizen_key(item.sender_id, "order")}


def _item(kind: str, content: str) -> Union[InboundMessage, StatusUpdate]:
    return (StatusUpdate if kind == STATUS else InboundMessage)(**json.loads(content))


class InboundJournal:
    def __init__(self, engine: Engine, lease: Optional[timedelta] = None) -> None:
        self._engine = engine
        self._lease = lease or lease_from_environment()
        self._max_backlog = max_backlog_from_environment()
        self.worker = uuid.uuid4().hex  # who holds a claim, for the logs and a look at the table

    async def accept(self, messages: Sequence[InboundMessage]) -> List[Journaled]:
        """Keeps the new messages, claimed by this worker; redeliveries are left out.
        A database error reaches the caller: the webhook then refuses the delivery for Meta to retry."""
        def insert_all() -> List[Journaled]:
            claimed = {"state": PENDING, "attempts": 1, "worker": self.worker,
                       "claimed_until": utc_now() + self._lease}
            rows = [self._insert(message, claimed) for message in messages]
            return [Journaled(row_id, message) for row_id, message in zip(rows, messages) if row_id is not None]
        return await run_db(insert_all)

    async def keep(self, batch: WebhookBatch) -> int:
        """Keeps a delivery's statuses and messages for any worker to claim and wakes the workers;
        how many were new. A database error reaches the caller (the ingest then refuses the delivery)."""
        def insert_all() -> int:
            free = {"state": PENDING, "attempts": 0, "worker": None, "claimed_until": utc_now()}
            return sum(self._insert(item, free) is not None for item in [*batch.statuses, *batch.messages])
        return await run_db(insert_all)

    def _insert(self, item: Union[InboundMessage, StatusUpdate], state: dict) -> Optional[int]:
        try:
            with self._engine.begin() as connection:
                result = connection.execute(inbound_messages.insert().values(
                    **_row(item), **state, received_at=utc_now()))
                if state["worker"] is None:
                    notify_workers(connection)
        except IntegrityError:
            who = item.sender_id if isinstance(item, InboundMessage) else item.recipient_id or ""
            logger.info("WhatsApp %s %s for %s is a redelivery; dropped", type(item).__name__, item.message_id,
                        mask_id(who))
            return None
        return result.inserted_primary_key[0]

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

    async def full(self) -> bool:
        """Whether so many messages wait that a new delivery should be refused for Meta to send later."""
        try:
            waiting = await self.backlog()
        except SQLAlchemyError:
            return False  # keeping the delivery tells whether the database works
        if waiting >= self._max_backlog:
            logger.warning("WhatsApp delivery refused: %d messages are waiting", waiting)
            return True
        return False

    async def claim_due(self, limit: int = 100) -> List[Journaled]:
        """Pending rows nobody holds, each citizen's earliest only, now claimed by this worker, oldest first."""
        return await run_db(lambda: self._claim(limit))

    def _claim(self, limit: int) -> List[Journaled]:
        now = utc_now()
        rows, earlier = inbound_messages, inbound_messages.alias("earlier")
        free = and_(rows.c.state == PENDING, rows.c.claimed_until < now)
        citizens_first = ~exists().where(and_(earlier.c.citizen == rows.c.citizen, earlier.c.state == PENDING,
                                              earlier.c.id < rows.c.id))
        claimed: List[Journaled] = []
        with self._engine.begin() as connection:
            candidates = connection.execute(
                select(rows.c.id, rows.c.kind, rows.c.content, rows.c.attempts)
                .where(and_(free, citizens_first)).order_by(rows.c.id).limit(limit)
                .with_for_update(skip_locked=True, of=rows)).all()
            for row_id, kind, content, attempts in candidates:
                give_up = attempts >= MAX_ATTEMPTS
                taken = connection.execute(
                    update(rows).where(and_(rows.c.id == row_id, free))
                    .values(state=FAILED if give_up else PENDING, attempts=attempts + 1, worker=self.worker,
                            claimed_until=None if give_up else now + self._lease)).rowcount == 1
                if taken and give_up:
                    logger.error("WhatsApp inbound row %s failed %d times; set aside for an operator",
                                 row_id, attempts)
                elif taken:
                    claimed.append(Journaled(row_id, _item(kind, content), replayed=attempts > 0))
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
