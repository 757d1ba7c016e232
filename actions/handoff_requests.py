"""A citizen's request for an officer, on its way to the officers' inbox.

Kept in the submission outbox (kind "handoff") before the dashboard is
called, like every submission a citizen makes: if the dashboard is down, the
outbox worker delivers it later under the same key. The worker then triggers
EXTERNAL_handoff_submitted, which the handoff policy answers with silence.
"""
from __future__ import annotations

import logging
from typing import Any, Dict

from sqlalchemy.exc import SQLAlchemyError

from actions.clients.dashboard import DashboardClient
from actions.submissions.outbox import shared_outbox
from common.backend_call import BackendUnavailable
from common.masking import mask_id

log = logging.getLogger(__name__)

KIND = "handoff"
# Longer than the direct attempt (the client's timeout), so worker and action never race.
FIRST_ATTEMPT_SECONDS = 60


def request_key(sender_id: str, requested_at: str) -> str:
    return f"handoff:{sender_id}:{requested_at}"


def deliver_request(payload: Dict[str, Any], key: str) -> Dict[str, Any]:
    """The outbox submitter: raises BackendUnavailable until the dashboard has it."""
    DashboardClient().open_handoff({**payload, "request_id": key})
    return {}


def send_request(payload: Dict[str, Any], key: str) -> bool:
    """Keeps the request, then tries the dashboard once; True when it has it already."""
    sender_id = payload["sender_id"]
    try:
        outbox = shared_outbox()
        outbox.add(KIND, sender_id, payload["language"], payload, key, delay_seconds=FIRST_ATTEMPT_SECONDS)
    except SQLAlchemyError:
        log.exception("the outbox database is unreachable; sending the handoff of %s without it", mask_id(sender_id))
        outbox = None
    try:
        deliver_request(payload, key)
    except BackendUnavailable as error:
        log.warning("handoff of %s kept for the worker: %s", mask_id(sender_id), error)
        if outbox is not None:
            outbox.mark_retry(key, str(error))
        return False
    if outbox is not None:
        outbox.mark_done(key, {}, notified=True)
    return True
