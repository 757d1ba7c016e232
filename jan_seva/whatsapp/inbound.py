"""Handling one webhook delivery after it was acknowledged.

Statuses are recorded. Messages are handled in order per sender (different
senders concurrently): duplicates dropped, files downloaded, typed option
numbers turned into payloads, the message handed to Rasa, then marked read.
Nothing here raises: a failing message is logged and the next one goes on.
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage
from sqlalchemy.exc import SQLAlchemyError

from jan_seva.whatsapp.dedup import ProcessedMessages
from jan_seva.whatsapp.graph_client import GraphClient, GraphError
from jan_seva.whatsapp.inbound_text import (
    accepted_media_text,
    message_metadata,
    needs_download,
    rasa_text,
    rejected_media_text,
)
from jan_seva.whatsapp.masking import mask_id
from jan_seva.whatsapp.media import MediaDownloader
from jan_seva.whatsapp.numbered_options import chosen_number, payload_for_reply
from jan_seva.whatsapp.options_store import OptionsStore
from jan_seva.whatsapp.payloads import InboundMessage, WebhookBatch
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.status_log import StatusLog

logger = logging.getLogger(__name__)

CHANNEL_NAME = "whatsapp"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class SenderLocks:
    """One lock per sender in this worker: a sender's messages from
    overlapping deliveries reach Rasa one after the other, in arrival order."""

    def __init__(self) -> None:
        self._locks: Dict[str, asyncio.Lock] = {}
        self._users: Dict[str, int] = defaultdict(int)

    async def run(self, sender_id: str, work: Awaitable[None]) -> None:
        lock = self._locks.setdefault(sender_id, asyncio.Lock())
        self._users[sender_id] += 1
        try:
            async with lock:
                await work
        finally:
            self._users[sender_id] -= 1
            if not self._users[sender_id]:  # forget idle senders
                del self._users[sender_id]
                del self._locks[sender_id]


@dataclass
class InboundProcessor:
    processed: ProcessedMessages
    options: OptionsStore
    statuses: StatusLog
    media: MediaDownloader
    sender: OutboundSender
    client: GraphClient
    output_for: Callable[[], Any]  # a new WhatsAppOutput for one turn

    def __post_init__(self) -> None:
        self._locks = SenderLocks()

    async def process(self, batch: WebhookBatch, on_new_message: OnNewMessage) -> None:
        for status in batch.statuses:
            await self._guarded(self.statuses.record(status), f"status of {status.message_id}")
        by_sender: Dict[str, List[InboundMessage]] = defaultdict(list)
        for message in batch.messages:
            by_sender[message.sender_id].append(message)
        await asyncio.gather(
            *(
                self._locks.run(sender_id, self._handle_in_order(messages, on_new_message))
                for sender_id, messages in by_sender.items()
            )
        )

    async def _handle_in_order(self, messages: List[InboundMessage], on_new_message: OnNewMessage) -> None:
        for message in messages:
            await self._guarded(self._handle(message, on_new_message), f"message {message.message_id}")

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
        text = rasa_text(message)
        if message.type == "text" and chosen_number(text or "") is not None:
            chosen = payload_for_reply(text, await self.options.recall(message.sender_id))
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
        text, metadata = await self._text_and_metadata(message)
        if text is None:
            logger.info("WhatsApp %s message %s from %s ignored", message.type, message.message_id, who)
            return
        logger.info("WhatsApp %s message %s from %s", message.type, message.message_id, who)
        await self.sender.flush(message.sender_id)  # the citizen is back: deliver what was held first
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
            await self.client.mark_read(message.message_id)
        except GraphError as error:
            logger.warning("WhatsApp message %s could not be marked read: %s", message.message_id, error)
