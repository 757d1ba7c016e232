"""Handling one webhook delivery after it was acknowledged.

Each citizen's part of a delivery (statuses of messages sent to them, then
their messages) is queued when the delivery arrives and handled strictly
in arrival order; different citizens go on concurrently. Statuses are
recorded, a "failed" one seen for the first time is dealt with
(failed_deliveries). Messages: duplicates dropped, files downloaded, typed
option numbers and reply ids the bot offered (offers) turned into payloads,
the message
handed to Rasa, then marked read. Nothing here raises: a failing message is
logged and the next one goes on.
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage
from sqlalchemy.exc import SQLAlchemyError

from jan_seva.whatsapp.arrival_order import ArrivalOrder
from jan_seva.whatsapp.citizen_rights import CitizenRights
from jan_seva.whatsapp.dedup import ProcessedMessages
from jan_seva.whatsapp.failed_deliveries import FailedDeliveries
from jan_seva.whatsapp.graph_client import GraphClient, GraphError
from jan_seva.whatsapp.inbound_text import (
    accepted_media_text,
    message_metadata,
    needs_download,
    rasa_text,
    rejected_media_text,
)
from common.masking import mask_id
from jan_seva.whatsapp.media import MediaDownloader
from jan_seva.whatsapp.notices import Notices
from jan_seva.whatsapp.numbered_options import payload_for_reply
from jan_seva.whatsapp.offers import Offers
from jan_seva.whatsapp.payloads import InboundMessage, StatusUpdate, WebhookBatch
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.status_log import StatusLog

logger = logging.getLogger(__name__)

CHANNEL_NAME = "whatsapp"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


@dataclass
class InboundProcessor:
    processed: ProcessedMessages
    offers: Offers
    statuses: StatusLog
    failures: FailedDeliveries
    media: MediaDownloader
    sender: OutboundSender
    client: GraphClient
    notices: Notices
    rights: CitizenRights
    output_for: Callable[[], Any]  # a new WhatsAppOutput for one turn

    def __post_init__(self) -> None:
        self._order = ArrivalOrder()

    def process(self, batch: WebhookBatch, on_new_message: OnNewMessage) -> Awaitable[None]:
        """Queues each citizen's part of the batch now; returns the work, to run in the background."""
        statuses: Dict[str, List[StatusUpdate]] = defaultdict(list)
        messages: Dict[str, List[InboundMessage]] = defaultdict(list)
        for status in batch.statuses:
            statuses[status.recipient_id or ""].append(status)
        for message in batch.messages:
            messages[message.sender_id].append(message)
        citizens = dict.fromkeys([*statuses, *messages])  # in order, once each
        return asyncio.gather(*(
            self._order.queue(citizen, self._handle_citizen(statuses[citizen], messages[citizen], on_new_message))
            for citizen in citizens
        ))

    async def _handle_citizen(
        self, statuses: List[StatusUpdate], messages: List[InboundMessage], on_new_message: OnNewMessage
    ) -> None:
        for status in statuses:
            await self._guarded(self._on_status(status), f"status of {status.message_id}")
        for message in messages:
            await self._guarded(self._handle(message, on_new_message), f"message {message.message_id}")

    async def _on_status(self, status: StatusUpdate) -> None:
        if await self.statuses.record(status) and status.status == "failed":
            await self.failures.handle(status)

    @staticmethod
    async def _guarded(work: Awaitable[None], what: str) -> None:
        try:
            await work
        except Exception:  # one bad message must not stop the others
            logger.exception("WhatsApp %s could not be handled", what)

    async def _media_text_and_metadata(self, message: InboundMessage) -> Tuple[str, Dict[str, Any]]:
        outcome = await self.media.fetch(message.type, message.content)
        if outcome.file_id:
            return accepted_media_text(message.type, outcome.file_id), message_metadata(message, media=outcome.details)
        rejection = {"reason": outcome.reason, **outcome.details}
        return rejected_media_text(outcome.reason), message_metadata(message, media_rejected=rejection)

    async def _text_and_metadata(self, message: InboundMessage) -> Tuple[Optional[str], Dict[str, Any]]:
        if needs_download(message):
            return await self._media_text_and_metadata(message)
        offer = await self.offers.answered_by(message)
        text = rasa_text(message, offer.payloads)
        chosen = payload_for_reply(text or "", offer.numbered) if message.type == "text" else None
        if chosen:
            return chosen, message_metadata(message, typed_option=text)
        return text, message_metadata(message)

    async def _first_delivery(self, message: InboundMessage) -> bool:
        try:
            return await self.processed.claim(message.message_id)
        except SQLAlchemyError:
            # a citizen answered twice beats a citizen not answered at all
            logger.exception("WhatsApp duplicate check unavailable; handling message %s anyway", message.message_id)
            return True

    async def _handle(self, message: InboundMessage, on_new_message: OnNewMessage) -> None:
        who = mask_id(message.sender_id)
        if not await self._first_delivery(message):
            logger.info("WhatsApp message %s from %s is a redelivery; dropped", message.message_id, who)
            return
        if await self._took_rights_command(message):
            return
        text, metadata = await self._text_and_metadata(message)
        if text is None:
            # a reaction is kept here (which emoji, on which message); a system notice may name numbers
            shown = dict(message.content) if message.type == "reaction" else ""
            logger.info("WhatsApp %s message %s from %s not passed to Rasa %s", message.type, message.message_id,
                        who, shown)
            return
        logger.info("WhatsApp %s message %s from %s", message.type, message.message_id, who)
        # the citizen is back and the 24-hour window open: deliver what was held, files waiting for it too
        await self.sender.flush(message.sender_id, window_reopened=True)
        output = self.output_for()
        await on_new_message(
            UserMessage(
                text=text,
                output_channel=output,
                sender_id=message.sender_id,
                input_channel=CHANNEL_NAME,
                message_id=message.message_id,
                metadata=metadata,
            )
        )
        await output.end_turn(message.sender_id)
        try:
            due = await self.notices.due(message.sender_id, message.redacted, output.language)
        except SQLAlchemyError:  # the answer has gone; a notice can wait for a working database
            logger.exception("WhatsApp notices unavailable for message %s", message.message_id)
            due = []
        for notice in due:
            await self.sender.send(message.sender_id, notice)
        await self._mark_read(message)

    async def _took_rights_command(self, message: InboundMessage) -> bool:
        """"STOP", "मेरा डेटा हटाओ": answered here, never stored in the conversation."""
        replies = await self.rights.take(message)
        if replies is None:
            return False
        logger.info("WhatsApp message %s from %s is a data-rights command", message.message_id,
                    mask_id(message.sender_id))
        for content in replies:
            await self.sender.send(message.sender_id, content)
        await self._mark_read(message)
        return True

    async def _mark_read(self, message: InboundMessage) -> None:
        try:
            await self.client.mark_read(message.message_id)
        except GraphError as error:
            logger.warning("WhatsApp message %s could not be marked read: %s", message.message_id, error)
