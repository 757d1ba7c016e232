"""`python -m jan_seva.retention`: erases what is kept past its retention period, every RETENTION_INTERVAL_S.

| what | where | kept for | variable |
|---|---|---|---|
| conversations (tracker events) | TRACKER_DB_URL | 180 days after each event | RETAIN_CONVERSATION_DAYS |
| files citizens sent on WhatsApp (ID scans, photos) | FILE_STORE_DIR/whatsapp | 60 days | RETAIN_MEDIA_DAYS |
| settled submissions (their payload is erased when settled) | ACTIONS_DB_URL | 90 days | RETAIN_SUBMISSION_DAYS |

Messages sent (30 days) and handled inbound message ids (7 days) are pruned by
the WhatsApp channel itself; applications and complaints are the departments'
records and stay in their systems. Every step only deletes what is past its
date, so running it twice, or on several machines, is harmless.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Mapping, Optional

from sqlalchemy import inspect, text

from actions.submissions.outbox import SubmissionOutbox
from common.db import make_engine
from common.periodic import run_every
from jan_seva.stores.tracker_store import tracker_db_url
from jan_seva.whatsapp.file_store import SUBFOLDER
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

log = logging.getLogger("jan_seva.retention")
DAY_SECONDS = 24 * 3600.0


@dataclass(frozen=True)
class Retention:
    conversations: timedelta = timedelta(days=180)
    media: timedelta = timedelta(days=60)
    submissions: timedelta = timedelta(days=90)

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Retention":
        env = os.environ if env is None else env
        defaults = cls()

        def days(name: str, default: timedelta) -> timedelta:
            return timedelta(days=float(env[name])) if env.get(name) else default

        return cls(days("RETAIN_CONVERSATION_DAYS", defaults.conversations),
                   days("RETAIN_MEDIA_DAYS", defaults.media),
                   days("RETAIN_SUBMISSION_DAYS", defaults.submissions))


def prune_conversations(db_url: str, older_than: timedelta) -> int:
    """Tracker events older than the period (Rasa's SQL store keeps a Unix timestamp per event)."""
    engine = make_engine(db_url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        with engine.begin() as connection:
            return connection.execute(text("DELETE FROM events WHERE timestamp < :cutoff"),
                                      {"cutoff": time.time() - older_than.total_seconds()}).rowcount
    finally:
        engine.dispose()


def prune_media(file_store_dir: Path, older_than: timedelta) -> int:
    """Files received on WhatsApp older than the period (by the time they were written)."""
    cutoff, removed = time.time() - older_than.total_seconds(), 0
    for path in (Path(file_store_dir) / SUBFOLDER).glob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def one_pass(retention: Retention, outbox: SubmissionOutbox) -> None:
    removed = {
        "conversation events": prune_conversations(tracker_db_url(), retention.conversations),
        "received files": prune_media(Path(os.environ.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR), retention.media),
        "settled submissions": outbox.forget_settled(retention.submissions),
    }
    log.info("retention: removed %s", ", ".join(f"{count} {what}" for what, count in removed.items()))


def main() -> None:
    interval = float(os.environ.get("RETENTION_INTERVAL_S") or DAY_SECONDS)
    outbox = SubmissionOutbox()
    run_every(interval, lambda: one_pass(Retention.from_env(), outbox), log, "retention")
    outbox.dispose()


if __name__ == "__main__":
    main()
