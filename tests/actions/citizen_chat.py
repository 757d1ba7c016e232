"""One citizen talking to the action server the way the Rasa server drives it.

A request intent (apply_service, register_complaint, ...) or any message while
a task is open goes to `action_task` (the rules and the task policy); any
other action is run with `run()`. Slots the actions set are kept, and the
bot's messages are added to the conversation's events with their text key,
as the Rasa server stores them, so that actions reading the previous answer
see it. Replies are the dispatcher's messages: check their `key` and `tag`
(which text, which question), not their wording.
"""
from __future__ import annotations

import asyncio
import json
import random
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tasks.action import ActionTask
from actions.tasks.kinds import KIND_OF_REQUEST
from actions.tasks.state import TASK_SLOT
from tests.servers import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
Reply = Dict[str, Any]


def new_sender() -> str:
    """A WhatsApp number of its own per test: the backends are shared, the citizens are not."""
    return "9199" + "".join(random.choice("0123456789") for _ in range(8))


def payload(intent: str, **entities: Any) -> str:
    return f"/{intent}" + (json.dumps(entities, ensure_ascii=False) if entities else "")


def message(text: str = "", intent: str = "inform", metadata: Optional[Dict[str, Any]] = None,
            confidence: float = 0.95, **entities: Any) -> Dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": [_entity(text, name, value) for name, value in entities.items()],
        "metadata": metadata or {},
    }


def _entity(text: str, name: str, value: Any) -> Dict[str, Any]:
    """As Rasa gives it: where the value stands in the text, when it was typed there."""
    at = text.find(value) if isinstance(value, str) and value else -1
    return {"entity": name, "value": value, **({"start": at, "end": at + len(value)} if at >= 0 else {})}


class Chat:
    def __init__(self, sender: Optional[str] = None, language: str = "hi", profile_name: Optional[str] = None):
        self.sender = sender or new_sender()
        self.slots: Dict[str, Any] = {"language": language, "language_locked": True}
        self.events: List[Dict[str, Any]] = []
        self.profile_name = profile_name

    @property
    def mobile(self) -> str:
        return self.sender[2:]

    @property
    def task(self) -> Optional[Dict[str, Any]]:
        return self.slots.get(TASK_SLOT)

    def run(self, action: Action, latest: Dict[str, Any]) -> List[Reply]:
        if self.profile_name:
            latest.setdefault("metadata", {}).setdefault("whatsapp", {}).setdefault("profile_name", self.profile_name)
        self.events.append({"event": "user", "text": latest["text"], "parse_data": latest})
        tracker = Tracker(self.sender, dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        self.events.append({"event": "action", "name": action.name()})
        for event in asyncio.run(action.run(dispatcher, tracker, DOMAIN)):
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
            self.events.append(event)
        for reply in dispatcher.messages:
            key = reply.get("key") or reply.get("response")
            self.events.append({"event": "bot", "text": reply.get("text"), "metadata": {"key": key} if key else {}})
        return dispatcher.messages

    def says(self, text: str, intent: str = "inform", metadata: Optional[Dict[str, Any]] = None,
             confidence: float = 0.95, **entities: Any) -> List[Reply]:
        """A message to the open task, or a request that starts one."""
        assert self.task is not None or intent in KIND_OF_REQUEST, f"{intent} outside a task: use run()"
        return self.run(ActionTask(), message(text, intent, metadata, confidence, **entities))

    def taps(self, intent: str, **entities: Any) -> List[Reply]:
        """A button: Rasa reads intent and entities from its payload."""
        return self.says(payload(intent, **entities), intent, **entities)

    def sends_pin(self, latitude: float, longitude: float, name: Optional[str] = None) -> List[Reply]:
        entities: Dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        if name:
            entities["location"] = name
        return self.says(payload("share_location", **entities), "share_location", **entities)

    def sends_file(self, file: Dict[str, Any]) -> List[Reply]:
        """A photo or PDF as the WhatsApp channel announces it (see `received_file`)."""
        return self.says(payload("share_media", **file["entities"]), "share_media", file["metadata"], **file["entities"])


def keys(replies: List[Reply]) -> List[str]:
    """Which texts were sent: "tasks.noted", "lok_seva.application.submitted", a response's name, ..."""
    return [str(reply.get("key") or reply.get("response") or "") for reply in replies]


def asked(replies: List[Reply]) -> Optional[str]:
    """The field the turn's last question asks ("applicant.mobile" -> "mobile"), or None."""
    for reply in reversed(replies):
        tag = str(reply.get("tag") or "")
        if tag.startswith(("ask:", "help:")):
            return tag.split(":", 1)[1].rsplit(".", 1)[-1]
    return None


def texts(replies: List[Reply]) -> str:
    return "\n".join(str(reply.get("text") or "") for reply in replies)


def payloads(replies: List[Reply]) -> List[str]:
    return [button["payload"] for reply in replies for button in reply.get("buttons") or []]


def documents(replies: List[Reply]) -> List[Dict[str, Any]]:
    return [reply["custom"]["whatsapp"] for reply in replies if (reply.get("custom") or {}).get("whatsapp")]
