"""The WhatsApp channel's SQL tables, shared by every Rasa worker and replica.

They live in `WHATSAPP_STATE_DB_URL` (default: the tracker store's database)
and are created and migrated (./migrations) when a worker starts. Blocking SQLAlchemy calls run in a thread
(`run_db`) so the Sanic event loop keeps serving.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path
from typing import Callable, TypeVar

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from common.db import make_engine
from common.migrations import Migrations

logger = logging.getLogger(__name__)
T = TypeVar("T")

metadata = MetaData()
# Schema changes are migrations in ./migrations (Alembic), applied when a worker starts.
MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "whatsapp_alembic_version",
                        adopts="whatsapp_inbound_messages")

inbound_messages = Table(
    "whatsapp_inbound_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # arrival order
    # the unique key that drops redeliveries: the wamid of a message, "status:<wamid>:<status>" of a status
    Column("message_id", String(255), nullable=False, unique=True),
    Column("kind", String(8), nullable=False, server_default="message"),  # message | status
    Column("citizen", String(64), index=True),  # citizen_key of the sender: their messages go in order
    Column("state", String(16), nullable=False, index=True),  # pending | done | failed
    # the InboundMessage or StatusUpdate as JSON (typed Aadhaar masked) until it is handled
    Column("content", Text),
    Column("attempts", Integer, nullable=False),
    Column("worker", String(32)),  # the worker holding the claim
    Column("claimed_until", DateTime(timezone=True)),  # another worker may take it over after this
    Column("received_at", DateTime(timezone=True), nullable=False),
)

reply_keys = Table(
    "whatsapp_reply_keys",
    metadata,
    # "<inbound message id>:<n>": the n-th reply to that message went out (a replayed turn skips it)
    Column("key", String(300), primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False, index=True),
)

last_options = Table(
    "whatsapp_last_options",
    metadata,
    Column("user_id", String(128), primary_key=True),
    Column("options", Text, nullable=False),  # JSON list of {"title", "payload"}
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

message_statuses = Table(
    "whatsapp_message_statuses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(255), nullable=False),
    Column("recipient_id", String(128)),
    Column("status", String(32), nullable=False),
    Column("status_timestamp", String(32)),
    Column("error_code", Integer),
    Column("error_title", Text),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("message_id", "status", name="uq_whatsapp_status_per_message"),
)

outbox = Table(
    "whatsapp_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recipient_id", String(128), nullable=False, index=True),
    Column("content", Text, nullable=False),  # JSON Graph message content
    # pending | sending | sent | failed | waiting (a file, for the 24-hour window) | replaced (by the template)
    Column("state", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
)

notices_sent = Table(
    "whatsapp_notices_sent",
    metadata,
    # A hash of the citizen's id and the notice: whether it was sent, without keeping the number.
    Column("key", String(64), primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False),
)

opted_out = Table(
    "whatsapp_opted_out",
    metadata,
    # A hash of the citizen's id: they said STOP to updates they did not ask for (citizen_rights).
    Column("key", String(64), primary_key=True),
    Column("since", DateTime(timezone=True), nullable=False),
)

sent_messages = Table(
    "whatsapp_sent_messages",
    metadata,
    Column("message_id", String(255), primary_key=True),  # the wamid WhatsApp gave the message
    Column("recipient_id", String(128), nullable=False),
    Column("content", Text, nullable=False),  # JSON Graph message content, as handed to the sender
    Column("attempts", Integer, nullable=False),  # earlier deliveries of this content that failed
    Column("sent_at", DateTime(timezone=True), nullable=False, index=True),
)


def citizen_key(sender_id: str, purpose: str) -> str:
    """A hash of the citizen's id for one purpose (a notice sent, an opt-out): what the channel keeps
    about a citizen without keeping their number."""
    return hashlib.sha256(f"{purpose}:{sender_id}".encode()).hexdigest()


def state_engine(url: str) -> Engine:
    engine = make_engine(url)
    MIGRATIONS.upgrade(engine)
    # Sanic forks its workers after the channel is built: no pooled connection may be
    # inherited by several processes, so the pool starts empty.
    engine.dispose()
    return engine


def insert_once(engine: Engine, table: Table, **values: object) -> bool:
    """Inserts a row; False when its unique key exists already. Atomic on every
    database: of several workers inserting the same key, exactly one succeeds."""
    try:
        with engine.begin() as connection:
            connection.execute(table.insert().values(**values))
    except IntegrityError:
        return False
    return True


async def run_db(operation: Callable[[], T]) -> T:
    return await asyncio.to_thread(operation)
