"""validate_complaint_form: what each answer means while a complaint is drafted.

Steps: category -> location -> (a likely duplicate: join it or go on) ->
description -> photos -> confirmation. A pin or a photo is taken at any step;
typed text only answers the question asked (text sent instead of a photo, or
written under one, is added to the description). An answer that cannot be used
gets a short explanation and the question again; leaving intents (no, menu,
bye, officer) are not answers, so the form rejects them and rules stop it —
except where "no" has a meaning: no details, no (more) photos, not this
duplicate, do not submit.
"""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.open311 import FeatureUnavailable
from actions.complaints.answers import (latest_intent, media_caption, named_category, pin_location, typed_answer,
                                        typed_location)
from actions.complaints.backend import open311
from actions.complaints.content import category_codes, category_label, text
from jan_seva.complaint_photos import NotAPhoto, PhotoUnavailable, publish_photo
from actions.complaints.views import duplicate_summary
from actions.texts import language_of
from actions.words import means

MIN_ADDRESS_LENGTH = 3
MIN_DESCRIPTION_LENGTH = 5
MAX_DESCRIPTION_LENGTH = 1000
MAX_PHOTOS = 5
REQUESTED = "requested_slot"


def _asked(tracker: Tracker, slot: str) -> bool:
    return tracker.get_slot(REQUESTED) == slot


def _with_detail(tracker: Tracker, detail: str) -> str:
    description = tracker.get_slot("complaint_description")
    return f"{description} — {detail}" if description else detail


def _say(dispatcher: CollectingDispatcher, tracker: Tracker, key: str, **fields: Any) -> None:
    dispatcher.utter_message(text=text(key, language_of(tracker), **fields))


class ValidateComplaintForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_complaint_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        slots = ["complaint_category", "complaint_location"]
        if tracker.get_slot("complaint_duplicate"):
            slots.append("complaint_duplicate_choice")
            if tracker.get_slot("complaint_duplicate_choice") == "join":
                return slots  # nothing more to ask: the citizen joins the existing complaint
        return slots + ["complaint_description", "complaint_photos", "complaint_confirmed"]

    # --- category ----------------------------------------------------------
    async def extract_complaint_category(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                         domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "complaint_category"):
            return {}
        value = named_category(tracker, category_codes())
        if value is None and typed_answer(tracker) is None:
            return {}
        return {"complaint_category": value}

    async def validate_complaint_category(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[Text, Any]:
        if isinstance(value, list):  # several values tagged in one message (Rasa's from_entity)
            value = next((item for item in value if item in category_codes()), None)
        if value not in category_codes():
            _say(dispatcher, tracker, "category_not_understood")
            return {"complaint_category": None}
        return {"complaint_category": value, **await self._likely_duplicate(tracker, value, tracker.get_slot("complaint_location"))}

    # --- location ----------------------------------------------------------
    async def extract_complaint_location(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                         domain: DomainDict) -> Dict[Text, Any]:
        pin = pin_location(tracker.latest_message)
        if pin:
            return {"complaint_location": pin}
        if not _asked(tracker, "complaint_location"):
            return {}
        named = tracker.get_slot("complaint_named_place")
        if named and latest_intent(tracker) == "affirm":  # "yes, at the place I named"
            return {"complaint_location": typed_location(named)}
        typed = typed_answer(tracker)
        return {"complaint_location": typed_location(typed)} if typed else {}

    async def validate_complaint_location(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[Text, Any]:
        if not isinstance(value, dict):
            return {"complaint_location": None}
        if value.get("lat") is None and len(value.get("address") or "") < MIN_ADDRESS_LENGTH:
            _say(dispatcher, tracker, "location_too_short")
            return {"complaint_location": None}
        return {"complaint_location": value, **await self._likely_duplicate(tracker, tracker.get_slot("complaint_category"), value)}

    async def _likely_duplicate(self, tracker: Tracker, category: Optional[str], location: Any) -> Dict[Text, Any]:
        """An open complaint of the category a few metres from the pin, to offer joining it."""
        if category not in category_codes() or not isinstance(location, dict) or location.get("lat") is None:
            return {}
        try:
            nearby = await asyncio.to_thread(open311().nearby_open, location["lat"], location["long"], category, language_of(tracker))
        except (BackendUnavailable, BackendRejected, FeatureUnavailable):
            nearby = []  # no duplicate check rather than no complaint
        return {"complaint_duplicate": duplicate_summary(nearby[0]) if nearby else None, "complaint_duplicate_choice": None}

    # --- a likely duplicate --------------------------------------------------
    async def extract_complaint_duplicate_choice(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                                 domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "complaint_duplicate_choice"):
            return {}
        duplicate = tracker.get_slot("complaint_duplicate") or {}
        named = next(tracker.get_latest_entity_values("complaint_id"), None)
        intent = latest_intent(tracker)
        if intent == "affirm" or (named and named == duplicate.get("service_request_id")):
            return {"complaint_duplicate_choice": "join"}
        if intent == "deny":
            return {"complaint_duplicate_choice": "new"}
        if typed_answer(tracker) is None:
            return {}
        _say(dispatcher, tracker, "please_use_buttons")
        return {"complaint_duplicate_choice": None}

    # --- description ---------------------------------------------------------
    async def extract_complaint_description(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                            domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "complaint_description"):
            return {}
        if means(str(tracker.latest_message.get("text") or ""), "cancel"):
            return {}  # not an answer: the rule for "no" stops the complaint
        if latest_intent(tracker) == "deny":  # "nothing to add": the complaint goes on without details
            category = category_label(tracker.get_slot("complaint_category"), language_of(tracker))
            return {"complaint_description": text("no_description", language_of(tracker), category=category)}
        typed = typed_answer(tracker)
        return {"complaint_description": typed} if typed else {}

    async def validate_complaint_description(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                             domain: DomainDict) -> Dict[Text, Any]:
        description = " ".join(str(value or "").split())
        if len(description) < MIN_DESCRIPTION_LENGTH:
            _say(dispatcher, tracker, "description_too_short")
            return {"complaint_description": None}
        if len(description) > MAX_DESCRIPTION_LENGTH:
            _say(dispatcher, tracker, "description_too_long", limit=MAX_DESCRIPTION_LENGTH)
            return {"complaint_description": None}
        return {"complaint_description": description}

    # --- photos ----------------------------------------------------------------
    async def extract_complaint_photos(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                       domain: DomainDict) -> Dict[Text, Any]:
        photos = tracker.get_slot("complaint_photos")
        intent = latest_intent(tracker)
        if intent == "share_media":
            taken = {"complaint_photos": await self._with_new_photo(dispatcher, tracker, photos)}
            caption = media_caption(tracker.latest_message)
            if caption and taken["complaint_photos"] != photos:  # the words under a photo describe the problem
                taken["complaint_description"] = _with_detail(tracker, caption)
            return taken
        if intent == "share_media_rejected":
            _say(dispatcher, tracker, "photo_only")
            return {"complaint_photos": photos}  # an answer all the same: the question is asked again
        if not _asked(tracker, "complaint_photos"):
            return {}
        if intent == "deny":
            return {"complaint_photos": photos or []}  # no (more) photos
        typed = typed_answer(tracker)
        if typed is None:
            return {}
        # Text instead of a photo: more about the problem, kept with the description, not dropped.
        return {"complaint_photos": photos or [], "complaint_description": _with_detail(tracker, typed)}

    async def _with_new_photo(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                              photos: Optional[List[str]]) -> Optional[List[str]]:
        """The photos with the one just sent; unchanged (and told why) when it cannot be used."""
        if len(photos or []) >= MAX_PHOTOS:
            _say(dispatcher, tracker, "photo_limit", limit=MAX_PHOTOS)
            return photos
        try:
            if next(tracker.get_latest_entity_values("media_type"), None) != "image":
                raise NotAPhoto()
            url = await asyncio.to_thread(publish_photo, str(next(tracker.get_latest_entity_values("file_id"), "")))
        except NotAPhoto:
            _say(dispatcher, tracker, "photo_only")
            return photos
        except (PhotoUnavailable, OSError):
            _say(dispatcher, tracker, "photo_unavailable")
            return photos
        photos = (photos or []) + [url]
        _say(dispatcher, tracker, "photo_received", count=len(photos))
        return photos

    # --- confirmation ------------------------------------------------------------
    async def extract_complaint_confirmed(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> Dict[Text, Any]:
        if not _asked(tracker, "complaint_confirmed"):
            return {}
        intent = latest_intent(tracker)
        if intent in ("affirm", "deny"):
            return {"complaint_confirmed": intent == "affirm"}
        if typed_answer(tracker) is None:
            return {}
        _say(dispatcher, tracker, "please_use_buttons")
        return {"complaint_confirmed": None}
