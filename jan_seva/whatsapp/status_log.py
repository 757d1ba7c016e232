"""Delivery statuses of the bot's messages (sent, delivered, read, failed).

Kept in SQL for support staff ("did the citizen get the certificate?");
failures are logged with WhatsApp's error code (what is done about them:
failed_deliveries). A redelivered status is stored once (unique message id
+ status), and only its first arrival counts.
"""
from __future__ import annotations

import logging

from sqlalchemy.engine import Engine

from common.clock import utc_now
from common.masking import mask_id
from jan_seva.whatsapp.payloads import StatusUpdate
from jan_seva.whatsapp.state_db import insert_once, message_statuses, run_db

logger = logging.getLogger(__name__)


class StatusLog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _record(self, update: StatusUpdate) -> bool:
        return insert_once(
            self._engine,
            message_statuses,
            message_id=update.message_id,
            recipient_id=update.recipient_id,
            status=update.status,
            status_timestamp=update.timestamp,
            error_code=update.error_code,
            error_title=update.error_title,
            recorded_at=utc_now(),
        )

    async def record(self, update: StatusUpdate) -> bool:
        """Stores the status; False when it was stored before (a redelivery)."""
        who = mask_id(update.recipient_id)
        if update.status == "failed":
            logger.warning("WhatsApp message %s to %s failed: error %s (%s)", update.message_id, who,
                           update.error_code, update.error_title)
        else:
            logger.debug("WhatsApp message %s to %s: %s", update.message_id, who, update.status)
        first_time = await run_db(lambda: self._record(update))
        if not first_time:
            logger.debug("WhatsApp status %s of %s already recorded", update.status, update.message_id)
        return first_time
