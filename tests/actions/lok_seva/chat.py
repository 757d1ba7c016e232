"""Runs the Lok Seva actions for one citizen as the Rasa server would: the
form's loop (validate, then ask, or finish once the form has ended), side
questions answered by their own action, the slots kept between turns."""
from __future__ import annotations

import asyncio
import random
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.lok_seva.form_actions import (
    ActionAskLokSevaAnswer, ActionClaimLokSevaAnswer, ActionFinishLokSevaForm, ActionStartLokSevaForm,
    ValidateLokSevaForm,
)
from actions.lok_seva.display import payload
from actions.lok_seva.form_state import ANSWER_SLOT, STATE_SLOT
from tests.servers import ROOT

FORM = "lok_seva_form"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
# Intents the form's slot mapping leaves to their own rules (domain.yml).
NOT_AN_ANSWER = set(DOMAIN["slots"][ANSWER_SLOT]["mappings"][0]["not_intent"])


def new_sender() -> str:
    """A WhatsApp number of its own per test: the API is shared, the citizens are not."""
    return "9199" + "".join(random.choice("0123456789") for _ in range(8))


def message(text: str = "", intent: str = "inform", metadata: Optional[Dict[str, Any]] = None,
            **entities: Any) -> Dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [{"entity": name, "value": value} for name, value in entities.items()],
        "metadata": metadata or {},
    }


class Chat:
    def __init__(self, sender: Optional[str] = None, language: str = "hi"):
        self.sender = sender or new_sender()
        self.slots: Dict[str, Any] = {"language": language, "language_locked": False}
        self.active_loop: Optional[str] = None
        self.last_events: List[Dict[str, Any]] = []

    @property
    def mobile(self) -> str:
        return self.sender[2:]

    @property
    def state(self) -> Optional[Dict[str, Any]]:
        return self.slots.get(STATE_SLOT)

    def run(self, action: Action, latest: Dict[str, Any], events: List[Dict[str, Any]] = ()) -> List[Dict[str, Any]]:
        tracker = Tracker(self.sender, dict(self.slots), latest, list(events), False, None,
                          {"name": self.active_loop} if self.active_loop else {}, "action_listen")
        dispatcher = CollectingDispatcher()
        self.last_events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
        for event in self.last_events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        return dispatcher.messages

    def start(self, intent: str, text: str = "", **entities: Any) -> List[Dict[str, Any]]:
        latest = message(text, intent, **entities)
        replies = self.run(ActionStartLokSevaForm(), latest)
        self.active_loop = FORM
        return replies + self._form(latest, answered=False)

    def says(self, text: str, intent: str = "inform", metadata: Optional[Dict[str, Any]] = None,
             **entities: Any) -> List[Dict[str, Any]]:
        """A message during the form: taken as an answer unless its intent belongs to a side question."""
        assert self.active_loop == FORM, "the form has ended"
        latest = message(text, intent, metadata, **entities)
        if intent in NOT_AN_ANSWER:
            raise AssertionError(f"{intent} is a side question: use side_question()")
        self.slots[ANSWER_SLOT] = text
        return self._form(latest, answered=True)

    def says_misread(self, text: str, intent: str, **entities: Any) -> List[Dict[str, Any]]:
        """A reply the NLU read as a side question's intent: the current question must claim it."""
        assert intent in NOT_AN_ANSWER, f"{intent} is taken as an answer anyway: use says()"
        latest = message(text, intent, **entities)
        self.run(ActionClaimLokSevaAnswer(), latest)
        assert self.slots.get(ANSWER_SLOT) == text, "the current question did not claim the reply"
        return self._form(latest, answered=True)

    def claimed(self, text: str, intent: str, **entities: Any) -> bool:
        """Whether the current question claims this reply; nothing changes either way."""
        slots = dict(self.slots)
        self.run(ActionClaimLokSevaAnswer(), message(text, intent, **entities))
        self.slots = slots
        return any(event.get("name") == ANSWER_SLOT for event in self.last_events)

    def taps(self, payload_intent: str, **entities: Any) -> List[Dict[str, Any]]:
        """A button: Rasa gets its payload as text and reads intent and entities from it."""
        return self.says(payload(payload_intent, **entities), payload_intent, **entities)

    def side_question(self, action: Action, intent: str, text: str = "", **entities: Any) -> List[Dict[str, Any]]:
        """The form rejects the message (nothing to validate), its rule's action answers, the form asks again."""
        latest = message(text, intent, **entities)
        self.run(ValidateLokSevaForm(), latest, [{"event": "action", "name": FORM}])
        assert [e["name"] for e in self.last_events] == ["requested_slot"], "the form must reject a side question"
        replies = self.run(action, latest)
        return replies + self._form(latest, answered=False)

    def _form(self, latest: Dict[str, Any], answered: bool) -> List[Dict[str, Any]]:
        candidate = [{"event": "slot", "name": ANSWER_SLOT, "value": self.slots[ANSWER_SLOT]}] if answered else []
        replies = self.run(ValidateLokSevaForm(), latest, [{"event": "action", "name": FORM}, *candidate])
        if self.slots.get("requested_slot"):
            return replies + self.run(ActionAskLokSevaAnswer(), latest)
        self.active_loop = None
        return replies + self.run(ActionFinishLokSevaForm(), latest)


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def payloads(replies: List[Dict[str, Any]]) -> List[str]:
    return [button["payload"] for reply in replies for button in reply.get("buttons") or []]


def documents(replies: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [reply["custom"]["whatsapp"] for reply in replies if (reply.get("custom") or {}).get("whatsapp")]
