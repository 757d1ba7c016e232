"""What both webhook entries do before a delivery is kept: Meta's handshake and the signed body.

The webhook lives inside Rasa (the channel, `make run`) and in a process of
its own (`jan_seva.whatsapp.ingest`, production); both answer the same way
through these two functions.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Mapping, Optional, Tuple

from jan_seva.whatsapp.payloads import WebhookBatch, decode_webhook, parse_webhook
from jan_seva.whatsapp.settings import WhatsAppSettings
from jan_seva.whatsapp.signature import is_valid_signature, same_secret

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refused(Exception):
    status: int
    reason: str


def handshake(args: Mapping[str, str], settings: WhatsAppSettings) -> Tuple[int, str]:
    """Meta's verification GET: (status, body)."""
    challenge = args.get("hub.challenge")
    token_ok = same_secret(args.get("hub.verify_token") or "", settings.verify_token)
    if args.get("hub.mode") == "subscribe" and token_ok and challenge:
        logger.info("WhatsApp webhook verified")
        return 200, challenge
    logger.warning("WhatsApp webhook verification refused (mode %r)", args.get("hub.mode"))
    return 403, "verification failed"


def read_delivery(body: bytes, signature: Optional[str], settings: WhatsAppSettings) -> WebhookBatch:
    """The messages and statuses of a signed delivery for our number; `Refused` when it is not one."""
    if not is_valid_signature(body, signature, settings.app_secret):
        logger.warning("WhatsApp webhook with a missing or wrong signature refused")
        raise Refused(403, "invalid signature")
    try:
        payload = decode_webhook(body)
    except ValueError as error:
        logger.warning("Signed WhatsApp webhook body refused: %s", error)
        raise Refused(400, "body is not a webhook's JSON") from error
    return parse_webhook(payload, settings.phone_number_id)
