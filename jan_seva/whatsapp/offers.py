"""What the bot offered a citizen, against which a reply is read.

A reply's id (a tapped button or list row, a template quick reply) acts as
a payload only when the bot offered it to this citizen: among the options
it offered last (options_store), or in its message the reply answers
(`context.id`, looked up in sent_messages), so a tap on an earlier
message's button still counts. A typed number picks from the options
offered last.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import FrozenSet, List

from sqlalchemy.exc import SQLAlchemyError

from jan_seva.whatsapp.inbound_text import REPLY_TYPES, rasa_text
from jan_seva.whatsapp.numbered_options import Option, chosen_number
from jan_seva.whatsapp.options_store import OptionsStore
from jan_seva.whatsapp.outbound import offered_ids
from jan_seva.whatsapp.payloads import InboundMessage
from jan_seva.whatsapp.sent_messages import SentMessages

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Offer:
    numbered: List[Option] = field(default_factory=list)  # the options offered last, for a typed number
    payloads: FrozenSet[str] = frozenset()  # every id a reply may carry as a payload


class Offers:
    def __init__(self, options: OptionsStore, sent: SentMessages) -> None:
        self._options = options
        self._sent = sent

    async def _in_replied_message(self, message: InboundMessage) -> List[str]:
        context = message.raw.get("context")
        replied = context.get("id") if isinstance(context, dict) else None
        if not isinstance(replied, str):
            return []
        try:
            record = await self._sent.recall(replied)
        except SQLAlchemyError:
            logger.exception("WhatsApp sent messages unavailable; only the last options offered count")
            return []
        return offered_ids(record.content) if record and record.recipient_id == message.sender_id else []

    async def answered_by(self, message: InboundMessage) -> Offer:
        """What `message` may be an answer to (nothing for a message that answers no offer)."""
        if message.type in REPLY_TYPES:
            last = await self._options.recall(message.sender_id)
            replied = await self._in_replied_message(message)
            return Offer(last, frozenset(option.payload for option in last) | frozenset(replied))
        if message.type == "text" and chosen_number(rasa_text(message) or "") is not None:
            return Offer(await self._options.recall(message.sender_id))
        return Offer()
