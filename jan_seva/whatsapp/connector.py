"""The WhatsApp Cloud API channel for Rasa: `WhatsAppInput` and `WhatsAppOutput`.

credentials.yml:

    jan_seva.whatsapp.connector.WhatsAppInput:

(values may be given there as verify_token, app_secret, access_token,
phone_number_id, api_url, api_version; the WHATSAPP_* environment variables
win). Routes, under /webhooks/whatsapp/:
  GET  /          health
  GET  /webhook   Meta's verification handshake
  POST /webhook   signed message and status notifications

Responses: texts, buttons (reply buttons, a list or a numbered text),
`image` and `attachment` (a public https URL or a path in FILE_STORE_DIR)
and custom JSON for WhatsApp, e.g. from an action:

    dispatcher.utter_message(json_message={"whatsapp": {"type": "document",
        "path": "certificates/LS-2026-000123.pdf", "filename": "certificate.pdf",
        "caption": "आपका प्रमाण पत्र"}})

The forms (document, image, location_request, template) are listed in
jan_seva.whatsapp.custom_messages. A response may name the list button
with `metadata: {whatsapp: {list_button: "…"}}`.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import mimetypes
from pathlib import PurePath
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Set, Text, cast

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from common.masking import mask_id
from jan_seva.stores.tracker_store import conversation_forgetter, handled_checker
from jan_seva.whatsapp.citizen_rights import CitizenRights
from jan_seva.whatsapp.custom_messages import CUSTOM_KEY, InvalidCustomMessage, custom_content
from jan_seva.whatsapp.data_files import bot_text_language
from jan_seva.whatsapp.failed_deliveries import FailedDeliveries
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.graph_client import GraphClient
from jan_seva.whatsapp.inbound import CHANNEL_NAME, InboundProcessor
from jan_seva.whatsapp.inbound_journal import InboundJournal, Journaled, RepliesOnce
from jan_seva.whatsapp.media import MediaDownloader
from jan_seva.whatsapp.notices import Notices
from jan_seva.whatsapp.numbered_options import options_from_buttons
from jan_seva.whatsapp.offers import Offers
from jan_seva.whatsapp.options_store import OptionsStore
from jan_seva.whatsapp.outbound import choice_contents, content_text, media_content, media_source, text_contents
from jan_seva.whatsapp.outbox import Outbox
from jan_seva.whatsapp.payloads import InboundMessage, StatusUpdate
from jan_seva.whatsapp.retry import RetryPolicy
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.sent_messages import SentMessages
from jan_seva.whatsapp.settings import WhatsAppSettings
from jan_seva.whatsapp.signature import SIGNATURE_HEADER
from jan_seva.whatsapp.state_db import state_engine
from jan_seva.whatsapp.status_log import StatusLog
from jan_seva.whatsapp.wakeup import Wakeup
from jan_seva.whatsapp.webhook_reading import Refused, handshake, read_delivery

logger = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10
PRUNE_EVERY_LOOKS = 2000  # about hourly on an idle worker
# Deliveries and claims this worker has in hand: past this many it claims no more (others may).
MAX_IN_HAND = 64
CALLBACK_DATA_LIMIT = 512  # Meta's limit of biz_opaque_callback_data


def _list_button(response_kwargs: Mapping[str, Any]) -> Optional[str]:
    metadata = response_kwargs.get("metadata")
    whatsapp = metadata.get(CUSTOM_KEY) if isinstance(metadata, dict) else None
    return whatsapp.get("list_button") if isinstance(whatsapp, dict) else None


def _callback_data(kwargs: Mapping[str, Any]) -> Optional[str]:
    """Which response a message is (its key or response name, and a tag such as the field it asks),
    as WhatsApp's `biz_opaque_callback_data`: echoed in status webhooks, shown to no one."""
    key = kwargs.get("key") or kwargs.get("utter_action")
    if not isinstance(key, str) or not key:
        return None
    tag = kwargs.get("tag")
    return (f"{key}|{tag}" if isinstance(tag, str) and tag else key)[:CALLBACK_DATA_LIMIT]


class WhatsAppOutput(OutputChannel):
    """Sends one turn's responses; remembers the options offered in it.

    A turn that offers no options forgets the previous ones (`end_turn`), so
    a later "2" is read as the number two, not as a stale choice. The language
    of the texts sent is noted for the channel's own notices. A turn the
    citizen did not start (Rasa's trigger_intent: status updates, reminders)
    sends nothing to a citizen who said STOP (citizen_rights).
    """

    def __init__(self, sender: OutboundSender, options: OptionsStore,
                 unasked_to: Optional[CitizenRights] = None, replies: Optional[RepliesOnce] = None) -> None:
        self._sender = sender
        self._options = options
        self._offered_options = False
        self._rights = unasked_to
        self._replies = replies  # a turn run again after a stopped worker skips replies already sent
        self.language: Optional[str] = None

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    async def _send_all(self, recipient_id: str, contents: Iterable[Dict[str, Any]], kwargs: Mapping[str, Any]) -> None:
        if self._rights is not None and await self._rights.opted_out(recipient_id):
            logger.info("WhatsApp update to %s not sent: they said STOP", mask_id(recipient_id))
            return
        callback_data = _callback_data(kwargs)
        for content in contents:
            if callback_data:
                content = {**content, "biz_opaque_callback_data": callback_data}
            send = functools.partial(self._sender.send, recipient_id, content)
            await (send() if self._replies is None else self._replies.send_next(send))

    def _note_language(self, text: str) -> None:
        if text and self.language is None:
            self.language = bot_text_language(text)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        self._note_language(text)
        await self._send_all(recipient_id, text_contents(text), kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        options = options_from_buttons(buttons)
        if options:
            await self._options.remember(recipient_id, options)
            self._offered_options = True
        self._note_language(text or "")
        await self._send_all(recipient_id, choice_contents(text or "", options, _list_button(kwargs)), kwargs)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send_all(recipient_id, [media_content("image", media_source(image))], kwargs)

    async def send_attachment(self, recipient_id: Text, attachment: Any, **kwargs: Any) -> None:
        if isinstance(attachment, dict):  # the custom document/image form without the "whatsapp" key
            await self.send_custom_json(recipient_id, {CUSTOM_KEY: {"type": "document", **attachment}})
            return
        reference = str(attachment)
        mime_type = mimetypes.guess_type(reference.split("?")[0])[0] or ""
        kind = "image" if mime_type.startswith("image/") else "document"
        filename = PurePath(reference.split("?")[0]).name
        await self._send_all(recipient_id, [media_content(kind, media_source(reference), filename=filename)], kwargs)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        try:
            content = custom_content(json_message)
        except InvalidCustomMessage as error:
            logger.error("Custom JSON for WhatsApp to %s not sent: %s", mask_id(recipient_id), error)
            return
        self._note_language(content_text(content))
        await self._send_all(recipient_id, [content], kwargs)

    async def end_turn(self, recipient_id: str) -> None:
        if not self._offered_options:
            await self._options.forget(recipient_id)


class WhatsAppInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WhatsAppInput":
        return cls(WhatsAppSettings.from_sources(credentials))

    def __init__(self, settings: Optional[WhatsAppSettings] = None, retry_policy: RetryPolicy = RetryPolicy()) -> None:
        self.settings = settings or WhatsAppSettings.from_sources()
        self.settings.log_mode()
        engine = state_engine(self.settings.state_db_url)
        store = FileStore(self.settings.file_store_dir)
        self.client = GraphClient(self.settings)
        self.options = OptionsStore(engine)
        sent = SentMessages(engine)
        self.rights = CitizenRights(engine)
        self.journal = InboundJournal(engine)
        self.wakeup = Wakeup(engine)
        self.sender = OutboundSender(self.client, Outbox(engine), sent, store, retry_policy)
        self.processor = InboundProcessor(
            journal=self.journal,
            offers=Offers(self.options, sent),
            statuses=StatusLog(engine),
            failures=FailedDeliveries(sent, self.sender),
            media=MediaDownloader(self.client, store, retry_policy),
            sender=self.sender,
            client=self.client,
            notices=Notices(engine),
            rights=self.rights,
            output_for=self._reply_output,
        )
        self._tasks: Set[asyncio.Task] = set()  # deliveries being handled
        self._outbox_task: Optional[asyncio.Task] = None
        self._consumer_task: Optional[asyncio.Task] = None

    def _reply_output(self, message_id: str) -> WhatsAppOutput:
        """For the answers to a citizen's own message."""
        return WhatsAppOutput(self.sender, self.options, replies=self.journal.replies_to(message_id))

    def get_output_channel(self) -> WhatsAppOutput:
        """For Rasa's trigger_intent: messages the citizen did not ask for."""
        return WhatsAppOutput(self.sender, self.options, unasked_to=self.rights)

    def _in_background(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)  # a task nobody references may be garbage-collected mid-way
        task.add_done_callback(self._tasks.discard)

    async def finish_deliveries(self, timeout: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Waits until the deliveries acknowledged so far have been handled."""
        while self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            if pending:
                logger.warning("%d WhatsApp deliveries still in progress after %.0fs", len(pending), timeout)
                return

    async def _receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        try:
            batch = read_delivery(request.body or b"", request.headers.get(SIGNATURE_HEADER), self.settings)
        except Refused as refusal:
            return response.text(refusal.reason, status=refusal.status)
        if batch.messages and await self.journal.full():
            return response.text("too many messages waiting; send again later", status=503)
        # The messages are kept in the journal before the 200: Meta never sends an acknowledged one again.
        # Each citizen's place in line is taken now, before the journal answers (arrival order).
        kept = asyncio.ensure_future(self.journal.accept(batch.messages))
        self._in_background(self.processor.process(
            batch.statuses, [message.sender_id for message in batch.messages], kept, on_new_message))
        try:
            await kept
        except SQLAlchemyError:
            logger.exception("WhatsApp delivery could not be kept; refused for Meta to send again")
            return response.text("could not keep the delivery; send again later", status=503)
        return response.text("EVENT_RECEIVED")

    async def _consume(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Claims what the ingest process kept and what a stopped worker left, on every worker;
        forgets old handled ids now and then."""
        looks = 0
        while True:
            claimed = []
            try:
                if len(self._tasks) < MAX_IN_HAND:
                    claimed = await self.journal.claim_due(limit=MAX_IN_HAND - len(self._tasks))
                if claimed:
                    self._in_background(self._handle_claimed(claimed, on_new_message))
                looks += 1
                if looks % PRUNE_EVERY_LOOKS == 0:
                    await self.journal.prune()
            except SQLAlchemyError:
                logger.exception("WhatsApp inbound journal unavailable; trying again later")
            if not claimed:
                await self.wakeup.wait()

    async def _handle_claimed(self, claimed: List[Journaled],
                              on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        statuses = [item for item in claimed if isinstance(item.message, StatusUpdate)]
        messages = [item for item in claimed if isinstance(item.message, InboundMessage)]
        replayed = sum(item.replayed for item in claimed)
        if replayed:
            logger.info("WhatsApp: %d messages taken over from a stopped worker", replayed)
        kept: asyncio.Future = asyncio.get_running_loop().create_future()
        kept.set_result(messages)
        await self.processor.process([cast(StatusUpdate, item.message) for item in statuses],
                                     [cast(InboundMessage, item.message).sender_id for item in messages],
                                     kept, on_new_message)
        for item in statuses:  # recorded (a status seen twice is recorded once): done
            await self.journal.done(item.row_id)
        self.wakeup.now()  # these citizens' next messages may be waiting

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("whatsapp_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            status, body = handshake(request.args, self.settings)
            return response.text(body, status=status)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        @webhook.listener("after_server_start")
        async def start_background_work(app: Any, _loop: Any) -> None:
            agent = getattr(app.ctx, "agent", None)
            if agent is not None and agent.tracker_store is not None:
                self.rights.forget_conversation = conversation_forgetter(agent.tracker_store)
                self.processor.handled_before = handled_checker(agent.tracker_store)
            self._outbox_task = asyncio.ensure_future(self.sender.run_outbox())
            self._consumer_task = asyncio.ensure_future(self._consume(on_new_message))

        @webhook.listener("before_server_stop")
        async def stop(_app: Any, _loop: Any) -> None:
            for task in (self._outbox_task, self._consumer_task):
                if task:
                    task.cancel()
            self.wakeup.stop()
            await self.finish_deliveries()  # let acknowledged messages reach Rasa
            await self.client.close()

        return webhook
