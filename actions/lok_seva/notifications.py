"""Tells the citizen about a submission the outbox worker settled later:
the worker triggers EXTERNAL_<kind>_submitted (entities: the result) or
EXTERNAL_<kind>_failed (entities: error_code, message_hi, message_en)."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.lok_seva.announcements import ANNOUNCERS, announce, announce_failure
from actions.lok_seva.submission import utter_all
from actions.texts import language_of

_EXTERNAL_INTENT = re.compile(r"EXTERNAL_(?P<kind>\w+)_(?P<outcome>submitted|failed)")


class ActionAnnounceSubmission(Action):
    def name(self) -> Text:
        return "action_announce_submission"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        match = _EXTERNAL_INTENT.fullmatch(intent)
        if match is None or match.group("kind") not in ANNOUNCERS:
            return []
        values = {item["entity"]: item["value"] for item in tracker.latest_message.get("entities") or []}
        language = language_of(tracker)
        if match.group("outcome") == "submitted":
            utter_all(dispatcher, announce(match.group("kind"), values, language))
        else:
            utter_all(dispatcher, announce_failure(match.group("kind"), values, language))
        return []
