"""A civic complaint for the city's 311 system: the category (from Open311's
service list), the place (a pin or typed words; a place named in the first
message is offered with one tap), whether to join a likely duplicate nearby,
the category's own questions (its Open311 service definition), details,
photos, a summary to confirm.

A pin becomes a ward and a readable place (the 311 system's extras); a place
in another city is not registered here: the citizen is told where to complain
instead. Joining a duplicate needs no more questions.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple

from actions.clients.errors import BackendRejected
from actions.clients.open311 import FeatureUnavailable
from actions.complaints.backend import open311
from actions.complaints.categories import categories, category_code, category_meant, questions
from actions.complaints.citizen import phone_of
from actions.complaints.delivery import deliver
from actions.complaints.operations import create_payload, update_payload
from actions.complaints.photos import published
from actions.complaints.places import other_city_in
from actions.complaints.telling import remember as remember_number
from actions.complaints.telling import tell
from actions.complaints.views import duplicate_params, duplicate_summary
from actions.tasks.asking import MAX_ASKS_IN_A_ROW, button, shown_in_a_row
from actions.tasks.fields import CHOICE, CONFIRM, LOCATION, PHOTOS, TEXT, Choice, Field, designers_aliases
from actions.tasks.kinds.base import TaskKind
from actions.tasks.message import MAX_ADDRESS_LENGTH, Message
from actions.tasks.reading import (
    is_question,
    meaningful,
    names_a_place,
    place_in,
    strip_links,
    used_as_a_place,
    vague_place,
    whole_place,
)
from actions.tasks.state import SKIPPED, Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid
from actions.texts import entry, pick
from common.backend_call import BackendUnavailable
from common.masking import mask_for_log, mask_id
from common.words import after_leading, leads_with, mentions, without_words

log = logging.getLogger(__name__)

MIN_ADDRESS_LENGTH = 3
MIN_DESCRIPTION_WORDS = 5
MAX_DESCRIPTION_LENGTH = 1000
MAX_PHOTOS = 5
JOIN, NEW = "join", "new"


def _texts(key: str) -> Dict[str, str]:
    return dict(entry("complaints", f"texts.{key}"))


def _category_field() -> Field:
    return Field("category", CHOICE, {"hi": "समस्या", "en": "Problem"}, _texts("ask_category"),
                 choices=tuple(categories()))


LOCATION_FIELD = Field("location", LOCATION, {"hi": "जगह", "en": "Place"}, _texts("ask_location"),
                       max_length=MAX_ADDRESS_LENGTH)
DUPLICATE_FIELD = Field("duplicate", CHOICE, {"hi": "पहले से दर्ज शिकायत", "en": "Complaint already registered"},
                        _texts("please_use_buttons"),
                        choices=(Choice(JOIN, {"hi": "इसमें जुड़ें", "en": "Join it"}, designers_aliases("duplicate", JOIN)),
                                 Choice(NEW, {"hi": "नई शिकायत", "en": "New complaint"}, designers_aliases("duplicate", NEW))))
DESCRIPTION_FIELD = Field("description", TEXT, {"hi": "विवरण", "en": "Details"}, _texts("ask_description"),
                          required=False, max_length=MAX_DESCRIPTION_LENGTH)
PHOTOS_FIELD = Field("photo", PHOTOS, {"hi": "फ़ोटो", "en": "Photos"}, _texts("ask_photo"), required=False)


def _place_read(message: Message, entity: Dict[str, Any]) -> str:
    """The place the NLU read, with the rest of its name ("Vijay" of "Vijay Nagar police station")."""
    start, end = entity.get("start"), entity.get("end")
    if isinstance(start, int) and isinstance(end, int) and message.text[start:end]:
        return whole_place(message.text, start, end)
    return str(entity.get("value") or "")


def _place_text(location: Dict[str, Any], talk: Talk) -> str:
    if location.get("address"):
        return str(location["address"])
    if location.get("place"):
        return str(location["place"])
    return talk.text("complaints.texts.pin_without_name", lat=f"{location['lat']:.5f}", long=f"{location['long']:.5f}")


def _place_by_shape(text: str) -> Optional[str]:
    """A place the NLU missed, found by its shape (reading.place_in), unless vague or no place ("Nagar nigam")."""
    found = place_in(text)
    return found if found and not vague_place(found) and meaningful(without_words(found, "not_places")) else None


def _describe(task: Task, words: str) -> None:
    """Adds the citizen's words to the complaint's details. The details are public on the 311 server, so a
    mobile or Aadhaar number said with them is masked ("मेरा नाम सीमा, मोबाइल 9977…")."""
    before = task.values.get("description") or ""
    words = mask_for_log(words)
    task.values["description"] = (f"{before} — {words}" if before else words)[:MAX_DESCRIPTION_LENGTH]


class ComplaintKind(TaskKind):
    name = "complaint"
    entity_fields = {"complaint_category": "category"}
    what_follows = "complaints.texts.what_follows"
    photo_invite = "complaints.texts.send_photo_now"
    # "paani nahi aa raha 3 din se": the problem's words answer its questions too; the place is offered instead.
    opening_entities = ("service", "location", "scheme")

    def start(self, talk: Talk, task: Task) -> None:
        message = talk.message
        understood = next((code for code in (category_code(str(value))
                                             for value in message.entity_values("complaint_category")) if code), None)
        # "कृष्णपुरा छत्री के पास": the NLU's span may keep a linking word at its edge, or miss the end of a name
        named = next((place for place in (strip_links(_place_read(message, entity)) for entity in message.entities
                                          if entity.get("entity") == "location") if place), None)
        if named and (vague_place(named) or not (names_a_place(named) or used_as_a_place(message.text, named)
                                                 or self._ward_named(talk, named))):
            named = None  # "cows sitting in the road", "on our road": the NLU's "sitting", "road" is no place to offer
        named = named or _place_by_shape(message.typed)  # "Bicholi Mardana main road pe …": the NLU missed it
        words = message.typed_without(*(("location",) if named else ())) or message.caption or ""  # a caption too
        code = category_meant(words, understood)
        if code:
            task.values["category"] = code
        # a photo's caption reaches no NLU: "Mhow Naka chauraha pe chamber khula h" names its place by shape
        named = named or self._ward_named(talk, message.caption) or _place_by_shape(message.caption or "")
        if named:
            task.context["named_place"] = named
        typed = message.typed
        if task.answered("category") and len(typed.split()) >= MIN_DESCRIPTION_WORDS:
            _describe(task, typed)  # the first message describes the problem
        if "category" in task.values:
            self._category_chosen(task, task.values["category"])
        if message.file_id and message.media_type == "image" and self._add_photo(talk, task, message):
            # the photo that started the complaint answers the photo step, like any photo sent before it
            task.values[PHOTOS_FIELD.name] = self.files_value(task)

    # --- fields ---------------------------------------------------------------
    def fields(self, talk: Talk, task: Task) -> List[Field]:
        fields = [_category_field(), LOCATION_FIELD]
        if task.context.get("duplicate"):
            fields.append(DUPLICATE_FIELD)
            if task.values.get("duplicate") == JOIN:
                return fields
        fields += [Field.from_dict(spec) for spec in task.context.get("questions", [])]
        return fields + [DESCRIPTION_FIELD, PHOTOS_FIELD]

    def questions_pending(self, task: Task) -> bool:
        return "questions" not in task.context  # a category's questions come with the category

    def confirms(self, task: Task) -> bool:
        return task.values.get("duplicate") != JOIN

    def canonical(self, talk: Talk, task: Task, spec: Field, value: Any) -> Any:
        if spec.name == "category":
            return category_code(str(value)) or value
        if spec.name == "description" and isinstance(value, str):
            return mask_for_log(value)[:MAX_DESCRIPTION_LENGTH]
        if spec.name == "location" and isinstance(value, str):
            if leads_with(value, "yes"):  # "हाँ वहीं, मंदिर के पीछे": the place, not the yes
                value = after_leading(value, "yes", "same_place") or value
            return {"address": value[:MAX_ADDRESS_LENGTH], "lat": None, "long": None}
        return value

    def accept(self, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
        if spec.name == "category":
            known = [choice.value for choice in categories()]
            if known and value not in known:  # unknown while the 311 server is away: kept as the NLU read it
                return Invalid("choice", key="complaints.texts.category_not_understood")
            self._category_chosen(task, value)
            self._look_for_duplicate(talk, task, value, task.values.get("location"))
        if spec.name == "location":
            refusal = self._place(talk, task, value)
            if refusal is not None:
                return refusal
            self._look_for_duplicate(talk, task, task.values.get("category"), value)
        return None

    def _category_chosen(self, task: Task, code: str) -> None:
        if task.context.get("category") == code:
            return
        for spec in task.context.get("questions", []):
            task.values.pop(spec["name"], None)  # the old category's answers
        task.context["category"] = code
        try:
            task.context["questions"] = [spec.to_dict() for spec in questions(code)]
        except (BackendUnavailable, BackendRejected):
            task.context["questions"] = []  # a complaint without the category's extra questions rather than none

    @staticmethod
    def _ward_named(talk: Talk, words: Optional[str]) -> Optional[str]:
        """The ward a text names, as the 311 server knows it ("खजराना गणेश मंदिर के पास …" -> Khajrana)."""
        if not words:
            return None
        try:
            ward = open311().locate(None, None, words, talk.language).get("ward")
        except (BackendUnavailable, BackendRejected, FeatureUnavailable):
            return None
        return ward.get("name") if ward else None

    def _place(self, talk: Talk, task: Task, location: Dict[str, Any]) -> Optional[Invalid]:
        """A place in the city: a readable name and ward for a pin; another city is refused with where to go."""
        typed = location.get("address") or ""
        if location.get("lat") is None and (len(typed) < MIN_ADDRESS_LENGTH or vague_place(typed)):
            return Invalid("short", key="complaints.texts.location_too_short")
        other = other_city_in(location.get("address") or "")
        if other is not None:
            task.context["outside"] = pick(other["name"], talk.language)
            return Invalid("outside", {"place": pick(other["name"], talk.language),
                                       "elsewhere": talk.text("other_cities.elsewhere", city=pick(other["name"], talk.language))},
                           key="complaints.texts.outside_city")
        try:
            found = open311().locate(location.get("lat"), location.get("long"), location.get("address"), talk.language)
        except (BackendUnavailable, BackendRejected, FeatureUnavailable):
            return None  # a plain GeoReport server: the place as given
        # a place named in the opening and confirmed by the citizen ("pardesipura ke …", "haan wahi") stands
        if not found.get("ward") and location.get("lat") is None and not names_a_place(typed) \
                and typed != task.context.get("named_place"):
            return Invalid("not_a_place", key="complaints.texts.not_a_place")
        if found.get("inside") is False:
            task.context["outside"] = location.get("address") or "📍"
            return Invalid("outside", {"place": location.get("address") or "📍",
                                       "elsewhere": talk.text("other_cities.elsewhere_unknown")},
                           key="complaints.texts.outside_city")
        if found.get("place") and not location.get("address"):
            location["place"] = found["place"]
        if found.get("ward"):
            location["ward"] = found["ward"]
        return None

    def _look_for_duplicate(self, talk: Talk, task: Task, category: Optional[str], location: Any) -> None:
        """An open complaint of the category a few metres from the pin, or at the address typed, to offer
        joining it."""
        task.context.pop("duplicate", None)
        task.values.pop("duplicate", None)  # "sorry, wrong pin, it is in Sudama Nagar": the old one no longer applies
        if not category or not isinstance(location, dict) or (location.get("lat") is None and not location.get("address")):
            return
        try:
            if location.get("lat") is not None:
                nearby = open311().nearby_open(location["lat"], location["long"], category, talk.language)
            else:
                nearby = open311().same_place_open(location["address"], category, talk.language)
        except (BackendUnavailable, BackendRejected, FeatureUnavailable):
            nearby = []  # no duplicate check rather than no complaint
        task.context["duplicate"] = duplicate_summary(nearby[0]) if nearby else None

    def reopen(self, talk: Talk, task: Task, spec: Field) -> None:
        if spec.name == "category":
            task.context.pop("category", None)

    # --- asking -----------------------------------------------------------------
    def naming_entities(self, task: Task) -> Tuple[str, ...]:
        """The place only when it is one: "No water supply" keeps the "No" the NLU took for a place."""
        if task.context.get("named_place"):
            return self.opening_entities
        return tuple(entity for entity in self.opening_entities if entity != "location")

    def offer(self, talk: Talk, task: Task, spec: Field) -> Optional[Tuple[Any, str]]:
        named = task.context.get("named_place")
        if spec.name == "location" and named:
            return {"address": named, "lat": None, "long": None}, named
        return None

    def ask_specially(self, talk: Talk, task: Task, spec: Field) -> bool:
        if spec.name == "location":
            question = spec.text(talk.language)
            talk.dispatcher.utter_message(json_message={"whatsapp": {"type": "location_request", "text": question}},
                                          key="complaints.texts.ask_location", tag="ask:location")
            return True
        if spec.name == "duplicate":
            measured = task.context["duplicate"].get("distance_m") is not None  # a pin; else the same address typed
            talk.say(f"complaints.texts.{'duplicate_found' if measured else 'duplicate_at_place'}", tag="ask:duplicate", buttons=[
                {"title": talk.text("complaints.titles.join"), "payload": talk.payload("inform", field="duplicate", value=JOIN)},
                {"title": talk.text("complaints.titles.new"), "payload": talk.payload("inform", field="duplicate", value=NEW)},
            ], **self._duplicate_params(talk, task))
            return True
        if spec.name == PHOTOS_FIELD.name and task.files:
            talk.say("complaints.texts.photos_more", count=len(task.files), tag=f"ask:{PHOTOS_FIELD.name}",
                     buttons=[button(talk, "tasks.buttons.done", "inform", do="done")])
            return True
        if spec.name == PHOTOS_FIELD.name:
            talk.say("complaints.texts.ask_photo", tag=f"ask:{PHOTOS_FIELD.name}", buttons=[
                {"title": talk.text("complaints.titles.no_photo"), "payload": talk.payload("inform", do="skip")}])
            return True
        return False

    @staticmethod
    def _duplicate_params(talk: Talk, task: Task) -> Dict[str, Any]:
        return duplicate_params(task.context["duplicate"], talk.language, datetime.now(timezone.utc))

    def explain_unmatched(self, talk: Talk, task: Task, asked: Optional[Field], why: Optional[Invalid] = None) -> bool:
        """"When will they fix it?" while offered to join a complaint nearby: that complaint's status.
        "I live in Dewas, where do I complain?" after a place outside the city: where, and the complaint ends."""
        typed = talk.message.typed
        if why is None and asked is not None and asked.name == "location" and task.context.get("outside") \
                and (mentions(typed, "question_words") or typed.endswith("?") or other_city_in(typed)):
            talk.say("complaints.texts.outside_city_ended", place=task.context["outside"],
                     elsewhere=talk.text("other_cities.elsewhere_unknown"))
            from actions.tasks.turn import Ended
            raise Ended()
        duplicate = task.context.get("duplicate")
        if asked is None or asked.name != "duplicate" or not duplicate or not mentions(talk.message.typed, "when_words"):
            return False
        from actions.complaints.status import show_complaint
        show_complaint(talk, duplicate["service_request_id"])
        return True

    def keep_unmatched(self, talk: Talk, task: Task, asked: Field) -> bool:
        """Words that answer none of the category's optional questions still describe the problem:
        kept with the details, and that question is left. At a question of options that must be answered
        ("join the complaint already there?") or under the summary, a description of the problem is kept and
        the question stays."""
        typed = talk.message.typed
        if asked.kind == CONFIRM and len(typed.split()) >= MIN_DESCRIPTION_WORDS and not is_question(typed):
            _describe(task, typed)  # more about the problem under its summary: added to the details shown
            talk.say("tasks.noted", fields=pick(DESCRIPTION_FIELD.label, talk.language))
            return True
        if asked.required and asked.kind == CHOICE and len(typed.split()) >= MIN_DESCRIPTION_WORDS \
                and not is_question(typed):
            _describe(task, typed)  # "naali ka ganda paani ghar me ghus raha h": told, not lost
            talk.say("tasks.noted", fields=pick(DESCRIPTION_FIELD.label, talk.language))
            if shown_in_a_row(task, asked.name) >= MAX_ASKS_IN_A_ROW:
                task.times_asked = MAX_ASKS_IN_A_ROW  # not a third time as asked: explained, with the ways out
            return True
        if asked.required or asked.kind == LOCATION or not typed or len(typed.split()) < 2 \
                or any(talk.message.says(key) for key in ("yes", "no", "skip", "done")):
            return False
        if typed.endswith("?") or mentions(typed, "question_words"):
            if mentions(typed, "when_words"):  # "kitne din me saaf hoga?" at the photo step: not a detail
                talk.say(self.what_follows)
                return True
            return False
        _describe(task, typed)
        if asked.name == PHOTOS_FIELD.name:  # words at the photo step: kept, and the photo still welcome
            talk.say("tasks.noted", fields=pick(DESCRIPTION_FIELD.label, talk.language))
            if shown_in_a_row(task, asked.name) >= MAX_ASKS_IN_A_ROW:
                task.values[asked.name] = self.files_value(task)  # not a third time: the summary, a photo still welcome
        elif asked.name != "description":
            task.values[asked.name] = SKIPPED
        return True

    # --- photos and pins -----------------------------------------------------------
    def take_shared_before(self, talk: Talk, task: Task, shared: List[Message]) -> None:
        for message in shared:
            if message.pin and self.accept(talk, task, LOCATION_FIELD, message.pin) is None:
                task.values["location"] = message.pin
            elif message.file_id and message.media_type == "image":
                self._add_photo(talk, task, message)

    def take_file_or_pin(self, talk: Talk, task: Task, asked: Optional[Field]) -> None:
        message = talk.message
        if message.pin:
            from actions.tasks.turn import take
            refusal = take(self, talk, task, LOCATION_FIELD, message.pin)
            if refusal is not None:
                talk.say(refusal.text_key, **refusal.params)
            return
        if message.intent == "share_media_rejected" or message.media_type != "image":
            talk.say("complaints.texts.photo_only")
            return
        if len(task.files) >= MAX_PHOTOS:
            talk.say("complaints.texts.photo_limit", limit=MAX_PHOTOS)
            return
        if self._add_photo(talk, task, message) and (asked is None or asked.kind != PHOTOS):
            talk.say("complaints.texts.photo_received", count=len(task.files))  # at the photo step, it asks for more
            # a photo sent before its step answers it: the step is not asked later (more are still welcome)
            task.values[PHOTOS_FIELD.name] = self.files_value(task)

    def _add_photo(self, talk: Talk, task: Task, message: Message) -> bool:
        """Publishes the photo for the 311 system (media_url); its caption joins the details."""
        url = published(talk, message)
        if url is None:
            return False
        task.files.append({"url": url})
        caption = message.caption
        if caption:  # the words under a photo describe the problem
            _describe(task, caption)
        return True

    def files_value(self, task: Task) -> Any:
        return [photo["url"] for photo in task.files]

    # --- summary and submission ------------------------------------------------------
    def summary(self, talk: Talk, task: Task) -> str:
        fields = {spec.name: spec for spec in self.fields(talk, task)}
        category = fields["category"].choice(task.values["category"])
        extra = [self.summary_line(talk, spec, task.values[spec.name])
                 for spec in fields.values()
                 if spec.name not in ("category", "location", "duplicate", "description", PHOTOS_FIELD.name)
                 and spec.kind != CONFIRM and task.values.get(spec.name) is not SKIPPED and spec.name in task.values]
        return talk.text(
            "complaints.texts.summary",
            category=pick(category.label, talk.language) if category else task.values["category"],
            place=_place_text(task.values["location"], talk),
            description=task.values.get("description") or "-",
            photos=len(task.files) if task.files else talk.text("complaints.texts.no_photos"),
        ) + ("\n" + "\n".join(extra) if extra else "")

    def submit(self, talk: Talk, task: Task) -> None:
        phone = phone_of(talk.sender_id)
        duplicate = task.context.get("duplicate") or {}
        if task.values.get("duplicate") == JOIN and duplicate.get("service_request_id"):
            payload = update_payload("join", duplicate["service_request_id"], phone, talk.language)
        else:
            attributes = {spec["name"]: task.values[spec["name"]] for spec in task.context.get("questions", [])
                          if task.values.get(spec["name"]) not in (None, SKIPPED)}
            category = task.values["category"]
            description = task.values.get("description") or talk.text(
                "complaints.texts.no_description", category=pick(_category_field().choice(category).label, talk.language)
                if _category_field().choice(category) else category)
            payload = create_payload(category, task.values["location"], description, self.files_value(task), phone,
                                     talk.language, datetime.now(timezone.utc), attributes)
        outcome = deliver(talk.sender_id, talk.language, payload, task.key)
        tell(talk, outcome, payload["operation"])
        talk.events.extend(remember_number(talk.tracker, outcome))
        log.info("complaint task of %s ended with %s", mask_id(talk.sender_id), outcome.delivery.value)
