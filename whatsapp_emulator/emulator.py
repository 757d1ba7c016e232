"""The emulator's behaviour, shared by the Graph API, the control API and the page.

Outbound (bot -> citizen): validate like Meta, enforce the 24-hour window,
throughput and injected faults, record the message, answer with Meta's
success shape, then report sent/delivered/read (or failed) as status
webhooks. Inbound (citizen -> bot): record the message, open the window and
deliver it as a signed webhook; a raw webhook body is delivered as given,
its citizen messages recorded and their windows opened.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any, Dict, Optional, Set, Tuple

from .conversations import ConversationStore, Entry, new_wamid
from .delivery import WebhookDelivery
from .faults import Fault, FaultInjector
from .graph_errors import GraphError
from .identity import addressee, sender_fields
from .inbound import InboundBuilder
from .media_store import MediaStore
from .settings import Settings
from .throughput import ThroughputLimiter
from .validation import MEDIA_TYPES, Outbound, media_reference, validate_outbound
from .webhooks import inbound_messages, message_webhook, status_webhook

DEFAULT_PROFILE_NAME = "WhatsApp User"


class Emulator:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = ConversationStore()
        self.media = MediaStore(settings.media_dir)
        self.faults = FaultInjector()
        self.limiter = ThroughputLimiter(settings.throughput_mps)
        self.delivery = WebhookDelivery(settings.rasa_webhook_url, settings.app_secret, settings.retry_delays)
        self.inbound = InboundBuilder(self.store, self.media, settings.display_number_digits)
        self._tasks: Set[asyncio.Task] = set()

    # ---- outbound: POST /{version}/{phone_number_id}/messages
    async def send(self, body: Any) -> Dict[str, Any]:
        outbound = validate_outbound(body)
        if outbound.is_read_receipt:
            return await self._mark_read(outbound)
        error = self.faults.take(outbound.wa_id, "error")
        if error is not None:
            raise GraphError(error.code, error.details, http_status=error.http_status)
        if not self.limiter.allow():
            raise GraphError(130429)
        if outbound.type != "template" and not self.store.window_open(outbound.wa_id):
            raise GraphError(131047)
        self._check_media(body, outbound)
        fault = self.faults.take(outbound.wa_id, "failed")  # only now: the send is accepted
        entry = await self.store.add(outbound.wa_id, "out", outbound.type, body, "accepted")
        self._spawn(self._report_statuses(entry, fault))
        message: Dict[str, Any] = {"id": entry.id}
        if outbound.type == "template":
            message["message_status"] = "accepted"
        return {
            "messaging_product": "whatsapp",
            "contacts": [addressee(body.get("to") or body.get("recipient"), outbound.wa_id)],
            "messages": [message],
        }

    async def _mark_read(self, outbound: Outbound) -> Dict[str, Any]:
        entry = self.store.find(outbound.message_id)
        if entry is None or entry.direction != "in":
            raise GraphError(100, f"Param message_id: no message received with id '{outbound.message_id}'.")
        await self.store.set_status(entry.id, "read")
        return {"success": True}

    def _check_media(self, body: Dict[str, Any], outbound: Outbound) -> None:
        if outbound.type not in MEDIA_TYPES:
            return
        how, value = media_reference(body, outbound.type)
        if how != "id":
            return
        media = self.media.get(value)
        if media is None:
            raise GraphError(131009, f"Param {outbound.type}['id']: no media with id '{value}'.")
        if media.kind != outbound.type:
            raise GraphError(131009, f"Media '{value}' is {media.kind} ({media.mime_type}), not {outbound.type}.")

    async def _report_statuses(self, entry: Entry, fault: Optional[Fault]) -> None:
        category = "utility" if entry.type == "template" else "service"
        if fault is not None:
            steps = [("failed", [GraphError(fault.code, fault.details).status_error()])]
        else:
            steps = [("sent", None), ("delivered", None), ("read", None)]
        for status, errors in steps:
            await asyncio.sleep(self.settings.status_delay)
            await self.store.set_status(entry.id, status, errors)
            self.delivery.enqueue(entry.wa_id, status_webhook(
                self.settings, entry.id, entry.wa_id, status, category=category, errors=errors))

    # ---- inbound: what the citizen does on the page or through the control API
    async def receive(self, wa_id: str, request: Dict[str, Any]) -> Tuple[Entry, Dict[str, Any]]:
        """Record and deliver one citizen message; returns it and the webhook body sent for it."""
        part = self.inbound.build(wa_id, request)
        message = {**sender_fields(wa_id), "id": new_wamid(), "timestamp": str(int(time.time())), **part}
        self.store.record_inbound(wa_id, request.get("profile_name") or "")
        profile_name = self.store.profile_name(wa_id) or DEFAULT_PROFILE_NAME
        entry = await self.store.add(wa_id, "in", message["type"], message, "pending", message_id=message["id"])

        async def track(state: str) -> None:
            await self.store.set_status(entry.id, state)

        payload = message_webhook(self.settings, wa_id, profile_name, message)
        self.delivery.enqueue(wa_id, payload, track)
        return entry, payload

    async def deliver_raw(self, wa_id: str, payload: Dict[str, Any]) -> None:
        """Delivers any webhook body as is. The citizen messages in it are recorded and open their
        sender's window, as they would at Meta (so the bot can reply and mark them read)."""
        entries = []
        for sender, message in inbound_messages(payload):
            self.store.record_inbound(sender, "")
            message_id = message.get("id")
            if isinstance(message_id, str) and self.store.find(message_id) is None:  # a redelivery shows once
                kind = str(message.get("type") or "unknown")
                entries.append(await self.store.add(sender, "in", kind, message, "pending", message_id=message_id))

        async def track(state: str) -> None:
            for entry in entries:
                await self.store.set_status(entry.id, state)

        self.delivery.enqueue(wa_id, payload, track)

    # ---- lifecycle
    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def reset(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self.faults.clear()
        await self.delivery.cancel_pending()
        await self.store.reset()

    async def close(self) -> None:
        await self.reset()
        await self.delivery.close()
