"""Conversation files (FORMAT.md): loaded, checked against the format, and
their numbers written the ways citizens write them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

HERE = Path(__file__).parent
SETS = ("tuning", "heldout")
TURN_KINDS = ("say", "tap", "photo", "document", "location", "voice", "sticker", "officer")
PATTERNS = ("out_of_order", "several_at_once", "correction", "no_loop", "prefill", "interruption", "free_text_guard",
            "follow_up", "natural_answer", "mixed_personal_data", "number_routing", "category_questions", "cancel",
            "not_offered", "location_pin", "supporters", "outside_city", "status_details", "media", "language_switch",
            "handoff", "happy_path")
SCRIPTS = ("devanagari", "romanized", "english", "mixed")
DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")
_REFERENCE = re.compile(r"\{(\w+)(?::(\w+))?\}")


@dataclass
class Turn:
    kind: str
    value: Any
    who: str = "first"
    expect: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Conversation:
    id: str
    patterns: List[str]
    script: str
    turns: List[Turn]
    outcome: Dict[str, Any]
    given: List[Dict[str, Any]] = field(default_factory=list)
    profile_name: Optional[str] = None
    source: str = ""

    @property
    def main_pattern(self) -> str:
        return self.patterns[0]


def _turn(data: Dict[str, Any]) -> Turn:
    kinds = [kind for kind in TURN_KINDS if kind in data]
    if len(kinds) != 1:
        raise ValueError(f"a turn needs exactly one of {TURN_KINDS}: {data}")
    return Turn(kinds[0], data[kinds[0]], data.get("who", "first"), dict(data.get("expect") or {}))


def load(path: Path) -> List[Conversation]:
    conversations = []
    for data in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        patterns = [p for p in data.get("patterns") or [] if p in PATTERNS] or ["happy_path"]
        conversations.append(Conversation(
            id=data["id"], patterns=patterns, script=data.get("script", "mixed"),
            turns=[_turn(turn) for turn in data["turns"]], outcome=dict(data.get("outcome") or {}),
            given=list(data.get("given") or []), profile_name=(data.get("citizen") or {}).get("profile_name"),
            source=f"{path.parent.name}/{path.name}",
        ))
    return conversations


def load_set(name: str) -> List[Conversation]:
    return [conversation for path in sorted((HERE / name).glob("*.yml")) for conversation in load(path)]


def spelled(number: str, style: Optional[str]) -> str:
    """LS-2026-000042 as citizens write it: spaced, without hyphens, without the leading zeros, in Devanagari."""
    prefix, year, serial = number.split("-")
    if style == "spaced":
        return f"{prefix} {year} {serial}"
    if style == "nohyphen":
        return f"{prefix}{year}{serial}".lower()
    if style == "short":
        return f"{prefix.lower()} {year} {int(serial)}"
    if style == "devanagari":
        return f"{prefix}-{year}-{serial}".translate(DEVANAGARI_DIGITS)
    return number


def filled(text: str, numbers: Dict[str, str]) -> str:
    """`{A}` and `{A:spaced}` replaced by the number of the item `A`."""
    return _REFERENCE.sub(lambda m: spelled(numbers[m.group(1)], m.group(2)) if m.group(1) in numbers else m.group(0),
                          text)
