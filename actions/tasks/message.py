"""The citizen's latest message as every action reads it: what was typed
(not a button's payload), the NLU's intent and entities, and what the
WhatsApp channel added (a photo's file id and caption, a pin, the profile
name)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from rasa_sdk import Tracker

from common.ids import find_tracking_numbers
from common.words import means

MAX_ADDRESS_LENGTH = 500  # GeoReport address_string in the reference backend


@dataclass(frozen=True)
class Message:
    text: str = ""
    intent: str = ""
    confidence: float = 0.0
    entities: List[Dict[str, Any]] = field(default_factory=list)
    metadata: Dict[str, Any] = field(default_factory=dict)
    ranking: List[Dict[str, Any]] = field(default_factory=list)

    @classmethod
    def latest(cls, tracker: Tracker) -> "Message":
        return cls.from_parse(tracker.latest_message or {})

    @classmethod
    def from_parse(cls, parse: Dict[str, Any]) -> "Message":
        intent = parse.get("intent") or {}
        return cls(
            text=str(parse.get("text") or ""),
            intent=str(intent.get("name") or ""),
            confidence=float(intent.get("confidence") or 0.0),
            entities=list(parse.get("entities") or []),
            metadata=dict(parse.get("metadata") or {}),
            ranking=list(parse.get("intent_ranking") or []),
        )

    # --- what was said -------------------------------------------------------
    @property
    def is_payload(self) -> bool:
        """A button, list row or channel event: Rasa read intent and entities from "/intent{...}"."""
        return self.text.startswith("/")

    @property
    def typed(self) -> str:
        """What the citizen typed, spaces tidied; empty for payloads."""
        return "" if self.is_payload else " ".join(self.text.split())

    def says(self, meaning: str) -> bool:
        """The whole message is one of the steering words for `meaning` (content/words.yml)."""
        return means(self.typed, meaning)

    def entity(self, name: str) -> Optional[Any]:
        return next(self.entity_values(name), None)

    def entity_values(self, name: str):
        return (item.get("value") for item in self.entities if item.get("entity") == name)

    @property
    def from_system(self) -> bool:
        return self.intent.startswith("EXTERNAL_")

    def typed_without(self, *entities: str, taken: Optional[Mapping[str, Any]] = None) -> str:
        """What was typed, without the words the NLU read as these entities ("jati praman patra"); of an
        entity in `taken`, only the first words naming the value taken go ("khasra number 17" in a
        demarcation request keeps "khasra", which the NLU also read as the land record copy service;
        "income certificate …, saal ki income 48000" keeps the second "income")."""
        taken = taken or {}
        spans, named = [], set()
        for e in sorted(self.entities, key=lambda e: e.get("start") or 0):
            start, end, name = e.get("start"), e.get("end"), e.get("entity")
            if name not in entities or not isinstance(start, int) or not isinstance(end, int) \
                    or not any(character.isalpha() for character in self.text[start:end]):
                continue  # a bare number the NLU took for a place ("khamba number 45") stays: it answers something
            if name in taken and (e.get("value") != taken[name] or name in named):
                continue
            named.add(name)
            spans.append((start, end))
        text = self.text
        for start, end in reversed(spans):
            text = text[:start] + " " + text[end:]
        # line breaks kept: they separate the answers of a message written line by line
        return "" if self.is_payload else "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())

    # --- numbers ---------------------------------------------------------------
    def tracking_number(self, entity: str) -> Optional[str]:
        """An application_id / complaint_id, as an entity or typed in any spelling the NLU accepts."""
        value = self.entity(entity)
        if value:
            return str(value)
        return next((found.value for found in find_tracking_numbers(self.text) if found.entity == entity), None)

    # --- what the WhatsApp channel added ---------------------------------------
    @property
    def whatsapp(self) -> Dict[str, Any]:
        return self.metadata.get("whatsapp") or {}

    @property
    def profile_name(self) -> Optional[str]:
        return self.whatsapp.get("profile_name") or None

    @property
    def file_id(self) -> Optional[str]:
        return str(self.entity("file_id")) if self.intent == "share_media" and self.entity("file_id") else None

    @property
    def media_type(self) -> Optional[str]:
        return self.entity("media_type")

    @property
    def caption(self) -> Optional[str]:
        """The words a citizen wrote under a photo or document."""
        media = self.whatsapp.get(str(self.whatsapp.get("type") or "")) or {}
        caption = " ".join(str(media.get("caption") or "").split()) if isinstance(media, dict) else ""
        return caption or None

    @property
    def pin(self) -> Optional[Dict[str, Any]]:
        """A WhatsApp location pin as a place: {"address": its name or None, "lat", "long"}."""
        if self.intent != "share_location":
            return None
        try:
            lat, long = float(self.entity("latitude")), float(self.entity("longitude"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        if not (-90 <= lat <= 90 and -180 <= long <= 180):
            return None
        name = " ".join(str(self.entity("location") or "").split())[:MAX_ADDRESS_LENGTH]
        return {"address": name or None, "lat": lat, "long": long}

    def intent_confidence(self, intent: str) -> float:
        return next((float(item.get("confidence") or 0) for item in self.ranking if item.get("name") == intent),
                    self.confidence if intent == self.intent else 0.0)
