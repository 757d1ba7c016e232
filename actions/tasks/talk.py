"""One turn's conversation: the message being answered, the citizen's
language, and the ways to answer it (keyed texts, buttons whose payloads Rasa
reads without NLU) and to change the conversation (events)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tasks.message import Message
from actions.texts import entry, language_of, payload, pick, say
from common.clock import india_today

_INDIAN_WHATSAPP_NUMBER = re.compile(r"91([6-9]\d{9})")


@dataclass
class Talk:
    dispatcher: CollectingDispatcher
    tracker: Tracker
    message: Message
    language: str
    today: date
    events: List[Dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, dispatcher: CollectingDispatcher, tracker: Tracker) -> "Talk":
        return cls(dispatcher, tracker, Message.latest(tracker), language_of(tracker), india_today())

    @property
    def sender_id(self) -> str:
        return self.tracker.sender_id

    @property
    def whatsapp_mobile(self) -> Optional[str]:
        """'919876543210' -> '9876543210': the citizen's own number, when they write from an Indian one."""
        match = _INDIAN_WHATSAPP_NUMBER.fullmatch(self.sender_id or "")
        return match.group(1) if match else None

    def text(self, key: str, **params: Any) -> str:
        name, path = key.split(".", 1)
        return pick(entry(name, path), self.language).format(**params)

    def say(self, key: str, /, buttons: Optional[List[Dict[str, str]]] = None, tag: Optional[str] = None,
            **params: Any) -> None:
        say(self.dispatcher, self.language, key, buttons=buttons, tag=tag, **params)

    def say_text(self, text: str, key: str, buttons: Optional[List[Dict[str, str]]] = None) -> None:
        """A text that comes from a backend, in the citizen's language already (a refusal's reason)."""
        self.dispatcher.utter_message(text=text, buttons=buttons or [], key=key)

    def payload(self, intent: str, **entities: Any) -> str:
        return payload(intent, **entities)

    def slot(self, name: str) -> Any:
        return self.tracker.get_slot(name)

    def set_slot(self, name: str, value: Any) -> None:
        self.events.append({"event": "slot", "timestamp": None, "name": name, "value": value})
