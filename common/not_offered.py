"""Services the catalogue does not offer, and where citizens get them instead
(actions/content/not_offered.yml, a designer's file). Shared by the action
server's answers and by the Rasa server's follow-up policy, which sends a
message naming one to those answers whatever the NLU made of it."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

from common.words import normalise

NOT_OFFERED_FILE = Path(__file__).resolve().parents[1] / "actions" / "content" / "not_offered.yml"


@functools.lru_cache(maxsize=1)
def _services() -> list:
    return yaml.safe_load(NOT_OFFERED_FILE.read_text(encoding="utf-8"))["services"]


def not_offered_in(typed: str, offered_name: str = "") -> Optional[Dict[str, Any]]:
    """The service not offered here that the message names, if any (the longest name wins). With
    `offered_name`, the words that named a catalogue service: only a name that says more counts
    ("vidhwa pension" is not the "pension" of the catalogue)."""
    padded = f" {' '.join(normalise(typed).split())} "
    offered = " ".join(normalise(offered_name).split())
    found = [(len(name), service) for service in _services()
             for name in (" ".join(normalise(n).split()) for n in service["names"])
             if name and f" {name} " in padded and (not offered or (offered in name and name != offered))]
    return max(found, key=lambda pair: pair[0])[1] if found else None
