"""The outbox on real databases: a SQLite file, and PostgreSQL in a schema of its own."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

import pytest

from actions.submissions.outbox import DONE, FAILED, PENDING, SubmissionOutbox
from common.backoff import LONGEST_WAIT_SECONDS, retry_delay
from common.clock import utc_now_naive

PAYLOAD = {"body": {"service": "income_certificate", "applicant": {"name": "सुनीता", "aadhaar": "234567890124"}}}


@pytest.fixture(params=["sqlite", "postgresql"])
def outbox(request, tmp_path) -> Iterator[SubmissionOutbox]:
    url = (f"sqlite:///{tmp_path / 'var' / 'actions.db'}" if request.param == "sqlite"
           else request.getfixturevalue("private_postgres_url"))
    box = SubmissionOutbox(url)
    yield box
    box.dispose()


def test_a_submission_is_kept_once_per_key_until_it_is_done(outbox):
    outbox.add("application", "919876543210", "hi", PAYLOAD, "key-1")
    outbox.add("application", "919876543210", "hi", {"other": True}, "key-1")
    kept = outbox.get("key-1")
    assert kept.payload == PAYLOAD and kept.status == PENDING and kept.attempts == 0
    assert [s.idempotency_key for s in outbox.due()] == ["key-1"]
    assert outbox.get("no-such-key") is None

    outbox.mark_done("key-1", {"application_id": "LS-2026-000001"})
    done = outbox.get("key-1")
    assert done.status == DONE and done.result == {"application_id": "LS-2026-000001"}
    assert done.payload is None  # personal data is not kept once it was delivered
    assert outbox.due() == [] and [s.idempotency_key for s in outbox.notifications_due()] == ["key-1"]
    outbox.mark_notified("key-1")
    assert outbox.notifications_due() == []


def test_failed_attempts_follow_the_backoff_schedule_and_never_give_up(outbox):
    outbox.add("complaint", "919876543210", "en", PAYLOAD, "key-2", delay_seconds=60)
    assert outbox.due() == [] and outbox.due(utc_now_naive() + timedelta(seconds=61))
    attempts = 12  # past the longest wait
    for attempt in range(1, attempts + 1):
        outbox.mark_retry("key-2", "ConnectionError")
        wait = retry_delay(attempt)
        assert outbox.due(utc_now_naive() + wait - timedelta(seconds=5)) == []
        assert outbox.due(utc_now_naive() + wait + timedelta(seconds=5))
    assert wait == timedelta(seconds=LONGEST_WAIT_SECONDS)
    kept = outbox.get("key-2")
    assert kept.attempts == attempts and kept.status == PENDING
    assert kept.last_error == "ConnectionError" and kept.payload == PAYLOAD


def test_a_refusal_and_an_undelivered_notification(outbox):
    outbox.add("application", "91x", "hi", PAYLOAD, "key-3")
    outbox.mark_failed("key-3", {"error_code": "validation_failed", "message_hi": "…", "message_en": "…"})
    assert outbox.get("key-3").status == FAILED and outbox.due(utc_now_naive() + timedelta(days=1)) == []
    outbox.mark_notify_retry("key-3", "HTTP 503")
    assert outbox.notifications_due() == []
    assert [s.idempotency_key for s in outbox.notifications_due(utc_now_naive() + retry_delay(1) + timedelta(seconds=1))]

    outbox.add("application", "91y", "hi", PAYLOAD, "key-4")
    outbox.mark_done("key-4", {"application_id": "LS-2026-000002"}, notified=True)
    assert "key-4" not in [s.idempotency_key for s in outbox.notifications_due(utc_now_naive() + timedelta(days=1))]


def test_several_workers_send_and_notify_each_submission_once(outbox):
    from concurrent.futures import ThreadPoolExecutor

    from actions.submissions.worker import run_once

    keys = [f"key-many-{n}" for n in range(12)]
    for key in keys:
        outbox.add("application", "919876543210", "hi", PAYLOAD, key)
    sent, told = [], []

    class Notifier:
        def notify(self, sender_id, intent, entities):
            told.append(entities["number"])

    def submit(payload, key):
        sent.append(key)
        return {"number": key}

    workers = [SubmissionOutbox(outbox.engine.url.render_as_string(hide_password=False)) for _ in range(4)]
    with ThreadPoolExecutor(len(workers)) as pool:
        list(pool.map(lambda worker: run_once(worker, Notifier(), {"application": submit}), workers))
    for worker in workers:
        worker.dispose()
    assert sorted(sent) == sorted(keys) and sorted(told) == sorted(keys)


def test_a_claimed_submission_is_not_taken_again_until_its_claim_runs_out(outbox):
    outbox.add("application", "919876543210", "hi", PAYLOAD, "key-claimed")
    assert outbox.claim("key-claimed") is True
    assert outbox.claim("key-claimed") is False
    assert outbox.due() == []
    assert outbox.claim("key-claimed", utc_now_naive() + timedelta(minutes=5)) is True  # the worker that took it died
