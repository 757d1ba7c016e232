"""Submitting a confirmed request: kept in the outbox first, then sent at once.

The outbox row is written before the API is called, so not even a crash of
the action server loses the submission. The worker leaves the row alone
while this first attempt runs; if the API is slow or away, the citizen is
told kindly and the worker sends it later under the same idempotency key.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional

from sqlalchemy.exc import SQLAlchemyError

from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.announcements import announce, announce_failure
from actions.lok_seva.submitters import LOKSEVA_SUBMITTERS
from actions.submissions.outbox import shared_outbox
from actions.tasks.talk import Talk
from common.backend_call import BackendUnavailable
from common.masking import mask_id

log = logging.getLogger(__name__)

# Longer than any direct attempt (the client's timeout), so worker and action never race.
FIRST_ATTEMPT_SECONDS = 120


def submit(talk: Talk, kind: str, payload: Dict[str, Any], key: str) -> Optional[Dict[str, str]]:
    """The result when the API took it now; None when it waits in the outbox or was refused."""
    try:
        outbox = shared_outbox()
        outbox.add(kind, talk.sender_id, talk.language, payload, key, delay_seconds=FIRST_ATTEMPT_SECONDS)
    except SQLAlchemyError:
        log.exception("the outbox database is unreachable; sending %s of %s without it", kind, mask_id(talk.sender_id))
        outbox = None
    try:
        result = LOKSEVA_SUBMITTERS[kind](payload, key, LokSevaClient())
    except BackendUnavailable as error:
        if outbox is None:
            talk.say("lok_seva.form.unavailable")
            return None
        outbox.mark_retry(key, str(error))
        talk.say(f"lok_seva.queued.{kind}")
        return None
    except BackendRejected as error:
        if outbox is not None:
            outbox.mark_failed(key, error.as_dict(), notified=True)
        announce_failure(talk, kind, error.as_dict())
        return None
    if outbox is not None:
        outbox.mark_done(key, result, notified=True)
    announce(talk, kind, result)
    return result
