"""A citizen asks for a person: open a handoff and say what happens next.

From here until an officer closes it (slot `handoff_active`), the citizen's
messages go to the officers' inbox (jan_seva.policies.handoff_policy and
actions/handoff_relay.py). A form in progress is left: the officer has the
conversation now, and the citizen gets the main menu back at the close.
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_requests import request_key, send_request
from actions.texts import language_of

IST = timezone(timedelta(hours=5, minutes=30))
OFFICE_DAYS = range(0, 6)  # Monday to Saturday
OFFICE_HOURS = (10, 18)


def within_office_hours(moment: datetime) -> bool:
    return moment.weekday() in OFFICE_DAYS and OFFICE_HOURS[0] <= moment.hour < OFFICE_HOURS[1]


def profile_name(tracker: Tracker) -> Optional[str]:
    """The name the citizen gave WhatsApp, if the message came from there."""
    whatsapp = (tracker.latest_message.get("metadata") or {}).get("whatsapp") or {}
    return whatsapp.get("profile_name") or None


class ActionRequestHuman(Action):
    def name(self) -> Text:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        now = datetime.now(IST)
        requested_at = now.isoformat(timespec="seconds")
        payload = {"sender_id": tracker.sender_id, "name": profile_name(tracker),
                   "language": language_of(tracker), "requested_at": requested_at}
        await asyncio.to_thread(send_request, payload, request_key(tracker.sender_id, requested_at))
        response = "utter_handoff_recorded" if within_office_hours(now) else "utter_handoff_recorded_after_hours"
        dispatcher.utter_message(response=response)
        events = [SlotSet("handoff_requested_at", requested_at), SlotSet("handoff_active", True)]
        if tracker.active_loop.get("name"):
            events.insert(0, ActiveLoop(None))
        return events
