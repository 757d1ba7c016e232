"""A citizen talking to the complaint actions the way the Rasa server drives them.

`Chat` keeps the slots and events of one conversation, builds the rasa-sdk
Tracker each action receives, and plays the parts of Rasa that the actions
rely on: the global slot mapping of `complaint_category`, the form loop
(validate_complaint_form, reject when nothing was filled, ask the next slot
with its action_ask_<slot>), and applying the returned events.
"""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.complaints import asks
from actions.complaints.flow import ActionStartComplaint, ActionSubmitComplaint
from actions.complaints.form import ValidateComplaintForm

ROOT = Path(__file__).resolve().parents[3]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FORM = "complaint_form"
ASK_ACTIONS = {action.slot: action() for action in (
    asks.AskComplaintCategory, asks.AskComplaintLocation, asks.AskComplaintDuplicateChoice,
    asks.AskComplaintDescription, asks.AskComplaintPhotos, asks.AskComplaintConfirmed,
)}


def payload(intent: str, **entities: Any) -> Dict[str, Any]:
    """A message as the channel sends a button or a pin: `/intent{...}`."""
    text = "/" + intent + (json.dumps(entities, ensure_ascii=False) if entities else "")
    return {"text": text, "intent": intent, "entities": entities}


class Rejected(Exception):
    """The form did not take the message: Rasa hands it to the rules."""


class Chat:
    def __init__(self, sender_id: str = "919827012345", language: str = "hi", channel: str = "whatsapp") -> None:
        self.sender_id = sender_id
        self.channel = channel
        self.slots: Dict[str, Any] = {"language": language, "requested_slot": None}
        self.events: List[Dict[str, Any]] = []
        self.latest: Dict[str, Any] = {}
        self.active_loop: Optional[str] = None

    # --- the citizen ---------------------------------------------------------
    def says(self, text: str = "", intent: str = "inform", entities: Optional[Dict[str, Any]] = None,
             metadata: Optional[Dict[str, Any]] = None) -> "Chat":
        entity_list = [{"entity": name, "value": value} for name, value in (entities or {}).items()]
        self.latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entity_list,
                       "metadata": metadata or {}}
        self.events.append({"event": "user", "text": text, "parse_data": self.latest, "input_channel": self.channel})
        if "complaint_category" in (entities or {}) and (
                self.active_loop is None or self.slots.get("requested_slot") == "complaint_category"):
            self._pending_candidates = {"complaint_category": entities["complaint_category"]}  # global from_entity mapping
        else:
            self._pending_candidates = {}
        return self

    def taps(self, message: Dict[str, Any], metadata: Optional[Dict[str, Any]] = None) -> "Chat":
        return self.says(message["text"], message["intent"], message["entities"], metadata)

    # --- the bot -------------------------------------------------------------
    def tracker(self, trailing: Optional[Dict[str, Any]] = None) -> Tracker:
        events = list(self.events)
        if trailing is not None:  # as FormAction sends it: the form, then the slot candidates
            events += [{"event": "action", "name": FORM}]
            events += [{"event": "slot", "name": name, "value": value} for name, value in trailing.items()]
        slots = {**self.slots, **(trailing or {})}
        return Tracker(self.sender_id, slots, self.latest, events, False, None,
                       {"name": self.active_loop} if self.active_loop else {}, "action_listen")

    def _apply(self, events: List[Dict[str, Any]]) -> None:
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]

    def run(self, action: Action, trailing: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """Runs one action; returns its messages and keeps its slot changes."""
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, self.tracker(trailing), DOMAIN))
        self._apply(events)
        self.last_events = events
        return dispatcher.messages

    def start_complaint(self) -> List[Dict[str, Any]]:
        """register_complaint: action_start_complaint, then the form's activation."""
        messages = self.run(ActionStartComplaint())
        self.active_loop = FORM
        required = DOMAIN["forms"][FORM]["required_slots"]
        prefilled = {slot: self.slots[slot] for slot in required if self.slots.get(slot) is not None}
        return messages + self._validate_and_ask(prefilled, reject_if_empty=False)

    def form_turn(self) -> List[Dict[str, Any]]:
        """The citizen's latest message inside the form; raises Rejected like Rasa's FormAction."""
        assert self.active_loop == FORM
        return self._validate_and_ask(self._pending_candidates, reject_if_empty=True)

    def _validate_and_ask(self, candidates: Dict[str, Any], reject_if_empty: bool) -> List[Dict[str, Any]]:
        self.slots.update(candidates)
        messages = self.run(ValidateComplaintForm(), trailing=candidates)
        filled = [e for e in self.last_events if e.get("event") == "slot" and e["name"] != "requested_slot"]
        if reject_if_empty and self.slots.get("requested_slot") and not candidates and not filled:
            raise Rejected(self.latest.get("intent", {}).get("name"))
        requested = next((e["value"] for e in self.last_events if e.get("event") == "slot"
                          and e["name"] == "requested_slot"), "unset")
        if requested == "unset":  # the validation action left it to Rasa: first empty slot of the domain's list
            requested = next((s for s in DOMAIN["forms"][FORM]["required_slots"] if self.slots.get(s) is None), None)
        self.slots["requested_slot"] = requested
        if requested is None:
            self.active_loop = None  # form done: the rules run action_submit_complaint
            return messages
        return messages + self.run(ASK_ACTIONS[requested])


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or m.get("custom") or "") for m in messages)


def payloads(messages: List[Dict[str, Any]]) -> List[str]:
    return [button["payload"] for message in messages for button in message.get("buttons") or []]


# --- whole steps of a conversation ---------------------------------------------
TRACKING_NUMBER = re.compile(r"CMP-\d{4}-\d{6}")


def pin(spot, name="Rajwada, Indore") -> Dict[str, Any]:
    return payload("share_location", latitude=spot[0], longitude=spot[1], location=name)


def draft_until_confirmation(chat: Chat, spot, description: str) -> str:
    """A short opening with a category, then pin, details, no photo; returns the summary."""
    chat.says("कचरा पड़ा है", "register_complaint", {"complaint_category": "garbage"})
    asked = chat.start_complaint()
    assert chat.slots["requested_slot"] == "complaint_location"
    assert texts(asked)
    chat.taps(pin(spot))
    chat.form_turn()
    assert chat.slots["requested_slot"] == "complaint_description"
    chat.says(description, "inform")
    chat.form_turn()
    assert chat.slots["requested_slot"] == "complaint_photos"
    chat.taps(payload("deny"))
    summary = chat.form_turn()
    assert chat.slots["requested_slot"] == "complaint_confirmed"
    return texts(summary)


def registered(spot, sender_id: str) -> str:
    """A garbage complaint at `spot`, submitted; its tracking number."""
    chat = Chat(sender_id=sender_id, language="en")
    draft_until_confirmation(chat, spot, "garbage heap near the temple")
    chat.taps(payload("affirm"))
    chat.form_turn()
    return TRACKING_NUMBER.search(texts(chat.run(ActionSubmitComplaint()))).group()
