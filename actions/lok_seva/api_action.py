"""Actions that answer from the Lok Seva API: the API's refusals are passed
on in the citizen's language, its absence is told kindly."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.display import say
from actions.texts import language_of

Events = List[Dict[Text, Any]]


class LokSevaApiAction(BlockingAction, ABC):
    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
               client: LokSevaClient) -> Events:
        """The action's work; it may let BackendRejected and BackendUnavailable through."""

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        language = language_of(tracker)
        try:
            return self.answer(dispatcher, tracker, language, LokSevaClient())
        except BackendRejected as rejected:
            dispatcher.utter_message(text=rejected.message(language))
        except BackendUnavailable:
            dispatcher.utter_message(text=say("general.unavailable", language))
        return []
