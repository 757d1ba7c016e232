"""Carrying out an operation: kept in the submission outbox first, then tried at once.

The outbox row (actions/submissions) is written before the 311 system is
called, so not even a crash of the action server loses what the citizen
confirmed. The worker leaves the row alone while this first attempt runs; if
the 311 system is slow or down the citizen is told the request is kept, and
the worker sends it later (`submit_complaint`, looking first for what an
unanswered attempt may already have created; see operations.py) and tells
the citizen through EXTERNAL_complaint_submitted / EXTERNAL_complaint_failed.
"""
from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping

from sqlalchemy.exc import SQLAlchemyError

from actions.clients.errors import BackendRejected
from actions.clients.open311 import FeatureUnavailable
from actions.complaints.backend import open311
from actions.complaints.operations import KIND, perform
from actions.submissions.outbox import shared_outbox
from common.backend_call import BackendUnavailable
from common.masking import mask_id

log = logging.getLogger(__name__)

# Longer than a direct attempt can take (client timeouts), so worker and action never race.
FIRST_ATTEMPT_SECONDS = 120
NOT_OFFERED_CODE = "open311_not_offered"


class Delivery(enum.Enum):
    DONE = "done"
    QUEUED = "queued"  # kept; the worker sends it later
    UNAVAILABLE = "unavailable"  # neither sent nor kept: the citizen should try later
    REJECTED = "rejected"
    NOT_OFFERED = "not_offered"  # the 311 system lacks the feature


@dataclass
class Outcome:
    delivery: Delivery
    result: Dict[str, str] = field(default_factory=dict)


def _perform(payload: Mapping[str, Any], look_first: bool) -> Dict[str, str]:
    try:
        return perform(open311(), payload, look_first)
    except FeatureUnavailable as missing:
        raise BackendRejected(404, NOT_OFFERED_CODE, f"not offered: {missing}", f"not offered: {missing}") from missing


def submit_complaint(payload: Dict[str, Any], idempotency_key: str) -> Dict[str, str]:
    """The outbox worker's submitter for kind "complaint" (actions.submissions.registry)."""
    return _perform(payload, look_first=True)


def deliver(sender_id: str, language: str, payload: Mapping[str, Any], idempotency_key: str) -> Outcome:
    """Blocking: run it in a worker thread."""
    operation, who = payload["operation"], mask_id(sender_id)
    try:
        outbox = shared_outbox()
        outbox.add(KIND, sender_id, language, dict(payload), idempotency_key, delay_seconds=FIRST_ATTEMPT_SECONDS)
    except SQLAlchemyError:
        log.exception("the outbox database is unreachable; sending 311 %s of %s without it", operation, who)
        outbox = None
    try:
        result = _perform(payload, look_first=False)
    except BackendUnavailable as error:
        log.warning("311 %s of %s not sent now (%s)", operation, who, error)
        if outbox is None:
            return Outcome(Delivery.UNAVAILABLE)
        outbox.mark_retry(idempotency_key, str(error))
        return Outcome(Delivery.QUEUED)
    except BackendRejected as error:
        log.warning("311 %s of %s refused: %s", operation, who, error)
        if outbox is not None:
            outbox.mark_failed(idempotency_key, error.as_dict(), notified=True)
        return Outcome(Delivery.NOT_OFFERED if error.code == NOT_OFFERED_CODE else Delivery.REJECTED)
    if outbox is not None:
        outbox.mark_done(idempotency_key, result, notified=True)
    return Outcome(Delivery.DONE, result)
