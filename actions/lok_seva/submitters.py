"""Sending each kind of Lok Seva submission to the API.

Called directly when the citizen confirms (with the action server's short
timeout) and by the outbox worker (actions.submissions.registry) for what
could not be sent then. Each returns the result the citizen is told, as a
flat dict of strings (the entities of EXTERNAL_<kind>_submitted).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient

log = logging.getLogger(__name__)

WORKER_TIMEOUT_SECONDS = 30.0


def _client(client: Optional[LokSevaClient]) -> LokSevaClient:
    return client or LokSevaClient(timeout=WORKER_TIMEOUT_SECONDS)


def _upload(client: LokSevaClient, file: Dict[str, str], wa_id: str) -> str:
    return client.upload_document(Path(file["path"]), file["filename"], file["mime_type"], wa_id)["document_id"]


def _attach_late_files(client: LokSevaClient, application_id: str, files: list, wa_id: str) -> None:
    """Files received while the API was away, added after the application exists.

    Not part of the application body: re-uploading on a retry would change the
    body and the API would take it for a different application under the same key.
    A refused file must not sink the application: it is logged and left out.
    """
    ids = []
    for file in files:
        path = Path(file["path"])
        if not path.is_file():
            log.warning("a late document of %s is gone from the file store", application_id)
            continue
        try:
            ids.append(_upload(client, file, wa_id))
        except BackendRejected as rejected:
            log.warning("a late document of %s was refused: %s", application_id, rejected.code)
    try:
        if ids:
            client.attach_documents(application_id, ids)
    except BackendRejected as rejected:
        log.warning("late documents of %s could not be attached: %s", application_id, rejected.code)


def submit_application(payload: Dict[str, Any], idempotency_key: str,
                       client: Optional[LokSevaClient] = None) -> Dict[str, str]:
    client = _client(client)
    body = payload["body"]
    application = client.submit_application(body, idempotency_key)
    number = application["application_id"]
    _attach_late_files(client, number, payload.get("files", []), body["applicant"]["wa_id"])
    return {
        "application_id": number,
        "service": application["service"]["code"],
        "service_name_hi": application["service"]["name"]["hi"],
        "service_name_en": application["service"]["name"]["en"],
        "due_date": application["due_date"],
    }


def submit_delivery(payload: Dict[str, Any], idempotency_key: str,
                    client: Optional[LokSevaClient] = None) -> Dict[str, str]:
    # The API keeps one delivery per application: asking again returns the first one.
    delivery = _client(client).request_delivery(payload["application_id"], payload.get("address"),
                                                payload.get("pincode"), payload.get("mobile"))
    return {
        "application_id": delivery["application_id"],
        "delivery_status_hi": delivery["status_label"]["hi"],
        "delivery_status_en": delivery["status_label"]["en"],
        "pincode": delivery["pincode"],
        "mobile_masked": delivery["mobile_masked"],
    }


def submit_certified_copy(payload: Dict[str, Any], idempotency_key: str,
                          client: Optional[LokSevaClient] = None) -> Dict[str, str]:
    copy = _client(client).certified_copy(payload["record_type"], payload["village"], payload["khasra_number"],
                                          payload["wa_id"])
    return {
        "copy_number": copy["copy_number"],
        "pdf_url": copy["pdf_url"],
        "record_type_hi": copy["record_type"]["name"]["hi"],
        "record_type_en": copy["record_type"]["name"]["en"],
        "village_hi": copy["village"]["name"]["hi"],
        "village_en": copy["village"]["name"]["en"],
        "khasra_number": copy["khasra_number"],
    }


def submit_documents(payload: Dict[str, Any], idempotency_key: str,
                     client: Optional[LokSevaClient] = None) -> Dict[str, str]:
    """Files an officer asked for, added to their application."""
    client = _client(client)
    number = payload["application_id"]
    client.attach_documents(number, [_upload(client, file, payload["wa_id"]) for file in payload["files"]])
    return {"application_id": number}


LokSevaSubmitter = Callable[..., Dict[str, str]]
LOKSEVA_SUBMITTERS: Dict[str, LokSevaSubmitter] = {
    "application": submit_application,
    "delivery": submit_delivery,
    "certified_copy": submit_certified_copy,
    "documents": submit_documents,
}
