"""Who sends each kind of submission to its backend.

A submitter takes (payload, idempotency_key) and returns the result to tell
the citizen (a flat dict of strings, passed as entities of
EXTERNAL_<kind>_submitted). It raises
actions.clients.errors.BackendUnavailable when it should be tried again later
(timeouts, connection errors, 5xx) and BackendRejected when the backend
refuses the submission for good.
"""
from __future__ import annotations

from typing import Any, Callable, Dict

from actions.complaints.delivery import submit_complaint
from actions.handoff_requests import KIND as HANDOFF
from actions.handoff_requests import deliver_request
from actions.lok_seva.submitters import LOKSEVA_SUBMITTERS

Submitter = Callable[[Dict[str, Any], str], Dict[str, Any]]

SUBMITTERS: Dict[str, Submitter] = {
    **LOKSEVA_SUBMITTERS,  # application, delivery, certified_copy, documents
    "complaint": submit_complaint,  # 311: create, join, reopen, rate (actions/complaints)
    HANDOFF: deliver_request,  # a request for an officer, to the officers' inbox
}
