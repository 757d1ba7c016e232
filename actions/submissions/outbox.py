"""The outbox: every submission a citizen made, until the backend has it and
the citizen has been told the result.

One table in ACTIONS_DB_URL (SQLAlchemy URL; default a SQLite file
var/actions.db; PostgreSQL works the same). A row is keyed by the
submission's idempotency key, so adding it twice is harmless and a retried
submission reaches the backend under the same key. Workers claim each due
row (`claim`, `claim_notification`) before acting, so any number of them
can run on one database.

Life of a row: pending -> done (result kept) or failed (the backend refused
it for good). Sending is retried on a backoff schedule, forever: nothing is
dropped. Once done or failed the citizen is notified; a notification that
could not be delivered is retried the same way. The payload (personal data)
is erased once it is no longer needed.
"""
from __future__ import annotations

import functools
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text, select
from sqlalchemy.exc import IntegrityError

from common.backoff import retry_delay
from common.clock import utc_now_naive
from common.db import make_engine
from common.migrations import Migrations

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_URL = f"sqlite:///{REPO_ROOT / 'var' / 'actions.db'}"

PENDING, DONE, FAILED = "pending", "done", "failed"
ERROR_TEXT_LIMIT = 500
# A worker that took a submission or a notification has this long before another worker may take it.
CLAIM_SECONDS = 120

metadata = MetaData()
# Schema changes are migrations in ./migrations (Alembic), applied when an outbox is opened.
MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "submission_outbox_alembic_version",
                        adopts="submission_outbox")
submissions = Table(
    "submission_outbox",
    metadata,
    Column("idempotency_key", String(200), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("sender_id", String(200), nullable=False),
    Column("language", String(8), nullable=False),
    Column("payload", Text, nullable=True),
    Column("status", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime, nullable=False),
    Column("last_error", Text, nullable=True),
    Column("result", Text, nullable=True),
    Column("notify_pending", Boolean, nullable=False, default=False, index=True),
    Column("notify_attempts", Integer, nullable=False, default=0),
    Column("next_notify_at", DateTime, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)


@dataclass(frozen=True)
class PendingSubmission:
    idempotency_key: str
    kind: str
    sender_id: str
    language: str
    payload: Optional[Dict[str, Any]]
    status: str
    attempts: int
    result: Optional[Dict[str, Any]]
    last_error: Optional[str]
    notify_pending: bool


def _loads(text: Optional[str]) -> Optional[Dict[str, Any]]:
    return json.loads(text) if text is not None else None


def _row_to_submission(row: Any) -> PendingSubmission:
    return PendingSubmission(
        idempotency_key=row.idempotency_key,
        kind=row.kind,
        sender_id=row.sender_id,
        language=row.language,
        payload=_loads(row.payload),
        status=row.status,
        attempts=row.attempts,
        result=_loads(row.result),
        last_error=row.last_error,
        notify_pending=row.notify_pending,
    )


class SubmissionOutbox:
    def __init__(self, db_url: Optional[str] = None):
        self.db_url = db_url or os.environ.get("ACTIONS_DB_URL") or DEFAULT_DB_URL
        self.engine = make_engine(self.db_url)
        MIGRATIONS.upgrade(self.engine)

    def add(self, kind: str, sender_id: str, language: str, payload: Dict[str, Any], idempotency_key: str,
            delay_seconds: float = 0.0) -> None:
        """Keeps a submission; a second add with the same key changes nothing.

        `delay_seconds` holds the worker back while the caller itself tries
        the backend first (it then marks the row done or for retry).
        """
        now = utc_now_naive()
        row = dict(
            idempotency_key=idempotency_key, kind=kind, sender_id=sender_id, language=language,
            payload=json.dumps(payload, ensure_ascii=False), status=PENDING, attempts=0,
            next_attempt_at=now + timedelta(seconds=delay_seconds), notify_pending=False, notify_attempts=0,
            created_at=now, updated_at=now,
        )
        try:
            with self.engine.begin() as connection:
                connection.execute(submissions.insert().values(**row))
        except IntegrityError:
            pass  # already kept under this key

    def get(self, idempotency_key: str) -> Optional[PendingSubmission]:
        found = self._select(submissions.c.idempotency_key == idempotency_key, order=submissions.c.created_at, limit=1)
        return found[0] if found else None

    def due(self, now: Optional[datetime] = None, limit: int = 50) -> List[PendingSubmission]:
        """Pending submissions whose next attempt is due, oldest first."""
        return self._select(submissions.c.status == PENDING, submissions.c.next_attempt_at <= (now or utc_now_naive()),
                            order=submissions.c.created_at, limit=limit)

    def claim(self, idempotency_key: str, now: Optional[datetime] = None) -> bool:
        """Takes a due submission for this worker; False when another worker took it first."""
        return self._claim(idempotency_key, submissions.c.status == PENDING, submissions.c.next_attempt_at, now)

    def claim_notification(self, idempotency_key: str, now: Optional[datetime] = None) -> bool:
        """Takes a due notification for this worker; False when another worker took it first."""
        return self._claim(idempotency_key, submissions.c.notify_pending.is_(True), submissions.c.next_notify_at, now)

    def _claim(self, idempotency_key: str, pending: Any, due_at: Column, now: Optional[datetime]) -> bool:
        # One guarded UPDATE: of several workers, only the first still finds the row due.
        now = now or utc_now_naive()
        with self.engine.begin() as connection:
            return connection.execute(
                submissions.update()
                .where(submissions.c.idempotency_key == idempotency_key, pending, due_at <= now)
                .values({due_at.name: now + timedelta(seconds=CLAIM_SECONDS), "updated_at": utc_now_naive()})
            ).rowcount == 1

    def _select(self, *conditions: Any, order: Any, limit: int) -> List[PendingSubmission]:
        query = select(submissions).where(*conditions).order_by(order).limit(limit)
        with self.engine.connect() as connection:
            return [_row_to_submission(row) for row in connection.execute(query)]

    def _update(self, idempotency_key: str, **values: Any) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                submissions.update()
                .where(submissions.c.idempotency_key == idempotency_key)
                .values(updated_at=utc_now_naive(), **values)
            )

    def mark_done(self, idempotency_key: str, result: Dict[str, Any], notified: bool = False) -> None:
        """The backend has it. `notified`: the citizen was already told (direct submission)."""
        self._settle(idempotency_key, DONE, result, notified)

    def mark_failed(self, idempotency_key: str, error: Dict[str, Any], notified: bool = False) -> None:
        """The backend refused it for good (e.g. an answer it does not accept); the citizen is told why."""
        self._settle(idempotency_key, FAILED, error, notified)

    def _settle(self, idempotency_key: str, status: str, result: Dict[str, Any], notified: bool) -> None:
        now = utc_now_naive()
        self._update(idempotency_key, status=status, result=json.dumps(result, ensure_ascii=False), payload=None,
                     notify_pending=not notified, next_notify_at=now)

    def mark_retry(self, idempotency_key: str, error: str) -> None:
        """This attempt failed; the next one follows the backoff schedule."""
        self._count_failure(idempotency_key, submissions.c.attempts, submissions.c.next_attempt_at, error)

    def _count_failure(self, idempotency_key: str, counter: Column, next_at: Column, error: str) -> None:
        with self.engine.begin() as connection:
            failures = connection.execute(
                select(counter).where(submissions.c.idempotency_key == idempotency_key)
            ).scalar_one_or_none()
            if failures is None:
                return
            now = utc_now_naive()
            connection.execute(
                submissions.update()
                .where(submissions.c.idempotency_key == idempotency_key)
                .values({counter.name: failures + 1, next_at.name: now + retry_delay(failures + 1),
                         "last_error": error[:ERROR_TEXT_LIMIT], "updated_at": now})
            )

    def notifications_due(self, now: Optional[datetime] = None, limit: int = 50) -> List[PendingSubmission]:
        """Settled submissions whose citizen still has to be told."""
        return self._select(submissions.c.notify_pending.is_(True), submissions.c.next_notify_at <= (now or utc_now_naive()),
                            order=submissions.c.updated_at, limit=limit)

    def forget_settled(self, older_than: timedelta) -> int:
        """Deletes settled submissions whose citizen was told, last touched before the period (retention)."""
        with self.engine.begin() as connection:
            return connection.execute(submissions.delete().where(
                submissions.c.status.in_((DONE, FAILED)), submissions.c.notify_pending.is_(False),
                submissions.c.updated_at < utc_now_naive() - older_than)).rowcount

    def mark_notified(self, idempotency_key: str) -> None:
        self._update(idempotency_key, notify_pending=False)

    def mark_notify_retry(self, idempotency_key: str, error: str) -> None:
        self._count_failure(idempotency_key, submissions.c.notify_attempts, submissions.c.next_notify_at, error)

    def dispose(self) -> None:
        self.engine.dispose()


_creating = threading.Lock()


@functools.lru_cache(maxsize=None)
def _outbox_for(db_url: str) -> SubmissionOutbox:
    return SubmissionOutbox(db_url)


def _shared(db_url: str) -> SubmissionOutbox:
    with _creating:  # actions run in threads: only one of them creates the tables
        return _outbox_for(db_url)


def shared_outbox() -> SubmissionOutbox:
    """The outbox of ACTIONS_DB_URL, one per process (actions share its connection pool)."""
    return _shared(os.environ.get("ACTIONS_DB_URL") or DEFAULT_DB_URL)
