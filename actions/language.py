"""The `language` slot: detected from each message, locked once chosen.

Runs as the custom slot mapping of `language` and `language_locked`, i.e.
inside `action_extract_slots`, before the bot answers, so the reply to the
very message that changed the language is already in the new language.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

LANGUAGES = ("hi", "en")


def chosen_language(tracker: Tracker) -> Optional[str]:
    """The language asked for in a set_language message, if any."""
    value = next(tracker.get_latest_entity_values("language"), None)
    if value in LANGUAGES:
        return value
    # "change the language" without naming one: switch to the other one.
    return "en" if tracker.get_slot("language") == "hi" else "hi"


class ActionDetectLanguage(Action):
    def name(self) -> Text:
        return "action_detect_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "set_language":
            return [SlotSet("language", chosen_language(tracker)), SlotSet("language_locked", True)]
        if tracker.get_slot("language_locked"):
            return []
        detected = tracker.latest_message.get("detected_language")
        if detected in LANGUAGES and detected != tracker.get_slot("language"):
            return [SlotSet("language", detected)]
        return []
