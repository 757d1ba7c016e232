"""The retention job erases what is past its period and nothing else."""
from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from datetime import timedelta

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from actions.submissions.outbox import SubmissionOutbox
from jan_seva.retention import Retention, prune_conversations, prune_media
from jan_seva.stores.tracker_store import UrlSQLTrackerStore
from jan_seva.whatsapp.file_store import SUBFOLDER, FileStore

DAY = 24 * 3600


def test_old_conversation_events_go_recent_ones_stay(postgres_url):
    store = UrlSQLTrackerStore(Domain.empty(), url=postgres_url)
    sender = f"retention-{uuid.uuid4().hex[:8]}"
    tracker = DialogueStateTracker(sender, [])
    tracker.update(UserUttered("पुराना संदेश", timestamp=time.time() - 200 * DAY))
    tracker.update(UserUttered("नया संदेश", timestamp=time.time() - DAY))
    asyncio.run(store.save(tracker))
    prune_conversations(postgres_url, timedelta(days=180))
    with store.engine.connect() as connection:
        kept = connection.execute(text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender}).scalars().all()
    assert [json.loads(data)["text"] for data in kept] == ["नया संदेश"]


def test_received_files_past_their_period_are_deleted(tmp_path):
    store = FileStore(tmp_path)
    old, recent = store.save(b"id scan", ".jpg"), store.save(b"photo", ".jpg")
    os.utime(old.path, (time.time() - 61 * DAY, time.time() - 61 * DAY))
    assert prune_media(tmp_path, timedelta(days=60)) == 1
    assert not old.path.exists() and recent.path.exists()
    assert prune_media(tmp_path / "nowhere", timedelta(days=60)) == 0
    assert (tmp_path / SUBFOLDER).is_dir()


def test_settled_and_told_submissions_are_forgotten_after_their_period(tmp_path):
    outbox = SubmissionOutbox(f"sqlite:///{tmp_path / 'actions.db'}")
    for key in ("told", "untold", "pending"):
        outbox.add("application", "919876543210", "hi", {"body": {}}, key)
    outbox.mark_done("told", {"number": "LS-2026-000001"}, notified=True)
    outbox.mark_done("untold", {"number": "LS-2026-000002"})
    assert outbox.forget_settled(timedelta(days=90)) == 0  # all recent
    assert outbox.forget_settled(timedelta(days=-1)) == 1  # as if 90 days had passed: only the told one
    assert outbox.get("told") is None and outbox.get("untold") and outbox.get("pending")
    outbox.dispose()


def test_periods_come_from_the_environment():
    retention = Retention.from_env({"RETAIN_MEDIA_DAYS": "7"})
    assert retention.media == timedelta(days=7) and retention.conversations == timedelta(days=180)
