"""Messages WhatsApp accepted, then reported as "failed" in a status webhook.

The send had answered 200 already, so only this status tells that the
citizen never got the message. What it said comes from sent_messages:
- 131047 (the 24-hour window had closed): the fallback template goes out,
  a file waits for the citizen's next message, as when a send is refused;
- a passing error (rate limits, "something went wrong", service
  unavailable): the message is sent again from the outbox after a backoff,
  at most MAX_ATTEMPTS times;
- anything else (131026 undeliverable, 131051 unsupported type, …): logged
  as an error with its code; the record stays for support staff.
"""
from __future__ import annotations

import logging

from common.masking import mask_id
from jan_seva.whatsapp.graph_client import OUTSIDE_WINDOW, is_transient
from jan_seva.whatsapp.payloads import StatusUpdate
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.sent_messages import SentMessage, SentMessages

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


class FailedDeliveries:
    def __init__(self, sent: SentMessages, sender: OutboundSender) -> None:
        self._sent = sent
        self._sender = sender

    async def handle(self, update: StatusUpdate) -> None:
        """Deals with one "failed" status, seen for the first time."""
        record = await self._sent.recall(update.message_id)
        if record is None:
            logger.error(
                "WhatsApp message %s to %s failed (error %s: %s) and is not among the messages kept; not re-sent",
                update.message_id, mask_id(update.recipient_id), update.error_code, update.error_title,
            )
        elif update.error_code == OUTSIDE_WINDOW and record.content.get("type") != "template":
            await self._sender.send_outside_window(record.recipient_id, record.content)
        elif is_transient(update.error_code) and record.attempts + 1 < MAX_ATTEMPTS:
            reason = f"failed status, error {update.error_code}: {update.error_title}"
            await self._sender.retry_later(record.recipient_id, record.content, record.attempts + 1, reason)
        else:
            self._give_up(update, record)

    @staticmethod
    def _give_up(update: StatusUpdate, record: SentMessage) -> None:
        logger.error(
            "WhatsApp %s message %s to %s could not be delivered (error %s: %s) after %d attempt(s); not re-sent",
            record.content.get("type"), update.message_id, mask_id(record.recipient_id),
            update.error_code, update.error_title, record.attempts + 1,
        )
