"""Submitting a confirmed form: kept in the outbox first, then sent at once.

The outbox row is written before the API is called, so not even a crash of
the action server loses the submission. The worker leaves the row alone
while this first attempt runs; if the API is slow or away, the citizen is
told kindly and the worker sends it later under the same idempotency key.
"""
from __future__ import annotations

import logging

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.announcements import announce, announce_failure
from actions.lok_seva.submitters import LOKSEVA_SUBMITTERS
from actions.submissions.outbox import shared_outbox
from actions.lok_seva.display import say

log = logging.getLogger(__name__)

# Longer than any direct attempt (the client's timeout), so worker and action never race.
FIRST_ATTEMPT_SECONDS = 120


def utter_all(dispatcher: CollectingDispatcher, messages: list) -> None:
    for message in messages:
        dispatcher.utter_message(**message)


def submit(dispatcher: CollectingDispatcher, kind: str, payload: dict, key: str, sender_id: str,
           language: str) -> None:
    try:
        outbox = shared_outbox()
        outbox.add(kind, sender_id, language, payload, key, delay_seconds=FIRST_ATTEMPT_SECONDS)
    except SQLAlchemyError:
        log.exception("the outbox database is unreachable; sending %s %s without it", kind, key)
        outbox = None
    try:
        result = LOKSEVA_SUBMITTERS[kind](payload, key, LokSevaClient())
    except BackendUnavailable as error:
        if outbox is None:
            dispatcher.utter_message(text=say("form.unavailable", language))
            return
        outbox.mark_retry(key, str(error))
        dispatcher.utter_message(text=say(f"queued.{kind}", language))
        return
    except BackendRejected as error:
        if outbox is not None:
            outbox.mark_failed(key, error.as_dict(), notified=True)
        utter_all(dispatcher, announce_failure(kind, error.as_dict(), language))
        return
    if outbox is not None:
        outbox.mark_done(key, result, notified=True)
    utter_all(dispatcher, announce(kind, result, language))
