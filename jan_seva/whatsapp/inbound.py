"""Handling one webhook delivery once its messages are kept in the inbound journal.

Each citizen's part of a delivery (statuses of messages sent to them, then
their messages) is queued when the delivery arrives and handled strictly
in arrival order; different citizens go on concurrently. Statuses are
recorded, a "failed" one seen for the first time is dealt with
(failed_deliveries). Messages (redeliveries were dropped by the journal):
files downloaded, typed option numbers and reply ids the bot offered
(offers) turned into payloads, the message handed to Rasa, marked read,
then marked done in the journal. Nothing here raises: a failing message is
logged, stays pending for a later try, and the next one goes on. Messages
taken over from a stopped worker (`replayed`) that Rasa had already
handled are only marked done.
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Tuple, cast

from rasa.core.channels.channel import UserMessage
from sqlalchemy.exc import SQLAlchemyError

from common.masking import mask_id
from jan_seva.whatsapp.arrival_order import ArrivalOrder
from jan_seva.whatsapp.citizen_rights import CitizenRights
from jan_seva.whatsapp.failed_deliveries import FailedDeliveries
from jan_seva.whatsapp.graph_client import GraphClient, GraphError
from jan_seva.whatsapp.inbound_journal import InboundJournal, Journaled
from jan_seva.whatsapp.inbound_text import (
    accepted_media_text,
    message_metadata,
    needs_download,
    rasa_text,
    rejected_media_text,
)
from jan_seva.whatsapp.media import MediaDownloader
from jan_seva.whatsapp.notices import Notices
from jan_seva.whatsapp.numbered_options import payload_for_reply
from jan_seva.whatsapp.offers import Offers
from jan_seva.whatsapp.payloads import InboundMessage, StatusUpdate
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.status_log import StatusLog

logger = logging.getLogger(__name__)

CHANNEL_NAME = "whatsapp"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
HandledBefore = Callable[[str, str], Awaitable[bool]]  # (sender id, message id): already in the conversation?


@dataclass
class InboundProcessor:
    journal: InboundJournal
    offers: Offers
    statuses: StatusLog
    failures: FailedDeliveries
    media: MediaDownloader
    sender: OutboundSender
    client: GraphClient
    notices: Notices
    rights: CitizenRights
    output_for: Callable[[str], Any]  # a new WhatsAppOutput for the turn of one message id
    handled_before: Optional[HandledBefore] = None  # set once Rasa's tracker store is known

    def __post_init__(self) -> None:
        self._order = ArrivalOrder()

    def process(self, statuses: Sequence[StatusUpdate], senders: Sequence[str],
                kept: Awaitable[List[Journaled]], on_new_message: OnNewMessage) -> Awaitable[None]:
        """Queues each citizen's part now, in arrival order, though the journal is still keeping the
        messages (`kept`, the journal's answer); returns the work, to run in the background."""
        by_citizen: Dict[str, List[StatusUpdate]] = defaultdict(list)
        for status in statuses:
            by_citizen[status.recipient_id or ""].append(status)
        citizens = dict.fromkeys([*by_citizen, *senders])  # in order, once each
        return asyncio.gather(*(
            self._order.queue(citizen, self._handle_citizen(citizen, by_citizen[citizen], kept, on_new_message))
            for citizen in citizens
        ))

    async def _handle_citizen(self, citizen: str, statuses: List[StatusUpdate], kept: Awaitable[List[Journaled]],
                              on_new_message: OnNewMessage) -> None:
        for status in statuses:
            await self._guarded(self._on_status(status), f"status of {status.message_id}")
        try:
            messages = [item for item in await kept
                        if isinstance(item.message, InboundMessage) and item.message.sender_id == citizen]
        except Exception:  # not kept: the webhook refused the delivery and Meta will send it again
            return
        for item in messages:
            message = cast(InboundMessage, item.message)
            if await self._guarded(self._handle(message, on_new_message, item.replayed),
                                   f"message {message.message_id}"):
                await self._guarded(self.journal.done(item.row_id), f"journal entry of {message.message_id}")

    async def _on_status(self, status: StatusUpdate) -> None:
        if await self.statuses.record(status) and status.status == "failed":
            await self.failures.handle(status)

    @staticmethod
    async def _guarded(work: Awaitable[None], what: str) -> bool:
        """Whether the work went through; one bad message must not stop the others."""
        try:
            await work
        except Exception:
            logger.exception("WhatsApp %s could not be handled", what)
            return False
        return True

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

    async def _handle(self, message: InboundMessage, on_new_message: OnNewMessage, replayed: bool) -> None:
        who = mask_id(message.sender_id)
        if replayed and self.handled_before and await self.handled_before(message.sender_id, message.message_id):
            logger.info("WhatsApp message %s from %s was handled before its worker stopped", message.message_id, who)
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
        output = self.output_for(message.message_id)
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
