"""Cloud API webhook JSON -> typed inbound messages and status updates.

Pure functions. A delivery may batch several entries, each with several
changes, each with several messages and statuses; all are returned in
delivery order. Malformed parts are skipped with a log line, never raised;
so are deliveries for another object than a WhatsApp business account and
changes for another phone number than ours.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from common.masking import mask_id, redact_identifiers

logger = logging.getLogger(__name__)

TYPED_KEYS = ("body", "caption")  # what a citizen types into a message

WEBHOOK_OBJECT = "whatsapp_business_account"
MAX_JSON_DEPTH = 32  # Meta's payloads nest about ten levels; far deeper ones only serve to exhaust the stack


@dataclass(frozen=True)
class InboundMessage:
    message_id: str
    sender_id: str  # wa_id, else `from`, else the business-scoped user id (BSUID)
    type: str
    timestamp: Optional[str]
    profile_name: Optional[str]
    content: Mapping[str, Any]  # the object under the message's type key, e.g. message["image"]
    raw: Mapping[str, Any]  # the whole message object as Meta sent it (typed words redacted)
    redacted: bool = False  # an Aadhaar number the citizen typed was masked


@dataclass(frozen=True)
class StatusUpdate:
    message_id: str
    status: str  # sent | delivered | read | failed (| played, deleted, …)
    recipient_id: Optional[str]
    timestamp: Optional[str]
    error_code: Optional[int] = None
    error_title: Optional[str] = None


@dataclass
class WebhookBatch:
    messages: List[InboundMessage] = field(default_factory=list)
    statuses: List[StatusUpdate] = field(default_factory=list)


def _too_deep(value: Any) -> bool:
    pending = [(value, 1)]
    while pending:  # no recursion: that is what a hostile body would exhaust
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                return True
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def decode_webhook(body: bytes) -> Any:
    """The JSON of a webhook body; ValueError when it is not JSON or nested deeper than any real payload."""
    try:
        payload = json.loads(body)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if _too_deep(payload):
        raise ValueError("JSON nested too deeply")
    return payload


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _dicts(value: Any) -> List[Dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _contact_for(message: Mapping[str, Any], contacts: List[Dict[str, Any]]) -> Dict[str, Any]:
    identifiers = {_text(message.get(key)) for key in ("from", "from_user_id", "user_id")} - {None}
    for contact in contacts:
        if {_text(contact.get("wa_id")), _text(contact.get("user_id"))} & identifiers:
            return contact
    return contacts[0] if len(contacts) == 1 else {}


def _sender(message: Mapping[str, Any], contact: Mapping[str, Any]) -> Optional[str]:
    candidates = (
        contact.get("wa_id"),
        message.get("from"),
        contact.get("user_id"),
        message.get("from_user_id"),
        message.get("user_id"),
    )
    return next((str(value) for value in candidates if value), None)


def _inbound(message: Dict[str, Any], contacts: List[Dict[str, Any]]) -> Optional[InboundMessage]:
    contact = _contact_for(message, contacts)
    sender_id = _sender(message, contact)
    message_id = message.get("id")
    if not sender_id or not message_id:
        logger.warning("WhatsApp message without id or sender skipped (type %s)", message.get("type"))
        return None
    if message.get("group_id"):
        logger.info("WhatsApp group message %s from %s ignored", message_id, mask_id(sender_id))
        return None
    message_type = str(message.get("type") or "unknown")
    content = message.get(message_type)
    redacted = False
    if isinstance(content, dict):
        content, redacted = _without_identifiers(content)
        message = {**message, message_type: content}
    profile = contact.get("profile") if isinstance(contact.get("profile"), dict) else {}
    return InboundMessage(
        message_id=str(message_id),
        sender_id=sender_id,
        type=message_type,
        timestamp=message.get("timestamp"),
        profile_name=profile.get("name"),
        content=content if isinstance(content, dict) else {},
        raw=message,
        redacted=redacted,
    )


def _without_identifiers(content: Dict[str, Any]) -> Tuple[Dict[str, Any], bool]:
    """What the citizen typed (a text's body, a file's caption) with Aadhaar numbers masked: nothing
    after this point, the tracker, the logs or a queue, ever holds one in full."""
    cleaned, found = dict(content), False
    for key in TYPED_KEYS:
        if isinstance(cleaned.get(key), str):
            cleaned[key], masked = redact_identifiers(cleaned[key])
            found = found or masked
    return cleaned, found


def _first_error(errors: Any) -> Tuple[Optional[int], Optional[str]]:
    for error in _dicts(errors):
        code = error.get("code")
        return (int(code) if str(code).isdigit() else None), _text(error.get("title") or error.get("message"))
    return None, None


def _status(status: Dict[str, Any]) -> Optional[StatusUpdate]:
    if not status.get("id") or not status.get("status"):
        logger.warning("WhatsApp status update without id or status skipped")
        return None
    error_code, error_title = _first_error(status.get("errors"))
    return StatusUpdate(
        message_id=str(status["id"]),
        status=str(status["status"]),
        recipient_id=_text(status.get("recipient_id") or status.get("recipient_user_id")),
        timestamp=_text(status.get("timestamp")),
        error_code=error_code,
        error_title=error_title,
    )


def _add_change(batch: WebhookBatch, value: Mapping[str, Any]) -> None:
    contacts = _dicts(value.get("contacts"))
    batch.messages.extend(m for m in (_inbound(raw, contacts) for raw in _dicts(value.get("messages"))) if m)
    batch.statuses.extend(s for s in (_status(raw) for raw in _dicts(value.get("statuses"))) if s)
    for error in _dicts(value.get("errors")):
        logger.error("WhatsApp webhook error %s: %s", error.get("code"), error.get("title") or error.get("message"))


def _for_us(value: Mapping[str, Any], phone_number_id: str) -> bool:
    metadata = value.get("metadata")
    ours = isinstance(metadata, dict) and str(metadata.get("phone_number_id")) == phone_number_id
    if not ours:
        number = metadata.get("phone_number_id") if isinstance(metadata, dict) else None
        logger.warning("WhatsApp webhook change for phone number id %s (not ours) ignored", mask_id(_text(number)))
    return ours


def parse_webhook(payload: Any, phone_number_id: str) -> WebhookBatch:
    """What a delivery holds for our business phone number (`phone_number_id`)."""
    batch = WebhookBatch()
    if not isinstance(payload, dict):
        logger.warning("WhatsApp webhook body is not a JSON object; ignored")
        return batch
    if payload.get("object") != WEBHOOK_OBJECT:
        logger.warning("WhatsApp webhook for object %.64r ignored", _text(payload.get("object")))
        return batch
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value")
            if change.get("field", "messages") != "messages" or not isinstance(value, dict):
                logger.info("WhatsApp webhook field %r ignored", change.get("field"))
                continue
            if _for_us(value, phone_number_id):
                _add_change(batch, value)
    return batch
