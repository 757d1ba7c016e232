"""`python -m actions.submissions.worker`: sends what the outbox still holds.

Every OUTBOX_POLL_SECONDS (default 5) it sends the due submissions with the
submitter of their kind, then tells the citizens whose submissions were
settled (through the Rasa server, see notifier.py). Failures are retried on
the outbox's backoff schedule, forever. Several workers may share one outbox
database: each takes a row by claiming it first.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Mapping, Optional

from actions.clients.errors import BackendRejected
from actions.submissions.notifier import RasaNotifier, notification_intent
from actions.submissions.outbox import DONE, PendingSubmission, SubmissionOutbox
from actions.submissions.registry import SUBMITTERS, Submitter
from common.backend_call import BackendUnavailable
from common.masking import mask_id
from common.periodic import run_every

log = logging.getLogger("actions.submissions.worker")
DEFAULT_POLL_SECONDS = 5.0


def send_submission(outbox: SubmissionOutbox, submission: PendingSubmission,
                    submitters: Mapping[str, Submitter]) -> None:
    key = submission.idempotency_key
    submitter = submitters.get(submission.kind)
    if submitter is None:
        # Kept, not dropped: a deployment with this kind's submitter will send it.
        log.error("no submitter for kind %r (submission %s)", submission.kind, key)
        outbox.mark_retry(key, f"no submitter for kind {submission.kind}")
        return
    try:
        result = submitter(submission.payload or {}, key)
    except BackendUnavailable as error:
        log.info("%s %s: backend unavailable (attempt %d)", submission.kind, key, submission.attempts + 1)
        outbox.mark_retry(key, str(error))
    except BackendRejected as error:
        log.warning("%s %s refused by the backend: %s", submission.kind, key, error.code)
        outbox.mark_failed(key, error.as_dict())
    except Exception as error:  # a bug must not lose the submission: keep it and retry
        log.exception("%s %s: unexpected error", submission.kind, key)
        outbox.mark_retry(key, type(error).__name__)
    else:
        log.info("%s %s submitted", submission.kind, key)
        outbox.mark_done(key, result)


def notify_citizen(outbox: SubmissionOutbox, submission: PendingSubmission, notifier: RasaNotifier) -> None:
    intent = notification_intent(submission.kind, submission.status == DONE)
    try:
        notifier.notify(submission.sender_id, intent, submission.result or {})
    except BackendUnavailable as error:
        log.info("could not notify %s of %s: %s", mask_id(submission.sender_id), submission.idempotency_key, error)
        outbox.mark_notify_retry(submission.idempotency_key, str(error))
    else:
        outbox.mark_notified(submission.idempotency_key)


def run_once(outbox: SubmissionOutbox, notifier: RasaNotifier,
             submitters: Mapping[str, Submitter] = SUBMITTERS, now: Optional[datetime] = None) -> None:
    """One round: send what is due, then tell whom there is to tell (`now`: the clock, for tests)."""
    for submission in outbox.due(now):
        if outbox.claim(submission.idempotency_key, now):
            send_submission(outbox, submission, submitters)
    for submission in outbox.notifications_due(now):
        if outbox.claim_notification(submission.idempotency_key, now):
            notify_citizen(outbox, submission, notifier)


def main() -> None:
    poll_seconds = float(os.environ.get("OUTBOX_POLL_SECONDS", DEFAULT_POLL_SECONDS))
    outbox, notifier = SubmissionOutbox(), RasaNotifier()
    run_every(poll_seconds, lambda: run_once(outbox, notifier), log, "outbox worker")
    outbox.dispose()


if __name__ == "__main__":
    main()
