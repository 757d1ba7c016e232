"""Registering a complaint against the real 311 API: the category and its
questions from the 311 server, the place (typed, named first or a pin), the
details, photos, confirmation -> tracking number."""
from __future__ import annotations

import pytest
from complaint_chat import TRACKING_NUMBER, at_confirmation

from actions.complaints.categories import category_meant
from actions.tasks.action import ActionTask
from actions.tasks.state import SKIPPED
from tests.actions.citizen_chat import Chat, asked, keys, message, payloads, texts
from tests.actions.lok_seva.lokseva_server import lokseva_api


@pytest.mark.parametrize("language", ["hi", "en"])
def test_a_confirmed_complaint_gets_its_number_and_department(api, spot, operator, language):
    chat = Chat(language=language)
    at_confirmation(chat, spot, "garbage heap near the temple")
    done = chat.taps("affirm", do="submit")
    number = TRACKING_NUMBER.search(texts(done)).group()
    stored = operator.complaint(number)
    assert stored["service_code"] == "garbage" and stored["description"] == "garbage heap near the temple"
    assert stored["agency_responsible"] in texts(done) or operator.complaint(number, "hi")["agency_responsible"] in texts(done)
    assert chat.task is None


def test_the_opening_message_answers_the_categorys_questions(api):
    chat = Chat()
    chat.says("paani nahi aa raha 3 din se", "register_complaint", complaint_category="water_supply")
    values = chat.task["values"]
    assert values["category"] == "water_supply" and values["days_without_water"] == 3
    assert values["water_problem"] == "no_supply"


def test_the_problem_named_most_fully_is_the_category(api):
    chat = Chat()
    chat.says("कृष्णपुरा छत्री के पास मरी हुई बड़ी गाय पड़ी है", "register_complaint", complaint_category="stray_animals",
              location="कृष्णपुरा छत्री के")
    values = chat.task["values"]
    assert values["category"] == "dead_animal" and values["animal_size"] == "large"
    assert chat.task["context"]["named_place"] == "कृष्णपुरा छत्री"  # offered without its linking word


def test_a_place_the_nlu_read_in_part_is_offered_whole(api):
    chat = Chat()
    chat.says("dead animal lying on the road outside Vijay Nagar police station since morning", "register_complaint",
              complaint_category="dead_animal", location="Vijay")
    assert chat.task["context"]["named_place"] == "Vijay Nagar"


def test_a_category_question_takes_several_options(api):
    chat = Chat()
    chat.says("aawara pashu bahut hain", "register_complaint", complaint_category="stray_animals")
    chat.says("Vijay Nagar scheme 54, C block")
    chat.says("kutte aur gaay dono ghumte h")
    assert sorted(chat.task["values"]["animal_type"]) == ["cattle", "dogs"]


@pytest.mark.parametrize("category, place, correction, corrected", [
    ("streetlight", "Scheme 54, Vijay Nagar, C block", "sorry, the place is Scheme 78 not Scheme 54",
     "Scheme 78, Vijay Nagar, C block"),
    ("water_supply", "खजराना गणेश मंदिर के पीछे गली नंबर 4", "अरे गली नंबर 4 नहीं, गली नंबर 6 है",
     "खजराना गणेश मंदिर के पीछे गली नंबर 6"),  # no word for the place: the words denied find it
    ("garbage", "Khajrana, near Ganesh Mandir gate 2",
     "Sorry, wrong place. It is not Khajrana, it is Scheme 54 Vijay Nagar, the lane behind C21 mall",
     "Scheme 54 Vijay Nagar, the lane behind C21 mall"),  # all of it said instead
])
def test_a_correction_of_a_part_of_the_place_keeps_the_rest(api, category, place, correction, corrected):
    chat = Chat()
    chat.says("complaint", "register_complaint", complaint_category=category)
    chat.says(place)
    replies = chat.says(correction)
    assert chat.task["values"]["location"]["address"] == corrected
    assert "description" not in chat.task["values"] and "tasks.updated" in keys(replies)


@pytest.mark.parametrize("correction, place", [
    ("माफ़ करना, गलत जगह का पिन चला गया। कचरा खजराना गणेश मंदिर के पीछे वाली गली में है", "खजराना गणेश मंदिर"),
    ("sorry wrong pin, the garbage is near Palasia Square, behind the bank", "Palasia Square"),
    ("माफ करना गलत जगह लिख दी, असल में स्नेहलता गंज है, गली नंबर 3, मस्जिद के पास", "स्नेहलता गंज"),
])
def test_a_pin_said_to_be_wrong_is_replaced_by_the_place_typed_after(api, spot, correction, place):
    chat = Chat()
    chat.says("तीन दिन से कचरा गाड़ी नहीं आई", "register_complaint", complaint_category="garbage")
    chat.sends_pin(*spot)
    replies = chat.says(correction)
    location = chat.task["values"]["location"]
    assert place in location["address"] and location.get("lat") is None and "tasks.updated" in keys(replies)


@pytest.mark.parametrize("grumble", ["koi sunta hi nahi yaha, pehle b 2 baar bola tha",
                                     "311 pe 3 baar call kiya, koi phone नहीं उठाता", "jldi kro bhai"])
def test_a_grumble_at_the_place_question_is_heard_and_is_no_place(api, grumble):
    chat = Chat()
    chat.says("kachre ki gadi 4 din se nhi aai", "register_complaint", complaint_category="garbage")
    replies = chat.says(grumble)
    assert "tasks.hurry" in keys(replies) and asked(replies) == "location"
    assert "location" not in chat.task["values"]


def test_a_number_answered_in_the_first_message_is_corrected_later(api):
    chat = Chat()
    chat.says("bhai nal me 3 din se pani nhi aa rha", "register_complaint", complaint_category="water_supply")
    chat.says("Malharganj thane ke piche wali gali")
    replies = chat.says("sorry 3 nhi, 5 din ho gye")
    assert chat.task["values"]["days_without_water"] == 5 and "tasks.updated" in keys(replies)


def test_asked_why_the_place_is_needed_the_bot_says_why(api):
    chat = Chat()
    chat.says("kachra pada hai", "register_complaint", complaint_category="garbage")
    why = chat.says("jagah kyu chahiye?")
    assert "tasks.why_asked.location" in keys(why) and asked(why) == "location"


def test_the_category_is_asked_and_chosen_by_words_or_button(api):
    chat = Chat(language="en")
    first = chat.says("I want to complain", "register_complaint")
    assert asked(first) == "category" and '/inform{"field": "category", "value": "garbage"}' in payloads(first)
    assert asked(chat.says("the street light is not working")) == "location"


def test_a_vague_place_is_refused_and_the_third_time_explained(api):
    chat = Chat(language="en")
    chat.says("garbage complaint", "register_complaint", complaint_category="garbage")
    assert asked(chat.says("here")) == "location" and chat.task["values"].get("location") is None
    helped = chat.says("near my house")
    assert any(r.get("tag") == "help:location" for r in helped) and "/human_handoff" in payloads(helped)


def test_a_place_in_another_city_is_told_where_to_complain(api):
    chat = Chat()
    chat.says("सड़क में बड़ा गड्ढा है", "register_complaint", complaint_category="road_damage")
    refused = chat.says("MP Nagar, Bhopal")
    assert "complaints.texts.outside_city" in keys(refused) and asked(refused) == "location"
    ended = chat.says("मैं भोपाल में रहता हूँ, वहाँ की शिकायत कहाँ करूं?", "check_complaint_status")
    assert keys(ended) == ["complaints.texts.outside_city_ended"] and chat.task is None


def test_waiting_for_the_pin_after_a_vague_place_keeps_the_place_question(api, spot):
    chat = Chat()
    chat.says("gali me kachra pada h", "register_complaint", complaint_category="garbage")
    assert asked(chat.says("ghr ke paas hi h")) == "location"
    waits = chat.says("wait, location bhej raha hu")
    assert "tasks.take_your_time" in keys(waits) and asked(waits) == "location"
    assert asked(chat.sends_pin(*spot)) != "location"


def test_a_pin_in_another_city_counts_as_the_place_asked_again(api):
    chat = Chat()
    chat.says("कचरा नहीं उठा, गली में ढेर लगा है", "register_complaint", complaint_category="garbage")
    refused = chat.sends_pin(23.2330, 77.4343)  # MP Nagar, Bhopal
    assert "complaints.texts.outside_city" in keys(refused) and asked(refused) == "location"
    helped = chat.says("हाँ यहीं की शिकायत है, दर्ज कर दो", "affirm")
    assert any(r.get("tag") == "help:location" for r in helped)  # the third time: explained, with the ways out


def test_a_plea_or_a_question_is_not_taken_as_the_place(api):
    chat = Chat()
    chat.says("nali jam ho gayi h", "register_complaint", complaint_category="drainage")
    plea = chat.says("jaldi karo bhai bahut badbu aa rahi h", "register_complaint")
    assert "tasks.hurry" in keys(plea) and asked(plea) == "location" and "location" not in chat.task["values"]


def test_not_confirming_sends_nothing(api, spot, operator):
    before = operator.count()
    chat = Chat()
    at_confirmation(chat, spot, "तीन दिन से कचरा नहीं उठा")
    assert "tasks.cancelled" in keys(chat.taps("deny", do="cancel")) and operator.count() == before


def drain_complaint_at(step: str, spot) -> Chat:
    """A drain complaint placed by a pin, its optional questions skipped up to `step`."""
    chat = Chat()
    chat.says("नाली जाम है", "register_complaint", complaint_category="drainage")
    replies = chat.sends_pin(*spot)
    while asked(replies) != step:
        replies = chat.taps("inform", do="skip")
    return chat


def test_words_at_the_photo_step_go_to_the_details(api, spot):
    chat = drain_complaint_at("description", spot)
    chat.taps("inform", do="skip")
    kept = chat.says("चैंबर का ढक्कन भी टूटा है, बच्चे गिर सकते हैं")
    assert asked(kept) == "photo" and "ढक्कन" in chat.task["values"]["description"]


def test_a_no_describing_the_problem_at_the_photo_step_is_no_skip(api):
    chat = Chat()
    chat.says("bhaiya 2 din se pani nahi aa rha, shikayat krni h", "register_complaint", complaint_category="water_supply")
    assert asked(chat.says("Sudama Nagar, D sector garden ke paas")) == "photo"
    kept = chat.says("poori gali me pani nahi h, tanker bhi nahi bheja")
    assert asked(kept) == "photo" and "tanker" in chat.task["values"]["description"]


def test_words_at_the_photo_step_after_a_voice_note_go_on_to_the_summary(api, spot):
    chat = drain_complaint_at("description", spot)
    chat.taps("inform", do="skip")
    chat.says("", "voice_note")  # the photo question shown again
    kept = chat.says("naali ka ganda paani ghar me ghus raha h")
    assert asked(kept) == "confirm" and "ghus" in chat.task["values"]["description"]  # not a third time


def test_the_message_that_names_the_category_answers_its_questions_too(api):
    chat = Chat()
    assert asked(chat.says("Hi, I want to register a complaint", "register_complaint")) == "category"
    chat.says("राजवाड़ा के पास खजूरी बाजार में तीन दिन से स्ट्रीट लाइट रात में बंद रहती है, अंधेरा रहता है",
              "register_complaint", complaint_category="streetlight")
    assert chat.task["values"]["light_problem"] == "off_at_night"


def test_an_answer_taken_back_with_the_other_option_told_is_changed(api, spot):
    chat = Chat()
    chat.says("हमारी कॉलोनी में बहुत मच्छर हो गए हैं, फॉगिंग करवानी है", "register_complaint",
              complaint_category="mosquito_fogging")
    assert asked(chat.sends_pin(*spot)) == "stagnant_water"
    chat.says("पास में कहीं रुका हुआ पानी नहीं है")
    assert chat.task["values"]["stagnant_water"] == "no"
    replies = chat.says("अरे माफ़ कीजिए, गलत बोल दिया, पीछे वाले खाली प्लॉट में बारिश का पानी भरा है")
    assert "tasks.updated" in keys(replies) and chat.task["values"]["stagnant_water"] == "yes"
    assert chat.task["values"]["category"] == "mosquito_fogging"  # "पानी" in passing takes back no other answer


def test_an_answer_taken_back_by_naming_it_is_changed_though_not_the_last(api, spot):
    chat = Chat()
    chat.says("Gorakund चौराहे के paas dustbin bhar gaya hai, kachra सड़क par aa raha", "register_complaint",
              complaint_category="garbage")
    chat.sends_pin(*spot)
    assert chat.task["values"]["garbage_type"] == "overflowing_bin"
    chat.says("sorry galti se dustbin bola, asal me वहाँ malba pada hai, kisi ne construction ka debris daal diya")
    assert chat.task["values"]["garbage_type"] == "construction_debris"


def test_a_cancel_word_stops_the_complaint(api, spot):
    chat = Chat()
    chat.says("कचरा पड़ा है", "register_complaint", complaint_category="garbage")
    chat.sends_pin(*spot)
    assert "tasks.cancelled" in keys(chat.says("रद्द करो")) and chat.task is None


def test_not_knowing_an_optional_answer_moves_on(api):
    chat = Chat()
    chat.says("स्ट्रीट लाइट खराब है", "register_complaint", complaint_category="streetlight")
    chat.says("सुदामा नगर, अन्नपूर्णा रोड, गली नंबर 3")
    assert asked(chat.says("पूरी गली अंधेरी है")) == "pole_number"
    assert asked(chat.says("खंभे का नंबर पता नहीं")) not in ("pole_number", "location")
    assert chat.task["values"]["light_problem"] == "off_at_night"


def test_a_category_denied_and_another_named_replaces_it(api):
    chat = Chat()
    chat.says("light ki shikayat karni h", "register_complaint", complaint_category="streetlight")
    chat.says("arre light nahi, kachre ki shikayat hai")
    assert chat.task["values"]["category"] == "garbage" and "location" not in chat.task["values"]


def test_yes_to_the_place_offered_with_a_detail_keeps_both(api):
    chat = Chat()
    chat.says("Palasia me kachra pada hai", "register_complaint", complaint_category="garbage", location="Palasia")
    chat.says("haan ji wahi, Geeta Bhawan chouraha ke paas")
    address = chat.task["values"]["location"]["address"]
    assert address.startswith("Palasia") and "Geeta Bhawan" in address and "haan" not in address


def test_yes_to_the_place_offered_with_the_place_again_keeps_it_once(api):
    chat = Chat(language="en")
    chat.says("Road outside 12 Tilak Path was dug up", "register_complaint", complaint_category="road_damage",
              location="Tilak Path")
    chat.says("yes, that's the place, 12 Tilak Path")
    assert chat.task["values"]["location"]["address"] == "12 Tilak Path"


@pytest.mark.parametrize("text, understood, category", [
    ("road pe kutta mara pada h, kal se badbu aa rahi h", "road_damage", "dead_animal"),  # the road as the place
    # a road around another problem, named first
    ("मल्हारगंज में किसी ने सड़क पर पक्की दीवार बना ली है, आधी सड़क घेर ली, अतिक्रमण है", "encroachment", "encroachment"),
])
def test_a_road_named_around_the_problem_does_not_name_the_category(api, text, understood, category):
    chat = Chat()
    chat.says(text, "register_complaint", complaint_category=understood)
    assert chat.task["values"]["category"] == category


def test_not_knowing_another_questions_answer_leaves_that_one(api):
    chat = Chat(language="en")
    chat.says("The street light near my house is broken", "register_complaint", complaint_category="streetlight")
    assert asked(chat.says("Vijay Nagar, Scheme 54, C block")) == "light_problem"
    assert asked(chat.says("don't know the pole number")) == "light_problem"
    assert "pole_number" in chat.task["values"] and "light_problem" not in chat.task["values"]  # left, and kept open


def test_a_mobile_number_in_the_details_is_masked_before_they_are_public(api):
    chat = Chat()
    chat.says("मेरा नाम सीमा जैन, मोबाइल 9977104682, सुदामा नगर में कचरे का ढेर लगा है", "register_complaint",
              complaint_category="garbage", location="सुदामा नगर")
    details = chat.task["values"]["description"]
    assert "9977104682" not in details and "4682" in details and "कचरे" in details


def test_a_typed_place_must_name_a_place(api):
    chat = Chat()
    chat.says("nal me ganda pani aa rha h", "register_complaint", complaint_category="water_supply")
    refused = chat.says("aap log aake dekh lo na")
    assert "complaints.texts.not_a_place" in keys(refused) and "location" not in chat.task["values"]
    assert asked(chat.says("Khajrana, Ganesh Mandir ke peeche wali gali")) != "location"


def test_a_service_asked_about_mid_complaint_gets_its_details(api, spot, tmp_path, monkeypatch):
    chat = drain_complaint_at("photo", spot)
    with lokseva_api(tmp_path) as lokseva_url:
        monkeypatch.setenv("LOKSEVA_API_URL", lokseva_url)
        answered = chat.says("acha ye batao aay praman patra ke liye kya kya kagaz lagte h?", "service_info",
                             service="income_certificate")
    assert "lok_seva.services.details" in keys(answered) and asked(answered) == "photo"


def test_a_when_question_at_the_photo_step_is_answered_not_kept_as_details(api, spot):
    chat = drain_complaint_at("photo", spot)
    answered = chat.says("kitne din me saaf hoga?", "check_complaint_status")
    assert "complaints.texts.what_follows" in keys(answered) and asked(answered) == "photo"
    assert "saaf" not in (chat.task["values"].get("description") or "")


def test_a_word_the_nlu_took_for_a_place_but_is_none_still_answers_a_question(api):
    chat = Chat(language="en")
    chat.says("No water supply in our colony", "register_complaint", complaint_category="water_supply", location="No")
    assert chat.task["values"]["water_problem"] == "no_supply"


def test_a_word_the_nlu_took_for_a_place_is_offered_only_if_it_names_one(api):
    chat = Chat(language="en")
    first = chat.says("cows sitting in the middle of the road", "register_complaint",
                      complaint_category="stray_animals", location="sitting")
    assert "tasks.offer.location" not in keys(first) and asked(first) == "location"
    chat = Chat(language="en")
    vague = chat.says("There's a huge pothole on our road", "register_complaint", complaint_category="road_damage",
                      location="road")
    assert "tasks.offer.location" not in keys(vague) and asked(vague) == "location"
    chat = Chat(language="en")
    offered = chat.says("garbage near Palasia", "register_complaint", complaint_category="garbage", location="Palasia")
    assert "tasks.offer.location" in keys(offered)


@pytest.mark.parametrize("text, understood, category, answers", [
    ("naali jam h aur ganda pani sadak pe beh rha h", "water_supply", "drainage", {"drainage_problem": "blocked"}),
    ("road pe bde bde gadde ho gye h, gaddo me barish ka pani bhra h", "water_supply", "road_damage",
     {"damage_type": "pothole", "waterlogged": "yes"}),
    ("The street light on the pole outside house 22 has been off at night for a week", "streetlight", "streetlight",
     {"light_problem": "off_at_night"}),
    ("light ka khamba toot ke gir gaya h, taar latak rahe h", "streetlight", "streetlight",
     {"light_problem": "pole_damaged"}),
])
def test_a_loosely_told_problem_finds_its_category_and_answers(api, text, understood, category, answers):
    chat = Chat(language="en")
    chat.says(text, "register_complaint", complaint_category=understood)
    values = chat.task["values"]
    assert values["category"] == category and {name: values.get(name) for name in answers} == answers
    assert "pole_number" not in values  # "pole outside house 22" gives no pole number


@pytest.mark.parametrize("reply", ["pole number nahi dikh raha", "no, no pole number", "nahi, number nahi hai"])
def test_a_pole_number_that_cannot_be_seen_is_left_out(api, reply):
    chat = Chat()
    chat.says("street light band hai", "register_complaint", complaint_category="streetlight")
    assert asked(chat.says("Vijay Nagar, Scheme 54, C block")) == "pole_number"
    replies = chat.says(reply)
    assert asked(replies) != "pole_number" and chat.task["values"]["pole_number"] == SKIPPED
    assert reply not in (chat.task["values"].get("description") or "")  # a no, not details of the problem


def test_a_when_question_about_something_else_mid_complaint_gets_its_answer(api):
    chat = Chat()
    chat.says("मोहल्ले में कचरा पड़ा है", "register_complaint", complaint_category="garbage")
    answered = chat.says("जनसुनवाई कब होती है", "info_jansunwai")
    assert "information.jansunwai" in keys(answered) and asked(answered) == "location"


def test_between_words_that_stand_around_many_problems_the_first_named_wins(api):
    assert category_meant("सड़क पूरी टूट गई है और उसमें बारिश का पानी भरा रहता है", None) == "road_damage"


@pytest.mark.parametrize("text, category", [
    ("Geeta Bhawan के पास road खोद के chhod di, gas pipeline walon ne", "road_damage"),
    ("Malharganj Gorakund chauraha pe ek bhains mari pdi h kal se, bdbu aa rhi h", "dead_animal"),
    ("bhai nal me 3 din se pani nhi aa rha", "water_supply"),  # "nal" (tap) is no "nala" (drain)
    ("gatar ka dhakan tuta pda h, koi b gir skta h", "drainage"),
    ("Overflowing dustbin near our society gate, the smell is terrible", "garbage"),  # "overflowing" fits drains too
    ("chamber overflowing hai gali me", "drainage"),
    ("aawara saand aur gaay Mangal City ke saamne baithe rehte h, 2 logo ko maar chuke", "stray_animals"),  # no "mari"
])
def test_problems_told_in_everyday_words_find_their_category(api, text, category):
    assert category_meant(text, None) == category


def test_a_number_the_nlu_took_for_a_place_still_answers_its_question(api):
    chat = Chat()
    text = "Vijay Nagar scheme 54 me khamba number 45 ki light raat ko band rehti h"
    opening = message(text, "register_complaint", complaint_category="streetlight", location="45")
    opening["entities"][-1].update(start=text.index("45"), end=text.index("45") + 2)
    chat.run(ActionTask(), opening)
    assert chat.task["values"].get("pole_number") == "45"


@pytest.mark.parametrize("said", ["wait, I'll send the exact spot", "ruko location bhej raha hu"])
def test_a_pin_promised_at_the_offered_place_is_waited_for(api, spot, said):
    chat = Chat(language="en")
    chat.says("mosquitoes in Vijay Nagar, send fogging", "register_complaint", complaint_category="mosquito_fogging",
              location="Vijay Nagar")
    waits = chat.says(said)
    assert "tasks.take_your_time" in keys(waits) and asked(waits) == "location"
    assert asked(chat.sends_pin(*spot)) != "location"
    assert chat.task["values"]["location"]["lat"] == spot[0]


def test_a_passed_over_question_is_answered_by_the_details_that_follow(api):
    chat = Chat()
    chat.says("नाली की शिकायत", "register_complaint", complaint_category="drainage")
    assert asked(chat.says("सुदामा नगर, डी सेक्टर, पानी की टंकी के पास")) == "drainage_problem"
    chat.says("छोड़ें")
    assert chat.task["values"]["drainage_problem"] is SKIPPED
    chat.says("नाली पूरी जाम है, गंदा पानी घरों में घुस रहा है")
    assert chat.task["values"]["drainage_problem"] == "blocked"


@pytest.mark.parametrize("answers", [
    [("road puri tuti h, gitti bikhri padi h", "damage_type", "broken_surface")],
    [("gaddha hai", "damage_type", "pothole"), ("pani nhi bhrta wha", "waterlogged", "no")],
])
def test_a_category_question_answered_in_sms_words(api, answers):
    chat = Chat()
    chat.says("sadak kharab hai", "register_complaint", complaint_category="road_damage")
    question = asked(chat.says("Vijay Nagar scheme 54, C21 mall ke piche wali road"))
    for text, field, value in answers:
        assert question == field
        question = asked(chat.says(text))
        assert chat.task["values"][field] == value


@pytest.mark.parametrize("text, intent", [
    ("ruko, bhai ne already 311 pe complaint kar di, rehne do", "info_cm_helpline"),
    ("पड़ोसी ने पहले ही शिकायत कर दी है, छोड़ो", "inform"),
    ("rehne do, nahi chahiye ab", "deny"),
])
def test_done_elsewhere_and_let_go_ends_the_complaint(api, spot, text, intent):
    chat = Chat()
    chat.says("light ka khamba toot ke gir gaya h, taar latak rahe h", "register_complaint",
              complaint_category="streetlight")
    chat.sends_pin(*spot)
    assert "tasks.cancelled" in keys(chat.says(text, intent)) and chat.task is None


@pytest.mark.parametrize("said, registered", [("no more", False), ("aur nahi", False), ("bas", True)])
def test_nothing_more_to_add_at_the_summary_is_no_consent(api, spot, operator, said, registered):
    before = operator.count()
    chat = Chat(language="en")
    at_confirmation(chat, spot, "garbage not picked up for three days")
    chat.says(said)
    assert (operator.count() > before) is registered
    assert registered or chat.task is not None  # still open: the citizen says what is missing, or submits


def test_a_part_saying_not_remembered_passes_the_question_over(api):
    chat = Chat()
    chat.says("हमारे यहाँ नल में गंदा पानी आ रहा है, बदबू भी आती है", "register_complaint",
              complaint_category="water_supply")
    chat.says("राजवाड़ा, कृष्णपुरा छत्री के पास वाली गली", "inform", location="राजवाड़ा")
    while chat.task["asking"] != "days_without_water":
        chat.says("गंदा पानी")  # the problem's option, if it was asked first
    replies = chat.says("कितने दिन से, याद नहीं, काफी दिन हो गए")
    assert chat.task["values"]["days_without_water"] == SKIPPED and asked(replies) != "days_without_water"


def test_an_answer_that_names_the_problem_again_still_answers_the_question(api, spot):
    chat = Chat()
    chat.says("Geeta Bhawan ke paas road पर bada gaddha है", "register_complaint", complaint_category="road_damage")
    chat.sends_pin(*spot)
    while chat.task["asking"] != "waterlogged":
        chat.says("gaddha")  # the damage's kind, if it was asked first
    chat.says("पानी नहीं भरा, सूखा gaddha है")
    assert chat.task["values"]["waterlogged"] == "no"


def test_a_problem_named_in_a_message_read_as_nothing_starts_a_complaint(api):
    chat = Chat()
    replies = chat.run(ActionTask(), message("बड़ा गणपति के पास dogs का jhund है, bachon ke peeche bhaagte hain",
                                             "nlu_fallback", confidence=0.4, complaint_category="stray_animals"))
    assert chat.task["kind"] == "complaint" and chat.task["values"]["category"] == "stray_animals"
    assert asked(replies) in ("location", "animal_type")


@pytest.mark.parametrize("more", ["railway phatak ke paas bda gdda, raat me dikhta nhi",
                                  "the lane floods every evening and two bikes slipped there already"])
def test_more_about_the_problem_under_its_summary_is_added_to_the_details(api, spot, more):
    chat = Chat()
    at_confirmation(chat, spot, "bada gaddha hai sadak par", opening="sadak kharab", category="road_damage")
    replies = chat.says(more)
    assert asked(replies) == "confirm" and more in chat.task["values"]["description"]


def test_a_no_under_the_summary_asks_what_to_change(api, spot):
    chat = Chat()
    at_confirmation(chat, spot, "bada gaddha hai sadak par", opening="sadak kharab", category="road_damage")
    assert "tasks.what_to_change" in keys(chat.says("nahi, jagah galat likhi hai"))


@pytest.mark.parametrize("opening, place, offered", [
    ("pardesipura ke sulabh shauchalay ki complaint krni h", "pardesipura", "pardesipura"),
    ("cows sitting in the road all day", "sitting", None),
])
def test_a_name_the_nlu_read_as_a_place_is_offered_when_used_as_one(api, opening, place, offered):
    chat = Chat()
    chat.says(opening, "register_complaint", complaint_category="public_toilet", location=place)
    assert chat.task["context"].get("named_place") == offered
    if offered:
        chat.says("haan wahi", "affirm")
        assert chat.task["values"]["location"]["address"] == offered


def test_a_request_for_no_person_read_as_one_for_an_officer_offers_the_officer(api):
    chat = Chat()
    chat.says("लाइट बंद है, शिकायत करनी है", "register_complaint", complaint_category="streetlight")
    offered = chat.says("हाँ मुझे भी जोड़ दो", "human_handoff", confidence=0.74)
    assert "tasks.officer_or_continue" in keys(offered) and chat.task is not None
    assert not chat.slots.get("handoff_active")


def test_a_place_the_nlu_missed_in_the_opening_is_offered(api):
    chat = Chat()
    replies = chat.says("Bicholi Mardana main road pe pole no. 112 ka wire toot ke latak raha hai", "register_complaint",
                        complaint_category="streetlight")
    assert chat.task["context"]["named_place"] == "Bicholi Mardana" and "tasks.offer.location" in keys(replies)
    chat.says("haan wahi jagah", "affirm")
    assert chat.task["values"]["location"]["address"] == "Bicholi Mardana"


def test_cancel_said_in_the_middle_of_a_reply_ends_the_complaint(api):
    chat = Chat(language="en")
    chat.says("open manhole near the petrol pump, very dangerous", "register_complaint", complaint_category="drainage")
    replies = chat.says("wait, cancel it. I'll go to the zonal office myself", "deny")
    assert chat.task is None and "tasks.cancelled" in keys(replies)


@pytest.mark.parametrize("yes", ["हाँ यहीं", "haan yahin pe", "yes right here"])
def test_a_yes_here_to_the_place_offered_takes_it_as_offered(api, yes):
    chat = Chat()
    chat.says("Bicholi Mardana main road pe pole ka wire toot ke latak raha hai", "register_complaint",
              complaint_category="streetlight")
    chat.says(yes, "affirm")
    assert chat.task["values"]["location"]["address"] == "Bicholi Mardana"
