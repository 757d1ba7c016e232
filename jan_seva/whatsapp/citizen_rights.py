"""The citizen's data rights on WhatsApp, taken by the channel before the bot sees the message.

- "STOP" (or "सूचनाएं बंद करो"): no more messages the citizen did not ask
  for (status changes, reminders, officers' follow-ups sent through Rasa's
  API); answers to their own messages go on. "START" undoes it.
- "मेरा डेटा हटाओ" / "delete my data": after a yes, the conversation is erased
  (Rasa's tracker and the channel's own rows about the citizen). Submitted
  applications and complaints stay with the departments, as the law requires.

The opt-out is kept as a hash of the citizen's id, like the notices: honoured
without keeping the number. Phrases and replies: data/rights.yml.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from common.clock import utc_now
from common.masking import mask_id
from common.words import normalise
from jan_seva.whatsapp.data_files import load_data
from jan_seva.whatsapp.notices import NOTICES
from jan_seva.whatsapp.outbound import text_contents
from jan_seva.whatsapp.payloads import InboundMessage
from jan_seva.whatsapp.state_db import (
    citizen_key,
    insert_once,
    last_options,
    message_statuses,
    notices_sent,
    opted_out,
    outbox,
    run_db,
    sent_messages,
)

logger = logging.getLogger(__name__)

STOP, START, ERASE, CONFIRM_ERASE, KEEP_DATA = "stop", "start", "erase", "confirm_erase", "keep_data"
ForgetConversation = Callable[[str], Awaitable[None]]


def _key(sender_id: str) -> str:
    return citizen_key(sender_id, "opted_out")


@dataclass(frozen=True)
class Command:
    what: str  # STOP, START, ERASE, CONFIRM_ERASE or KEEP_DATA
    language: str


def command_in(message: InboundMessage) -> Optional[Command]:
    """The rights command a message is, if it is one and nothing else."""
    data = load_data("rights")
    if message.type == "interactive":
        reply_id = str((message.content.get("button_reply") or {}).get("id") or "")
        language = reply_id.rsplit(".", 1)[-1] if reply_id.count(".") == 3 else "hi"
        for what in (CONFIRM_ERASE, KEEP_DATA):
            if reply_id.startswith(data[what] + "."):
                return Command(what, language if language in ("hi", "en") else "hi")
        return None
    if message.type != "text":
        return None
    typed = " ".join(normalise(str(message.content.get("body") or "")).split())
    for what, by_language in data["commands"].items():
        for language, phrases in by_language.items():
            if typed in {" ".join(normalise(phrase).split()) for phrase in phrases}:
                return Command(what, language)
    return None


class CitizenRights:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._texts: Dict[str, Any] = load_data("rights")
        self.forget_conversation: Optional[ForgetConversation] = None  # set once Rasa's tracker store is known

    async def opted_out(self, sender_id: str) -> bool:
        def read() -> bool:
            with self._engine.connect() as connection:
                return connection.execute(select(opted_out.c.key).where(opted_out.c.key == _key(sender_id))).first() \
                    is not None
        return await run_db(read)

    def _say(self, reply: str, language: str) -> List[Dict[str, Any]]:
        return text_contents(self._texts["replies"][reply][language])

    def _erase_question(self, language: str) -> Dict[str, Any]:
        replies = self._texts["replies"]
        buttons = [{"type": "reply", "reply": {"id": f"{self._texts[what]}.{language}",
                                               "title": replies[label][language]}}
                   for what, label in ((CONFIRM_ERASE, "erase_yes"), (KEEP_DATA, "erase_no"))]
        return {"type": "interactive", "interactive": {
            "type": "button", "body": {"text": replies["erase_question"][language]}, "action": {"buttons": buttons}}}

    async def take(self, message: InboundMessage) -> Optional[List[Dict[str, Any]]]:
        """The replies when the message is a rights command (taken here); None when it is the bot's."""
        command = command_in(message)
        if command is None:
            return None
        sender, language = message.sender_id, command.language
        if command.what == STOP:
            await run_db(lambda: insert_once(self._engine, opted_out, key=_key(sender), since=utc_now()))
            logger.info("WhatsApp citizen %s stopped updates", mask_id(sender))
            return self._say("stopped", language)
        if command.what == START:
            await run_db(lambda: self._delete(opted_out, opted_out.c.key == _key(sender)))
            return self._say("started", language)
        if command.what == ERASE:
            return [self._erase_question(language)]
        if command.what == KEEP_DATA:
            return self._say("kept", language)
        await self.erase(sender)
        return self._say("erased", language)

    async def erase(self, sender_id: str) -> None:
        """The conversation and the channel's rows about the citizen; the opt-out stays honoured."""
        if self.forget_conversation is not None:
            await self.forget_conversation(sender_id)
        rows = ((last_options, last_options.c.user_id == sender_id), (outbox, outbox.c.recipient_id == sender_id),
                (sent_messages, sent_messages.c.recipient_id == sender_id),
                (message_statuses, message_statuses.c.recipient_id == sender_id),
                # the notices are sent again, as to anyone new
                (notices_sent, notices_sent.c.key.in_([citizen_key(sender_id, notice) for notice in NOTICES])))
        for table, condition in rows:
            await run_db(lambda: self._delete(table, condition))
        logger.info("WhatsApp citizen %s erased their chat data", mask_id(sender_id))

    def _delete(self, table: Any, condition: Any) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(table).where(condition))
