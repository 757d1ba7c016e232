"""Registering a complaint against the real 311 API: category, place, details,
photo step, confirmation -> tracking number, department, expected time."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from complaint_chat import TRACKING_NUMBER, Chat, Rejected, draft_until_confirmation, payload, payloads, pin, texts

from actions.complaints.content import category_codes
from actions.complaints.flow import ActionSubmitComplaint
from actions.complaints.form import ValidateComplaintForm
from actions.complaints.when import spoken_datetime


@pytest.mark.parametrize("language", ["hi", "en"])
def test_a_confirmed_complaint_gets_its_number_department_and_expected_time(api, spot, operator, language):
    chat = Chat(sender_id="919800000001", language=language)
    summary = draft_until_confirmation(chat, spot, "तीन दिन से कचरा नहीं उठा")
    assert "तीन दिन से कचरा नहीं उठा" in summary and "Rajwada, Indore" in summary

    chat.taps(payload("affirm"))
    assert chat.form_turn() == [] and chat.active_loop is None
    answer = texts(chat.run(ActionSubmitComplaint()))

    number = TRACKING_NUMBER.search(answer).group()
    stored = operator.complaint(number, locale=language)
    assert stored["service_code"] == "garbage" and stored["description"] == "तीन दिन से कचरा नहीं उठा"
    assert (stored["lat"], stored["long"]) == spot
    assert stored["agency_responsible"] in answer
    assert spoken_datetime(stored["expected_datetime"], language, datetime.now(timezone.utc)) in answer
    assert ("शिकायत क्रमांक" in answer) == (language == "hi")
    assert chat.slots["complaint_category"] is None  # the draft is cleared
    assert chat.slots["my_complaint_ids"] == [number]


def test_an_opening_message_that_describes_the_problem_is_its_description(api):
    chat = Chat(language="hi")
    chat.says("light band hai Sudama Nagar me", "register_complaint",
              {"complaint_category": "streetlight", "location": "Sudama Nagar"})
    asked = chat.start_complaint()
    assert chat.slots["complaint_description"] == "light band hai Sudama Nagar me"
    assert chat.slots["requested_slot"] == "complaint_location"  # the colony is offered, not taken
    assert "*Sudama Nagar*" in texts(asked) and payloads(asked) == ["/affirm"]


@pytest.mark.parametrize("answer, place", [
    (payload("affirm"), {"address": "Sudama Nagar", "lat": None, "long": None}),
    (pin((22.7186, 75.8553), "Sudama Nagar Gate 2"), {"address": "Sudama Nagar Gate 2", "lat": 22.7186, "long": 75.8553}),
    ({"text": "gali no 4, Sudama Nagar", "intent": "inform", "entities": {}},
     {"address": "gali no 4, Sudama Nagar", "lat": None, "long": None}),
])
def test_the_place_named_in_the_opening_message_is_confirmed_or_replaced(api, answer, place):
    chat = Chat(language="en")
    chat.says("street light not working in Sudama Nagar", "register_complaint",
              {"complaint_category": "streetlight", "location": "Sudama Nagar"})
    chat.start_complaint()
    chat.taps(answer)
    chat.form_turn()
    assert chat.slots["complaint_location"] == place and chat.slots["requested_slot"] != "complaint_location"


def test_the_category_can_be_chosen_from_the_list(api):
    chat = Chat(language="en")
    chat.says("I want to complain", "register_complaint")
    asked = chat.start_complaint()
    assert chat.slots["requested_slot"] == "complaint_category"
    assert payloads(asked) == [f'/register_complaint{{"complaint_category": "{code}"}}' for code in category_codes()]
    assert len(payloads(asked)) <= 10

    chat.taps(payload("register_complaint", complaint_category="water_supply"))
    chat.form_turn()
    assert chat.slots["complaint_category"] == "water_supply"
    assert chat.slots["requested_slot"] == "complaint_location"


def test_words_without_a_category_are_asked_again_politely(api):
    chat = Chat(language="hi")
    chat.says("शिकायत करनी है", "register_complaint")
    chat.start_complaint()
    chat.says("पता नहीं क्या लिखूँ", "inform")
    answer = chat.form_turn()
    assert "समस्या का प्रकार नहीं समझ पाया" in texts(answer)
    assert chat.slots["requested_slot"] == "complaint_category" and len(payloads(answer)) == 10


def test_a_typed_address_is_the_place_and_a_too_short_one_is_asked_again(api):
    chat = Chat(language="en", channel="rest")
    chat.says("there is a pothole", "register_complaint", {"complaint_category": "road_damage"})
    asked = chat.start_complaint()
    assert "Where is the problem" in texts(asked)  # as text on channels without a location button
    chat.says("ab", "inform")
    assert "a little more of the address" in texts(chat.form_turn())
    assert chat.slots["requested_slot"] == "complaint_location"
    chat.says("Ward 12,   near Sarafa  bazaar", "inform")
    chat.form_turn()
    assert chat.slots["complaint_location"] == {"address": "Ward 12, near Sarafa bazaar", "lat": None, "long": None}
    assert chat.slots["requested_slot"] == "complaint_description"


def test_on_whatsapp_the_place_is_asked_with_a_location_button(api):
    chat = Chat(language="hi", channel="whatsapp")
    chat.says("नाली चोक है", "register_complaint", {"complaint_category": "drainage"})
    asked = chat.start_complaint()
    assert asked[-1]["custom"]["whatsapp"]["type"] == "location_request"
    assert "लोकेशन" in asked[-1]["custom"]["whatsapp"]["text"]


def test_a_pin_sent_just_before_the_complaint_is_its_place(api, spot):
    chat = Chat(language="hi")
    chat.taps(pin(spot, name=""))  # the "location received, what is the problem?" rule answered it
    chat.says("yahan kachra pada hai", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    assert chat.slots["complaint_location"] == {"address": None, "lat": spot[0], "long": spot[1]}
    assert chat.slots["requested_slot"] == "complaint_description"


@pytest.mark.parametrize("intent", ["deny", "main_menu", "goodbye", "human_handoff", "check_complaint_status"])
def test_leaving_and_side_questions_are_not_taken_as_answers(api, intent):
    chat = Chat(language="hi")
    chat.says("kachra", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.says("nahi rehne do", intent)
    with pytest.raises(Rejected):
        chat.form_turn()


def test_not_confirming_sends_nothing(api, spot, operator):
    chat = Chat(sender_id="919800000002", language="en")
    draft_until_confirmation(chat, spot, "streetlight pole leaning")
    before = operator.count()
    chat.taps(payload("deny"))
    chat.form_turn()
    assert "not submitted" in texts(chat.run(ActionSubmitComplaint()))
    assert operator.count() == before


def test_of_several_tagged_categories_the_known_one_is_taken(api):
    chat = Chat(language="en")
    chat.says("the pipe is leaking", "register_complaint", {"complaint_category": "pipe"})
    chat.latest["entities"].append({"entity": "complaint_category", "value": "water_supply"})
    chat.start_complaint()
    assert chat.slots["complaint_category"] == "water_supply"

    chat.slots["complaint_category"] = None  # Rasa's own mapping may hand over every value
    chat.run(ValidateComplaintForm(), trailing={"complaint_category": ["pipe", "water_supply"]})
    assert chat.slots["complaint_category"] == "water_supply"


def test_text_sent_instead_of_a_photo_is_added_to_the_description(api, spot):
    chat = Chat(language="en")
    chat.says("I want to report garbage in my street", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.taps(pin(spot))
    chat.form_turn()
    assert chat.slots["requested_slot"] == "complaint_photos"  # the opening message described it
    chat.says("It has not been picked up for 4 days and it smells", "inform")
    summary = texts(chat.form_turn())
    assert chat.slots["requested_slot"] == "complaint_confirmed"
    assert "I want to report garbage in my street" in summary
    assert "It has not been picked up for 4 days and it smells" in summary


@pytest.mark.parametrize("language, description", [("hi", "कचरा (विवरण नहीं दिया)"), ("en", "Garbage (no details given)")])
def test_no_at_the_details_question_goes_on_without_details(api, spot, language, description):
    chat = Chat(language=language)
    chat.says("kachra", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.taps(pin(spot)).form_turn()
    assert chat.slots["requested_slot"] == "complaint_description"
    chat.taps(payload("deny")).form_turn()
    assert chat.slots["complaint_description"] == description and chat.slots["requested_slot"] == "complaint_photos"


def test_a_cancel_word_at_the_details_question_stops_the_complaint(api, spot):
    chat = Chat(language="hi")
    chat.says("kachra", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.taps(pin(spot)).form_turn()
    chat.says("रद्द करो", "deny")
    with pytest.raises(Rejected):  # the rule for "no" then stops it
        chat.form_turn()
