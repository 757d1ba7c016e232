"""A citizen asks for a person: record the request, say what happens next.

The request is recorded in the conversation itself (slot
`handoff_requested_at`, kept by the SQL tracker store), where the officers'
inbox picks it up.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

IST = timezone(timedelta(hours=5, minutes=30))
OFFICE_DAYS = range(0, 6)  # Monday to Saturday
OFFICE_HOURS = (10, 18)


def within_office_hours(moment: datetime) -> bool:
    return moment.weekday() in OFFICE_DAYS and OFFICE_HOURS[0] <= moment.hour < OFFICE_HOURS[1]


class ActionRequestHuman(Action):
    def name(self) -> Text:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        now = datetime.now(IST)
        if tracker.get_slot("handoff_requested_at"):
            dispatcher.utter_message(response="utter_handoff_already_requested")
            return []
        response = "utter_handoff_recorded" if within_office_hours(now) else "utter_handoff_recorded_after_hours"
        dispatcher.utter_message(response=response)
        return [SlotSet("handoff_requested_at", now.isoformat(timespec="seconds"))]
