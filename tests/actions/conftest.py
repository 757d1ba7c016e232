"""Build rasa-sdk trackers the way the action server receives them."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker


@pytest.fixture
def tracker_for():
    def build(text="", intent="greet", entities=(), slots=None, ranking=(), detected=None, events=()):
        latest = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": list(entities),
            "intent_ranking": list(ranking),
            "detected_language": detected,
        }
        return Tracker("citizen-1", {"language": "hi", "language_locked": False, **(slots or {})},
                       latest, list(events), False, None, {}, "action_listen")
    return build
