"""Delivering the bot's messages: retries, the 24-hour window, the outbox.

- Rate limits, 5xx and network errors: retried with backoff and jitter.
- 131047 (the citizen's last message is older than 24 hours): the approved
  fallback template goes out instead, carrying the message's words and its
  options numbered; a file waits in the outbox (`waiting`) and goes out
  when the citizen writes again, which reopens the window.
- Other 4xx: logged with Meta's error code; re-sending could not help.
- Retries exhausted: the message goes to the SQL outbox and is re-sent by
  the periodic outbox task or when the citizen writes again. While a
  citizen has unsent messages, newer ones queue behind them, so replies
  never arrive out of order.
- Every message WhatsApp accepts is remembered by its id (sent_messages),
  so that a "failed" status reported later can have it sent again
  (failed_deliveries: `send_outside_window`, `retry_later`).
Files named by a path in the file store are uploaded right before sending.
"""
from __future__ import annotations

import asyncio
import logging
import mimetypes
from typing import Any, Dict, Mapping, Optional

from sqlalchemy.exc import SQLAlchemyError

from common.backoff import retry_delay
from common.clock import utc_now
from common.masking import mask_id
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.graph_client import GraphClient, GraphError
from jan_seva.whatsapp.outbound import LOCAL_FILE, carries_file, outside_window_template
from jan_seva.whatsapp.outbox import WAITING, Outbox, OutboxMessage
from jan_seva.whatsapp.retry import RetryPolicy, retrying
from jan_seva.whatsapp.sent_messages import SentMessages

logger = logging.getLogger(__name__)

OUTBOX_INTERVAL_SECONDS = 60.0
_UNSENDABLE_FILE = (ValueError, FileNotFoundError)  # FileOutsideStore is a ValueError


def _is_retryable(error: Exception) -> bool:
    return isinstance(error, GraphError) and error.retryable


class OutboundSender:
    def __init__(
        self,
        client: GraphClient,
        outbox: Outbox,
        sent: SentMessages,
        store: FileStore,
        policy: RetryPolicy = RetryPolicy(),
    ) -> None:
        self._client = client
        self._outbox = outbox
        self._sent = sent
        self._store = store
        self._policy = policy

    async def _with_uploaded_file(self, content: Mapping[str, Any]) -> Dict[str, Any]:
        kind = content.get("type")
        media = content.get(kind)
        if not isinstance(media, dict) or LOCAL_FILE not in media:
            return dict(content)
        path = self._store.resolve(media[LOCAL_FILE])
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        media_id = await self._client.upload(path, mime_type)
        sendable = {key: value for key, value in media.items() if key != LOCAL_FILE}
        return {**content, kind: {**sendable, "id": media_id}}

    async def _post(self, recipient_id: str, content: Mapping[str, Any]) -> Optional[str]:
        return await self._client.send(recipient_id, await self._with_uploaded_file(content))

    async def _with_retries(self, recipient_id: str, content: Mapping[str, Any]) -> Optional[str]:
        return await retrying(
            lambda: self._post(recipient_id, content),
            _is_retryable,
            self._policy,
            what=f"WhatsApp {content.get('type')} message to {mask_id(recipient_id)}",
        )

    async def _held_back(self, recipient_id: str, content: Mapping[str, Any]) -> bool:
        """Queues `content` behind the recipient's unsent messages, if any remain after a retry."""
        try:
            if not await self._outbox.has_unsent(recipient_id):
                return False
            await self.flush(recipient_id)
            if not await self._outbox.has_unsent(recipient_id):
                return False
            await self._outbox.add(recipient_id, dict(content), "queued behind earlier unsent messages")
        except SQLAlchemyError:
            logger.exception("WhatsApp outbox unavailable; sending to %s directly", mask_id(recipient_id))
            return False
        logger.warning("WhatsApp message to %s queued in the outbox behind unsent ones", mask_id(recipient_id))
        return True

    async def send(self, recipient_id: str, content: Mapping[str, Any]) -> None:
        if await self._held_back(recipient_id, content):
            return
        await self._send_now(recipient_id, content)

    async def send_outside_window(self, recipient_id: str, content: Mapping[str, Any]) -> None:
        """For a message refused with 131047: the template now; a file waits for the citizen's next message."""
        if carries_file(content):
            await self._keep(recipient_id, content, "waiting for the 24-hour window to reopen", state=WAITING)
        await self._send_template_for(recipient_id, content)

    async def retry_later(self, recipient_id: str, content: Mapping[str, Any], attempts: int, reason: str) -> None:
        """For a message WhatsApp reported failed for a passing reason: the outbox, after a backoff."""
        await self._keep(recipient_id, content, reason, attempts=attempts, due=utc_now() + retry_delay(attempts))

    async def _send_now(self, recipient_id: str, content: Mapping[str, Any]) -> None:
        """Sends with retries; every refusal is dealt with here, nothing is raised."""
        try:
            message_id = await self._with_retries(recipient_id, content)
        except GraphError as error:
            await self._refused(recipient_id, content, error)
        except _UNSENDABLE_FILE as error:
            logger.error("WhatsApp message to %s has a file that cannot be sent: %s", mask_id(recipient_id), error)
        else:
            await self._remember(message_id, recipient_id, content, attempts=0)

    async def _refused(self, recipient_id: str, content: Mapping[str, Any], error: GraphError) -> None:
        if error.outside_window and content.get("type") != "template":
            await self.send_outside_window(recipient_id, content)
        elif error.retryable:
            await self._keep(recipient_id, content, f"retries exhausted: {error}")
        else:
            kind = content.get("type")
            logger.error("WhatsApp refused the %s message to %s: %s", kind, mask_id(recipient_id), error)

    async def _send_template_for(self, recipient_id: str, content: Mapping[str, Any]) -> None:
        logger.info("WhatsApp 24-hour window closed for %s; sending the update template", mask_id(recipient_id))
        await self._send_now(recipient_id, outside_window_template(content))

    async def _keep(self, recipient_id: str, content: Mapping[str, Any], reason: str, **how: Any) -> None:
        """Into the outbox (`how`: its state, attempts so far, when it is due)."""
        try:
            await self._outbox.add(recipient_id, dict(content), reason, **how)
        except SQLAlchemyError:
            logger.exception("WhatsApp message to %s LOST: not sent now and the outbox is unavailable",
                             mask_id(recipient_id))
            return
        logger.warning("WhatsApp message to %s kept in the outbox: %s", mask_id(recipient_id), reason)

    async def _remember(self, message_id: Optional[str], recipient_id: str, content: Mapping[str, Any],
                        attempts: int) -> None:
        logger.debug("WhatsApp message %s sent to %s", message_id, mask_id(recipient_id))
        if not message_id:
            return
        try:
            await self._sent.remember(message_id, recipient_id, content, attempts)
        except SQLAlchemyError:
            logger.exception("WhatsApp message %s sent but not recorded: should it fail later, it is not re-sent",
                             message_id)

    async def _resend(self, message: OutboxMessage) -> bool:
        """True when done with (sent, or left to the template); False while it holds later messages back."""
        try:
            message_id = await self._with_retries(message.recipient_id, message.content)
        except GraphError as error:
            if error.outside_window and message.content.get("type") != "template":
                await self._resend_outside_window(message)
                return True
            if error.retryable:
                await self._outbox.retry_later(message, str(error), utc_now() + retry_delay(message.attempts))
            else:
                await self._outbox.mark_failed(message.id, str(error))
                logger.error("WhatsApp outbox message %d refused for good: %s", message.id, error)
            return False
        except _UNSENDABLE_FILE as error:
            await self._outbox.mark_failed(message.id, str(error))
            logger.error("WhatsApp outbox message %d has a file that cannot be sent: %s", message.id, error)
            return False
        await self._outbox.mark_sent(message.id)
        await self._remember(message_id, message.recipient_id, message.content, message.attempts)
        logger.info("WhatsApp outbox message %d sent to %s", message.id, mask_id(message.recipient_id))
        return True

    async def _resend_outside_window(self, message: OutboxMessage) -> None:
        if carries_file(message.content):
            await self._outbox.wait_for_window(message.id)
            if message.waiting:
                return  # still closed: the citizen was told when the file began to wait
        else:
            await self._outbox.mark_replaced(message.id)
        await self._send_template_for(message.recipient_id, message.content)

    async def flush(self, recipient_id: Optional[str] = None, window_reopened: bool = False) -> int:
        """Re-sends due outbox messages (all of one recipient's when given, with the files waiting
        for the window when it has just reopened); returns how many were done with."""
        try:
            return await self._flush(recipient_id, window_reopened)
        except SQLAlchemyError:  # claimed messages return to `pending` once the database is back
            logger.exception("WhatsApp outbox unavailable; nothing re-sent")
            return 0

    async def _flush(self, recipient_id: Optional[str], window_reopened: bool) -> int:
        done = 0
        blocked = set()  # recipients whose older message failed: keep their order
        for message in await self._outbox.claim(recipient_id=recipient_id, with_waiting=window_reopened):
            if message.recipient_id in blocked:
                await self._outbox.release(message)
            elif await self._resend(message):
                done += 1
            else:
                blocked.add(message.recipient_id)
        return done

    async def run_outbox(self, interval: float = OUTBOX_INTERVAL_SECONDS) -> None:
        """The periodic task, started with the channel: re-sends due messages, forgets old sent ones."""
        while True:
            try:
                await self.flush()
                await self._sent.prune()
            except Exception:  # whatever went wrong, the next round must still come
                logger.exception("WhatsApp outbox round failed; trying again in %.0fs", interval)
            await asyncio.sleep(interval)
