"""Keeps the `language` slot: detected from each message, locked once chosen.

The NLU writes `detected_language` (hi, en or None for messages without
words) and `leaning_language` into every parse; this policy writes the language to answer in
(jan_seva.text.language.reply_language) into the slot with the turn's first
action, without a call to the action server. That first action already
answers in it: the NLG (jan_seva.nlg) and the actions (actions/texts.py)
work the language out from the message the same way.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from jan_seva.components.language_detector import DETECTED_LANGUAGE, LEANING_LANGUAGE
from jan_seva.policies.deterministic import DeterministicPolicy, awaits_first_action
from jan_seva.text.language import reply_language

LOWEST_PRIORITY = 0
LANGUAGE_SLOT, LOCKED_SLOT = "language", "language_locked"


def answer_language(tracker: DialogueStateTracker) -> Tuple[Text, bool]:
    """The language to answer the latest message in, and whether it is locked (jan_seva.text.language)."""
    message = tracker.latest_message
    parsed: Dict[str, Any] = dict(message.parse_data) if message else {}
    return reply_language(tracker.get_slot(LANGUAGE_SLOT), bool(tracker.get_slot(LOCKED_SLOT)),
                          message.intent.get("name") if message else None, parsed.get(DETECTED_LANGUAGE),
                          next(tracker.get_latest_entity_values("language"), None), parsed.get(LEANING_LANGUAGE),
                          float(message.intent.get("confidence") or 0.0) if message else 0.0)


def language_events(tracker: DialogueStateTracker) -> List[Event]:
    language, locked = answer_language(tracker)
    events: List[Event] = []
    if language != tracker.get_slot(LANGUAGE_SLOT):
        events.append(SlotSet(LANGUAGE_SLOT, language))
    if locked != bool(tracker.get_slot(LOCKED_SLOT)):
        events.append(SlotSet(LOCKED_SLOT, locked))
    return events


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class LanguagePolicy(DeterministicPolicy):
    """Predicts no action; only sets the language slots once per citizen message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": LOWEST_PRIORITY}  # it never predicts, so it never needs to win

    def events(self, tracker: DialogueStateTracker) -> List[Event]:
        if not awaits_first_action(tracker) or tracker.latest_message is None:
            return []
        return language_events(tracker)
