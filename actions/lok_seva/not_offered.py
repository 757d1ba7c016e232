"""Services the catalogue does not offer, and where citizens get them instead
(content/not_offered.yml)."""
from __future__ import annotations

from typing import Any, Dict, Optional

from actions.texts import content
from common.words import normalise


def not_offered_in(typed: str, offered_name: str = "") -> Optional[Dict[str, Any]]:
    """The service not offered here that the message names, if any (the longest name wins). With
    `offered_name`, the words that named a catalogue service: only a name that says more counts
    ("vidhwa pension" is not the "pension" of the catalogue)."""
    padded = f" {' '.join(normalise(typed).split())} "
    offered = " ".join(normalise(offered_name).split())
    found = [(len(name), service) for service in content("not_offered")["services"]
             for name in (" ".join(normalise(n).split()) for n in service["names"])
             if name and f" {name} " in padded and (not offered or (offered in name and name != offered))]
    return max(found, key=lambda pair: pair[0])[1] if found else None
