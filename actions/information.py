"""Answers to the information intents (info_<topic>), from
content/information.yml where designers keep them with their review dates."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.texts import content, language_of, pick

INTENT_PREFIX = "info_"


def information_topic(intent: str) -> str:
    return intent[len(INTENT_PREFIX):] if intent.startswith(INTENT_PREFIX) else intent


class ActionShowInformation(Action):
    def name(self) -> Text:
        return "action_show_information"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        topic = content("information").get(information_topic(intent))
        if topic is None:
            dispatcher.utter_message(response="utter_main_menu")
        else:
            dispatcher.utter_message(text=pick(topic, language_of(tracker)))
        return []
