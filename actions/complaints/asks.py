"""The questions of complaint_form (action_ask_<slot>), with their buttons."""
from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.complaints.content import buttons, category_codes, category_label, text
from actions.complaints.views import duplicate_message, place_text
from actions.texts import language_of

WHATSAPP = "whatsapp"


class AskAction(Action, ABC):
    slot: str = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    @abstractmethod
    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        """Sends the question."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        self.ask(dispatcher, tracker, language_of(tracker))
        return []


class AskComplaintCategory(AskAction):
    slot = "complaint_category"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        # register_complaint payloads: a tap on an old list still starts a complaint
        choices = [{"title": category_label(code, language), "payload": f'/register_complaint{{"complaint_category": "{code}"}}'}
                   for code in category_codes()]
        dispatcher.utter_message(text=text("ask_category", language), buttons=choices)


class AskComplaintLocation(AskAction):
    slot = "complaint_location"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        named = tracker.get_slot("complaint_named_place")
        if named:
            dispatcher.utter_message(text=text("ask_location_named", language, place=named),
                                     buttons=buttons("named_place", language))
            return
        question = text("ask_location", language)
        if tracker.get_latest_input_channel() == WHATSAPP:
            # WhatsApp's "Send location" button under the question
            dispatcher.utter_message(json_message={WHATSAPP: {"type": "location_request", "text": question}})
        else:
            dispatcher.utter_message(text=question)


class AskComplaintDuplicateChoice(AskAction):
    slot = "complaint_duplicate_choice"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        message = duplicate_message(tracker.get_slot("complaint_duplicate"), language, datetime.now(timezone.utc))
        dispatcher.utter_message(text=message, buttons=buttons("join_or_new", language))


class AskComplaintDescription(AskAction):
    slot = "complaint_description"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        dispatcher.utter_message(text=text("ask_description", language))


class AskComplaintPhotos(AskAction):
    slot = "complaint_photos"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        dispatcher.utter_message(text=text("ask_photo", language), buttons=buttons("no_photo", language))


class AskComplaintConfirmed(AskAction):
    slot = "complaint_confirmed"

    def ask(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str) -> None:
        photos = tracker.get_slot("complaint_photos") or []
        summary = text(
            "ask_confirm", language,
            category=category_label(tracker.get_slot("complaint_category"), language),
            place=place_text(tracker.get_slot("complaint_location") or {}, language),
            description=tracker.get_slot("complaint_description"),
            photos=len(photos) if photos else text("no_photos", language),
        )
        dispatcher.utter_message(text=summary, buttons=buttons("confirm", language))
