"""Low-confidence messages: offer the likely meanings instead of guessing."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.labels import intent_label, intent_labels

MAX_OPTIONS = 3
MIN_CONFIDENCE = 0.05
# Offering these back as a guess helps nobody.
NOT_OFFERED = {"nlu_fallback", "out_of_scope", "inform", "affirm", "deny", "thank", "greet"}


def likely_intents(tracker: Tracker) -> List[str]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    return [
        item["name"]
        for item in ranking
        if item["name"] in intent_labels()
        and item["name"] not in NOT_OFFERED
        and item.get("confidence", 0) >= MIN_CONFIDENCE
    ][:MAX_OPTIONS]


class ActionOfferLikelyOptions(Action):
    def name(self) -> Text:
        return "action_offer_likely_options"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        options = likely_intents(tracker)
        if not options:
            dispatcher.utter_message(response="utter_not_understood")
            return []
        language = tracker.get_slot("language") or "hi"
        # The menu is always offered, once.
        offered = options if "main_menu" in options else options + ["main_menu"]
        buttons = [{"title": intent_label(i, language), "payload": f"/{i}"} for i in offered]
        dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
        return []
