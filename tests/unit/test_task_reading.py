"""How one message is read against every question of a task
(actions/tasks/reading.py), with the district catalogue's fields and the
Indore 311 profile's category questions, no backend."""
from __future__ import annotations

from datetime import date

import pytest
import yaml

from actions.tasks.fields import (
    CHOICE,
    NUMBER,
    TEXT,
    Choice,
    Field,
    attribute_max_length,
    attribute_pattern,
    designers_aliases,
    from_catalogue,
)
from actions.tasks.kinds.complaint import DESCRIPTION_FIELD
from actions.tasks.reading import (
    FINISHED,
    corrected_part,
    names_a_place,
    place_in,
    read,
    same_person,
    speaker_is,
    whole_place,
)
from actions.tasks.values import PartChanged
from tests.servers import ROOT

TODAY = date(2026, 12, 6)
APPLICANT = yaml.safe_load((ROOT / "lokseva_api" / "data" / "applicant_fields.yml").read_text(encoding="utf-8"))["fields"]
SERVICES = {service["code"]: service for service in
            yaml.safe_load((ROOT / "profiles" / "jhabua" / "services.yml").read_text(encoding="utf-8"))["services"]}
CATEGORIES = yaml.safe_load((ROOT / "profiles" / "indore" / "complaint_categories.yml").read_text(encoding="utf-8"))
DOCUMENTS = Field("documents", "documents", {"hi": "दस्तावेज़", "en": "Documents"}, {"hi": "", "en": ""}, required=False)


def service_fields(code):
    return [from_catalogue(spec, "applicant." + spec["name"]) for spec in APPLICANT] + \
        [from_catalogue(spec, "answers." + spec["name"]) for spec in SERVICES[code]["fields"]] + [DOCUMENTS]


def category_fields(code):
    fields = []
    for attribute in CATEGORIES["categories"][code].get("attributes", []):
        kind = {"singlevaluelist": CHOICE, "multivaluelist": CHOICE, "number": NUMBER}.get(attribute["datatype"], TEXT)
        choices = tuple(Choice(value, names, designers_aliases(attribute["code"], value))
                        for value, names in (attribute.get("values") or {}).items())
        fields.append(Field(attribute["code"], kind, attribute["description"], attribute["description"],
                            required=False, choices=choices, several=attribute["datatype"] == "multivaluelist",
                            max_length=attribute_max_length(attribute["code"]),
                            pattern=attribute_pattern(attribute["code"])))
    return fields + [DESCRIPTION_FIELD]


def reading(text, code="income_certificate", asked=None):
    fields = service_fields(code)
    return read(text, fields, next((spec for spec in fields if spec.name.endswith(f".{asked}")), None), TODAY)


def complaint_reading(text, category, asked=None):
    fields = category_fields(category)
    return read(text, fields, next((spec for spec in fields if spec.name == asked), None), TODAY)


def test_several_answers_whatever_was_asked():
    found = reading("naam Sapna Dawar, pati Raju Dawar, mazdoori, 55 hajar saal ka", asked="mobile").found
    assert found == {"applicant.name": "Sapna Dawar", "answers.father_or_husband_name": "Raju Dawar",
                     "answers.income_source": "labour", "answers.annual_income": 55000}


def test_a_place_cue_after_a_shaped_answer_starts_its_own_answer():
    found = reading("khasra no 17 in village Gopalpura", "demarcation").found
    assert found == {"answers.khasra_number": "17", "answers.village": "Gopalpura"}


def test_indian_digit_grouping_is_one_amount_and_the_option_beside_it_is_taken():
    found = reading("income 1,20,000 from salary", asked="name").found
    assert found == {"answers.annual_income": 120000, "answers.income_source": "salary"}


def test_a_trailing_cue_takes_the_words_before_it():
    result = reading("janam se yahin, 22 saal", "domicile_certificate", asked="address")
    assert result.found == {"answers.years_of_residence": 22} and result.rest == ""


def test_asked_a_number_the_other_parts_still_answer_their_questions():
    result = reading("I am Manoj Solanki, 9826553019, aadhaar XXXX XXXX 9071, Station Road Meghnagar 457779",
                     "birth_certificate", asked="mobile")
    assert result.asked_value == "9826553019"
    assert result.found == {"applicant.name": "Manoj Solanki", "applicant.aadhaar": "9071",
                            "applicant.pincode": "457779", "applicant.address": "Station Road Meghnagar"}
    assert result.rest == ""  # the place beside the PIN code is the address


def test_a_cue_ending_belongs_to_the_cue():
    assert reading("पिता जी का नाम थावरा गणावा", "caste_certificate", asked="mobile").found == {
        "answers.father_or_husband_name": "थावरा गणावा"}


def test_a_name_is_not_made_of_words_no_name_has():
    result = reading("pitaji ke naam se mere naam", "mutation", asked="mobile")
    assert "applicant.name" not in result.found


def test_an_answer_put_off_is_no_value():
    assert reading("pta bad me btata hu", asked="address").found == {}
    assert reading("purpose baad me bataungi", asked="address").skipped == {"answers.purpose"}  # optional
    assert reading("kal hui thi, ghar pe", "death_certificate", asked="date_of_death").found  # "kal" is a day


def test_a_place_in_a_village_is_one_place():
    found = reading("He passed away on 02-11-2025 at our home in village Rotla", "death_certificate").found
    assert found["answers.place_of_death"] == "our home in village Rotla" and "applicant.address" not in found


def test_a_short_text_value_said_in_a_sentence():
    result = reading("Pitol me khasra 130/1 ka namantaran karwana hai", "mutation", asked="mobile")
    assert result.found["answers.khasra_number"] == "130/1"


def test_a_place_name_before_its_kind_is_kept_with_it():
    assert reading("Civil Hospital Meghnagar", "birth_certificate", asked="address").found == {
        "answers.place_of_birth": "Civil Hospital Meghnagar"}
    assert reading("Thandla ke sarkari aspatal me hua tha", "birth_certificate", asked="place_of_birth").found == {
        "answers.place_of_birth": "Thandla ke sarkari aspatal"}
    assert reading("पेटलावद के अस्पताल में", "death_certificate", asked="place_of_death").found == {
        "answers.place_of_death": "पेटलावद के अस्पताल"}


def test_a_date_of_death_and_a_place_in_one_sentence():
    found = reading("He passed away on 3 March 2025 at home in Gopalpura village", "death_certificate",
                    asked="name").found
    assert found["answers.date_of_death"] == "2025-03-03" and found["answers.place_of_death"] == "home in Gopalpura village"
    assert "applicant.address" not in found  # the home is in the village: one place, the deceased's
    found = reading("20 दिसंबर 2025 को ग्राम करवड़ में घर पर मृत्यु हुई", "death_certificate").found
    assert found["answers.place_of_death"] == "ग्राम करवड़ में घर पर" and "applicant.address" not in found


def test_documents_said_to_come_later_end_the_documents_step():
    found = reading("I don't have the sarpanch letter right now, will send it later", "death_certificate",
                    asked="date_of_death").found
    assert found == {"documents": FINISHED}


def test_a_no_before_a_cue_says_nothing_is_known_only_when_nothing_follows():
    assert reading("padosiyo ke naam nhi pta, skip kr do", "demarcation", asked="neighbour_names").found == {}
    assert reading("nahi nahi naam Sunita Bhuria hai", asked="mobile").found == {"applicant.name": "Sunita Bhuria"}


def test_a_change_word_asks_to_change_or_changes_the_answer():
    assert reading("naam galat hai", asked="mobile").change == "applicant.name"
    assert reading("naam galat hai, Rekha Devi likho", asked="mobile").found == {"applicant.name": "Rekha Devi"}


@pytest.mark.parametrize("text, code, found", [
    ("sorry pin glt likh diya, 457616 nhi 457661 h", "income_certificate", {"applicant.pincode": "457661"}),
    ("papa ka sahi naam Bhuvansingh Katara h", "domicile_certificate",
     {"answers.father_or_husband_name": "Bhuvansingh Katara"}),
    ("the date of birth in the summary is wrong: it is 13-11-2025, not 03-11-2025", "birth_certificate",
     {"answers.date_of_birth": "2025-11-13"}),
])
def test_a_correction_finds_the_right_value(text, code, found):
    assert reading(text, code, asked="documents").found == found


def test_the_words_asking_for_a_change_are_not_part_of_the_new_value():
    [(field, change)] = corrected_part("naam me spelling glt h, Kamla nhi Kamala likho",
                                       [(service_fields("caste_certificate")[0], "Kamla Ninama")], TODAY).items()
    assert field == "applicant.name" and change.applied_to("Kamla Ninama") == "Kamala Ninama"


def test_a_future_date_of_birth_is_refused():
    result = reading("date of birth 12-12-2031", "disability_certificate", asked="mobile")
    assert result.invalid["answers.date_of_birth"].code == "date_in_future"


@pytest.mark.parametrize("text, found", [
    ("paani nahi aa raha 3 din se", {"water_problem": "no_supply", "days_without_water": 3}),
    ("nal me 3 din se pani nhi aa rha", {"water_problem": "no_supply", "days_without_water": 3}),  # SMS spelling
    ("pipeline foot gayi h, pani beh raha h road pe", {"water_problem": "leakage"}),
])
def test_the_opening_words_of_a_complaint_answer_its_questions(text, found):
    assert complaint_reading(text, "water_supply").found == found


def test_a_bare_no_in_a_sentence_answers_no_yes_no_question():
    result = complaint_reading("पाइप डालने के लिए खोदी थी, अब तक ठीक नहीं की", "road_damage", asked="damage_type")
    assert result.asked_value == "dug_up" and "waterlogged" not in result.found
    assert complaint_reading("Water is collected in it", "road_damage").found == {"waterlogged": "yes"}
    assert complaint_reading("बहुत मच्छर हैं, खाली प्लॉट में पानी रुका है", "mosquito_fogging").found == {"stagnant_water": "yes"}
    assert complaint_reading("स्ट्रीट लाइट एक हफ्ते से टिमटिमा रही है", "streetlight").found == {"light_problem": "flickering"}


def test_several_options_of_a_multiple_choice_question():
    assert sorted(complaint_reading("kutte aur gaay dono ghumte h", "stray_animals", asked="animal_type")
                  .asked_value) == ["cattle", "dogs"]
    assert complaint_reading("road pe gaaye baithi rehti h", "stray_animals").found == {"animal_type": ["cattle"]}


@pytest.mark.parametrize("text", ["near my house", "yahan", "मेरे घर के पास", "ghr ke paas hi h", "yahin paas me",
                                  "somewhere near my house", "यहीं इंदौर में, मेरे घर के पास"])
def test_vague_places_are_not_places(text):
    from actions.tasks.reading import vague_place
    assert vague_place(text)


def test_a_named_place_is_a_place():
    from actions.tasks.reading import vague_place
    assert not vague_place("Near Khajrana Ganesh Mandir gate 2")


def test_a_yearly_amount_is_the_income_without_the_word_income():
    assert reading("majdoori, 48000 saal ki", asked="mobile").found == {
        "answers.annual_income": 48000, "answers.income_source": "labour"}


@pytest.mark.parametrize("text", ["कागज़ बाद में", "kagaz baad me", "kagaj bad me", "documents baad me", "documents later"])
def test_documents_later_is_understood_while_another_question_is_asked(text):
    assert reading(text, asked="annual_income").found == {"documents": FINISHED}


def test_short_cues_and_id_names_citizens_write():
    assert reading("मो 9039418257", "caste_certificate", asked="address").found == {"applicant.mobile": "9039418257"}
    assert reading("समग्र आईडी 41736925", "ration_card", asked="mobile").found == {
        "answers.samagra_family_id": 41736925}


def test_a_question_about_a_field_is_no_answer_to_it():
    result = reading("why do you need my aadhaar? is it safe with you?", asked="mobile")
    assert result.found == {} and result.invalid == {}


def test_a_caste_named_on_its_own_answers_the_caste_question_but_not_inside_a_name():
    assert reading("अनुसूचित जनजाति, भिलाला", "caste_certificate", asked="mobile").found == {
        "answers.caste": "भिलाला", "answers.category": "st"}
    assert reading("naam Ramesh Bhil, pita Mangu", "caste_certificate", asked="mobile").found == {
        "applicant.name": "Ramesh Bhil", "answers.father_or_husband_name": "Mangu"}


@pytest.mark.parametrize("text", ["ok register it", "haan darj karo", "जमा करो"])
def test_asking_to_submit_answers_no_free_text_question(text):
    result = complaint_reading(text, "garbage", asked="description")
    assert result.found == {} and result.rest == text


@pytest.mark.parametrize("text, field, value", [
    ("माफ करना आय 60 हजार नहीं 72 हजार है", "answers.annual_income", 72000),
    ("income is 72000 not 60000", "answers.annual_income", 72000),
    ("income not 60000 but 72000", "answers.annual_income", 72000),
    ("pati ka naam Ramesh nahi Suresh hai", "answers.father_or_husband_name", PartChanged("Ramesh", "Suresh")),
    ("father's name is wrong, it should be Ramesh Kumar", "answers.father_or_husband_name", "Ramesh Kumar"),
])
def test_a_correction_keeps_the_new_value(text, field, value):
    assert reading(text, asked="mobile").found[field] == value


def test_a_not_inside_a_sentence_is_no_correction():
    assert complaint_reading("details: pani nahi aata hai", "water_supply").found["description"] == "pani nahi aata"


def test_a_change_with_its_new_value_later_in_the_message_is_that_value():
    result = reading("sorry pin galat likha, 457661 hai", asked="aadhaar")
    assert result.found["applicant.pincode"] == "457661" and result.change is None


def test_a_cue_inside_a_certificates_name_leaves_the_answer_to_a_later_cue():
    found = reading("मेरा नाम सीमा डामोर है, मुझे आय प्रमाण पत्र चाहिए, साल की आय 72000 है, खेती करते हैं").found
    assert found["answers.annual_income"] == 72000 and found["answers.income_source"] == "agriculture"


def test_a_place_named_before_its_kind_at_the_end_of_the_message():
    assert reading("I want demarcation of my field in Gopalpura village", "demarcation").found["answers.village"] \
        .startswith("Gopalpura")


def test_the_pole_number_is_the_number_and_the_rest_describes_the_light():
    found = complaint_reading("khamba number 45 ki light raat ko band rehti h", "streetlight").found
    assert found == {"pole_number": "45", "light_problem": "off_at_night"}


CATEGORY = Field("category", CHOICE, {"hi": "समस्या", "en": "Problem"}, {"hi": "", "en": ""}, choices=(
    Choice("streetlight", {"hi": "स्ट्रीट लाइट", "en": "Street light"}, ("light", "लाइट")),
    Choice("garbage", {"hi": "कचरा", "en": "Garbage"}, ("kachra", "garbage van", "कचरा"))))


@pytest.mark.parametrize("text, meant", [
    ("arre light nahi, kachre ki shikayat hai. gali me kachra pada h", "garbage"),
    ("Oh wait sorry, not the light. The garbage van has not come for 3 days", "garbage"),
    ("light nahi jal rahi, kachra bhi pada hai", "streetlight"),  # denies nothing: the light is named
])
def test_an_option_denied_and_another_named_instead(text, meant):
    assert read(text, [CATEGORY], None, TODAY).found.get("category") == meant


def test_a_name_ends_where_an_option_is_named():
    found = reading("mera naam Pooja Katara husband Vijay Katara salary job hai 1 lakh 20 hazar yearly").found
    assert found == {"applicant.name": "Pooja Katara", "answers.father_or_husband_name": "Vijay Katara",
                     "answers.annual_income": 120000, "answers.income_source": "salary"}


def test_an_option_written_out_wins_over_one_named_word_by_word():
    found = reading("पिता कालू भाबोर अनुसूचित जनजाति भील जाति", "caste_certificate", asked="mobile").found
    assert found["answers.category"] == "st" and found["answers.caste"] == "भील"


def test_the_option_beside_an_amount_asked_for():
    assert reading("saal ki 85000 kheti se", asked="annual_income").found == {"answers.income_source": "agriculture"}


@pytest.mark.parametrize("text", ["पिता जी का जाति प्रमाण पत्र बाद में दूंगी", "aadhaar card baad me bhejungi"])
def test_a_document_named_for_later_is_about_the_documents(text):
    assert reading(text, "caste_certificate", asked="category").found == {"documents": FINISHED}


def test_documents_promised_later_take_the_whole_part_of_the_message():
    result = reading("I'll bring the khasra copy later", "demarcation", asked="neighbour_names")
    assert result.found == {"documents": FINISHED} and result.rest == ""


def test_a_romanized_linking_word_after_a_name_is_dropped():
    found = reading("purane malik Kalu Singh Meda the", "mutation", asked="name").found
    assert found == {"answers.previous_owner_name": "Kalu Singh Meda"}


@pytest.mark.parametrize("text", ["नहीं है फोटो", "photo nahi hai", "no photo"])
def test_no_photo_said_either_way_round(text):
    from actions.tasks.kinds.complaint import PHOTOS_FIELD
    assert read(text, [PHOTOS_FIELD, DESCRIPTION_FIELD], DESCRIPTION_FIELD, TODAY).found == {PHOTOS_FIELD.name: FINISHED}


@pytest.mark.parametrize("text, meant", [("पानी नहीं भरा", "no"), ("pani nahi bhara", "no"), ("haan pani bhara hai", "yes")])
def test_a_yes_statement_denied_is_a_no(text, meant):
    assert complaint_reading(text, "road_damage", asked="waterlogged").asked_value == meant


def test_a_village_word_inside_an_address_stays_in_the_address():
    found = reading("Address: Karwad village, Jhabua, 457661", "demarcation", asked="address").found
    assert found == {"applicant.address": "Karwad village, Jhabua", "applicant.pincode": "457661"}


@pytest.mark.parametrize("text", ["मोबाइल 9399217046, आधार के आखिरी 4 अंक 3381", "mob 9399217046 aadhar last 4 3381",
                                  "Mobile 9399217046, Aadhaar ends with 3381"])
def test_the_four_of_last_four_digits_is_part_of_the_cue(text):
    found = reading(text, asked="mobile").found
    assert found == {"applicant.mobile": "9399217046", "applicant.aadhaar": "3381"}


@pytest.mark.parametrize("text, amount", [("करीब डेढ़ लाख", 150000), ("sawa lakh", 125000), ("साढ़े तीन लाख", 350000),
                                          ("paune do lakh", 175000), ("ढाई लाख", 250000), ("महीने के 12 हजार", 144000),
                                          ("15000 monthly", 180000)])
def test_fractions_and_monthly_amounts_of_a_yearly_income(text, amount):
    assert reading(text, asked="annual_income").asked_value == amount


def test_a_certificate_named_with_nothing_said_about_it_leaves_the_rest_to_other_questions():
    found = reading("आय प्रमाण पत्र चाहिए। महीने के 12 हजार मिलते हैं, पिताजी का नाम रूपसिंह अमलियार").found
    assert found["answers.annual_income"] == 144000 and found["answers.father_or_husband_name"] == "रूपसिंह अमलियार"


def test_a_capitalised_name_is_taken_from_the_start_of_a_sentence():
    found = reading("Husband Jagdish Hathila teaches in a private school").found
    assert found["answers.father_or_husband_name"] == "Jagdish Hathila"


def test_no_photo_with_a_reason_after_it_is_still_no_photo():
    from actions.tasks.kinds.complaint import PHOTOS_FIELD
    found = read("no photo, it's dark now", [PHOTOS_FIELD, DESCRIPTION_FIELD], DESCRIPTION_FIELD, TODAY).found
    assert found == {PHOTOS_FIELD.name: FINISHED}


@pytest.mark.parametrize("text, days", [("तीन दिन हो गए", 3), ("teen din se", 3), ("haan kar do", None)])
def test_a_number_word_counts_only_before_what_it_counts(text, days):
    result = complaint_reading(text, "water_supply", asked="days_without_water")
    value = result.found.get("days_without_water", result.asked_value)
    assert (value if isinstance(value, int) else None) == days


@pytest.mark.parametrize("text", ["light wali gali, Sudama Nagar sector B", "बड़ा गणपति चौराहे से आगे, पीपल वाली गली"])
def test_landmarks_with_option_words_stay_the_place(text):
    from actions.tasks.kinds.complaint import LOCATION_FIELD
    result = read(text, [LOCATION_FIELD, *category_fields("dead_animal")], LOCATION_FIELD, TODAY)
    assert result.found == {} and result.asked_value == text


@pytest.mark.parametrize("text, read, place", [
    ("dead animal outside Vijay Nagar police station since morning", "Vijay", "Vijay Nagar"),
    ("kachra pada h sudama nagar sector B me", "sudama", "sudama nagar sector B"),
    ("light band h near Palasia, 3 din se", "Palasia", "Palasia"),
    ("गड्ढा है विजय नगर कॉलोनी में", "विजय", "विजय नगर कॉलोनी"),
    ("सड़क पर बड़ा गड्ढा है, पलासिया चौराहे के पास", "पलासिया", "पलासिया चौराहे"),
    ("kachra geeta bhawan chourahe pe pada h", "geeta bhawan", "geeta bhawan chourahe"),
    ("अनूप नगर में मरा हुआ पशु पड़ा है", "नगर", "अनूप नगर"),
    ("द्वारकापुरी सेक्टर 2 में सीवर चैंबर का ढक्कन टूटा है", "सेक्टर", "द्वारकापुरी सेक्टर 2"),
    ("kachra pada gali me", "gali", "gali"),
    ("light band hai anoop nagar me", "nagar", "anoop nagar"),
])
def test_a_place_read_by_the_nlu_is_grown_over_the_rest_of_its_name(text, read, place):
    start = text.index(read)
    assert whole_place(text, start, start + len(read)) == place


@pytest.mark.parametrize("text, place", [
    ("मरीमाता चौराहे पर स्ट्रीट लाइट तीन दिन से बंद है", "मरीमाता चौराहे"),
    ("Bicholi Mardana main road pe pole no. 112 ka wire latak raha hai", "Bicholi Mardana"),
    ("mera naam Rakesh Solanki h mob 9977012345, Lasudia mori me sadak khod di h", "Lasudia mori"),
    ("light band h near Palasia, 3 din se", "Palasia"),
    ("Please send someone to Scheme 78", "Scheme 78"),
    ("Street light on Race Course Road opposite the petrol pump is off every night", "Race Course Road"),
    ("open manhole on MR 10 service road near the petrol pump", "MR 10"),
    ("Kachra pada h gali me", None),
    ("Road dug up near the school for 3 weeks", None),
    ("I am Ramesh Solanki, street light kharab hai", None),
])
def test_a_place_the_nlu_missed_is_found_by_its_shape(text, place):
    assert place_in(text) == place


@pytest.mark.parametrize("text, size", [("dead animal on the road since morning, it smells terrible", None),
                                        ("ek chhota kutta mara pada h", "small")])
def test_an_option_is_named_by_its_sound_not_by_a_word_with_other_vowels(text, size):
    assert complaint_reading(text, "dead_animal").found.get("animal_size") == size


@pytest.mark.parametrize("text, place", [("Geeta Bhawan ke peeche", True), ("gali number 3", True),
                                         ("aap log aake dekh lo na", False), ("please do something fast", False),
                                         ("school k paas wali gali", True), ("मंदिर के सामने", True),
                                         ("badbu se paas se nikal nhi skte", False)])
def test_typed_words_name_a_place_by_place_words_numbers_or_capitals(text, place):
    assert names_a_place(text) is place


@pytest.mark.parametrize("text", ["I am the father. Mobile 7000381946", "मैं उसका पिता बोल रहा हूँ", "papa main hi hu",
                                  "मेरा नाम विनोद कटारा, मैं बच्ची का पिता हूँ"])
def test_the_speaker_named_as_a_parent_is_the_applicant(text):
    fields = service_fields("birth_certificate")
    known = {"answers.father_name": "Rakesh Solanki", "answers.mother_name": "Seema Solanki"}
    assert speaker_is(text, fields) == ("answers.father_name", "")
    assert same_person(fields, known, "answers.father_name") == {"applicant.name": "Rakesh Solanki"}
    assert speaker_is("Mobile 7000381946", fields) == (None, "")


@pytest.mark.parametrize("text, speaker", [
    ("main Anita Garwal uski mummy", ("answers.mother_name", "Anita Garwal")),
    ("मैं अनिता गरवाल, उसकी माँ हूँ", ("answers.mother_name", "अनिता गरवाल")),
    ("मैं अनिता गरवाल उसकी माँ हूँ", ("answers.mother_name", "अनिता गरवाल")),
    ("main uski mummy hu", ("answers.mother_name", "")),
    ("main kal uski mummy ke saath gayi thi", (None, "")),  # no name between: nobody said who speaks
])
def test_the_speaker_says_her_name_between_i_and_who_she_is(text, speaker):
    assert speaker_is(text, service_fields("birth_certificate")) == speaker


def test_a_daughter_in_law_is_an_other_relation_of_the_deceased():
    assert reading("मैं उनकी बहू हूँ", "death_certificate", asked="relation").asked_value == "other"


def test_a_relative_named_for_a_death_certificate_is_the_deceased():
    found = reading("saas ka naam Dhapu Bai Alawa, unke pati Kesar Alawa", "death_certificate", asked="name").found
    assert found == {"answers.deceased_name": "Dhapu Bai Alawa", "answers.deceased_relative_name": "Kesar Alawa",
                     "answers.relation": "other"}  # who says "saas" is her daughter-in-law


def test_the_deceased_named_then_their_husband_by_his_relation_to_the_writer():
    found = reading("मेरी सास गंगा बाई भूरिया का 28 नवंबर 2025 को देहांत हो गया, ससुर जी का नाम हीरा भूरिया है",
                    "death_certificate").found
    assert found == {"answers.deceased_name": "गंगा बाई भूरिया", "answers.deceased_relative_name": "हीरा भूरिया",
                     "answers.date_of_death": "2025-11-28", "answers.relation": "other"}


def test_a_second_bare_name_after_a_relatives_word_names_the_next_person():
    found = reading("maa ka naam Shanti Bhabor, papa ka naam Ramsingh Bhabor", "death_certificate").found
    assert (found["answers.deceased_name"], found["answers.deceased_relative_name"]) == (
        "Shanti Bhabor", "Ramsingh Bhabor")


def test_a_childs_parent_names_the_other_as_husband_or_wife():
    found = reading("bete ka janm praman patra, main uska papa Rakesh Meda hu, wife ka naam Savita Meda, naam Aarav rakha",
                    "birth_certificate").found
    assert (found["answers.father_name"], found["answers.mother_name"], found["answers.child_name"]) == (
        "Rakesh Meda", "Savita Meda", "Aarav")


@pytest.mark.parametrize("text, members", [
    ("घर में मैं, मेरे पति, सास और दो बच्चे हैं, बीपीएल कार्ड है", 5),
    ("family में मैं Sangita, पति Naresh, सास Kamla aur 3 बच्चे", 6),
    ("there are six of us at home: me, my husband, two kids and his parents", 6),  # said as a number first
    ("ghar me main, patni, maa baap aur 2 bachche", 6),  # a pair said in two words
    ("मैं, माँ बाप और 2 बच्चे", 5),
])
def test_a_family_listed_is_counted(text, members):
    assert reading(text, "ration_card").found["answers.family_members"] == members


def test_a_count_refused_is_asked_for_as_a_count_and_a_code_has_a_codes_example():
    assert reading("बहुत लोग हैं", "ration_card", asked="family_members").asked_value.code == "count"
    assert reading("bahut hain", "income_certificate", asked="annual_income").asked_value.code == "number"
    khasra = next(spec for spec in service_fields("demarcation") if spec.short_name == "khasra_number")
    assert khasra.answer_form == "code"


def test_people_are_counted_only_when_listed_with_their_numbers():
    assert reading("pati ka naam Ramesh", "ration_card").found.get("answers.family_members") is None
    assert reading("main aur mere bachche", "ration_card").found.get("answers.family_members") is None


def test_a_child_named_in_a_request_about_a_child():
    assert reading("mere bete ka janm praman patra banwana hai, naam Aayush", "birth_certificate").found == {
        "answers.child_name": "Aayush", "answers.child_gender": "male"}
    assert reading("naam Kavya h, 05/03/19 ko hui thi", "birth_certificate").found == {
        "answers.child_name": "Kavya", "answers.date_of_birth": "2019-03-05"}


@pytest.mark.parametrize("text, code, field, name", [
    ("मेरे पिताजी भेरूसिंह मुणिया का मृत्यु प्रमाण पत्र चाहिए", "death_certificate", "answers.deceased_name",
     "भेरूसिंह मुणिया"),
    ("my father Bherusingh Muniya's death certificate", "death_certificate", "answers.deceased_name",
     "Bherusingh Muniya"),
    ("meri beti Arya ka janm praman patra", "birth_certificate", "answers.child_name", "Arya"),
    ("my son Rohan was born on 2 Feb 2024", "birth_certificate", "answers.child_name", "Rohan"),
    # a person the service asks nothing about: the one the request is for applies
    ("मेरी माँ गंगाबाई वसुनिया के लिए वृद्धावस्था पेंशन", "old_age_pension", "applicant.name", "गंगाबाई वसुनिया"),
    ("old age pension for my mother Kamla Bai, born 1952", "old_age_pension", "applicant.name", "Kamla Bai"),
])
def test_a_name_after_my_relative_is_that_persons(text, code, field, name):
    assert reading(text, code).found[field] == name


@pytest.mark.parametrize("text, code", [
    ("mere papa ka death certificate chahiye", "death_certificate"),  # no name said
    ("my father passed away last week", "death_certificate"),  # lower case: no name
    ("मेरी माँ गंगाबाई वसुनिया की पेंशन", "income_certificate"),  # whose income, not said to be for her
])
def test_no_name_is_taken_from_a_relative_without_one(text, code):
    found = reading(text, code).found
    assert not {"applicant.name", "answers.deceased_name", "answers.child_name"} & set(found)


def test_a_caste_of_the_scheduled_tribes_answers_the_category_too():
    assert reading("jati praman patra, hum Bhilala hai", "caste_certificate").found == {
        "answers.caste": "Bhilala", "answers.category": "st"}


def test_my_father_died_makes_the_applicant_a_son_or_daughter():
    found = reading("My father passed away on 5 March 2025, his name was Kalusingh Ninama", "death_certificate").found
    assert found["answers.relation"] == "son_daughter" and found["answers.deceased_name"] == "Kalusingh Ninama"


def test_late_before_a_relatives_name_belongs_to_that_name():
    found = reading("his father was late Hira Katara", "death_certificate").found
    assert found == {"answers.deceased_relative_name": "late Hira Katara"}


@pytest.mark.parametrize("text", ["aadhar baad me bhejunga", "माँ बाप का आधार बाद में भेजूंगी",
                                  "अस्पताल की सूचना बाद में दूंगा", "sarpanch ki chitthi baad me bhejunga"])
def test_a_document_promised_later_is_about_the_documents(text):
    assert reading(text, "mutation", asked="previous_owner_name").found == {"documents": FINISHED}


def test_a_hospital_slip_promised_later_is_no_place_of_death():
    found = reading("aspatal ki parchi bad me", "death_certificate", asked="deceased_relative_name").found
    assert found == {"documents": FINISHED}


def test_the_count_of_digits_beside_an_aadhaar_ending_is_not_one_of_them():
    assert reading("aadhaar 5518 (last 4)", asked="aadhaar").found == {"applicant.aadhaar": "5518"}


def test_a_bare_name_after_a_parent_in_a_death_certificate_is_the_deceased():
    found = reading("papa ka naam Kanji Meda, unke father late Rupa Meda", "death_certificate").found
    assert found["answers.deceased_name"] == "Kanji Meda"
    assert found["answers.deceased_relative_name"] == "late Rupa Meda"


def test_the_town_beside_the_pin_code_joins_the_address_given():
    found = reading("address बस स्टैंड के पीछे, Ranapur 457993", "birth_certificate", asked="name").found
    assert found == {"applicant.address": "बस स्टैंड के पीछे, Ranapur", "applicant.pincode": "457993"}


@pytest.mark.parametrize("text, code, field, place", [
    ("8 मार्च 2024 को जिला अस्पताल झाबुआ में हुआ", "birth_certificate", "place_of_birth", "जिला अस्पताल झाबुआ"),
    ("12-02-2025 ko ghar pe Thandla me expire hue", "death_certificate", "place_of_death", "ghar pe Thandla"),
])
def test_a_place_of_birth_or_death_drops_the_happening_after_it(text, code, field, place):
    assert reading(text, code).found[f"answers.{field}"] == place


@pytest.mark.parametrize("text, code, field, value", [
    ("पिता का नाम गलत लिखा, सही है कानजी डोडियार", "birth_certificate", "answers.father_name", "कानजी डोडियार"),
    ("दुल्हन का नाम गलत लिख दिया, रेखा नहीं रेशमा है", "marriage_registration", "answers.bride_name",
     PartChanged("रेखा", "रेशमा")),
    ("name me spelling galat hai: Ramesh nahi Rameshwar", "income_certificate", "applicant.name",
     PartChanged("Ramesh", "Rameshwar")),
    ("my father's name is wrong. It's Rooplal Kushwaha, not Roopsingh", "caste_certificate",
     "answers.father_or_husband_name", PartChanged("Roopsingh", "Rooplal Kushwaha")),
])
def test_a_change_asked_for_takes_the_right_value_said_in_its_own_part(text, code, field, value):
    result = reading(text, code)
    assert result.found == {field: value} and result.change is None


def test_a_change_asked_for_without_the_new_value_asks_for_it():
    result = reading("पिता का नाम गलत लिखा", "birth_certificate")
    assert result.found == {} and result.change == "answers.father_name"


def test_who_speaks_is_no_name_and_the_name_said_later_is():
    result = reading("शादी का पंजीयन करवाना है, मैं दूल्हा हूँ, मेरा नाम अर्जुन भाबर", "marriage_registration")
    assert result.found == {"applicant.name": "अर्जुन भाबर"} and not result.invalid


def test_the_groom_speaking_names_the_applicant_and_the_groom_alike():
    fields = service_fields("marriage_registration")
    assert speaker_is("मैं दूल्हा हूँ", fields) == speaker_is("I am the groom", fields) == ("answers.groom_name", "")
    assert speaker_is("groom मैं हूँ Deepak Singad, bride का naam Anita Singad", fields) == ("answers.groom_name", "")
    assert same_person(fields, {"applicant.name": "अर्जुन भाबर"}, "answers.groom_name") == {
        "answers.groom_name": "अर्जुन भाबर"}
    assert same_person(fields, {"answers.groom_name": "Sanjay Mori"}, "answers.groom_name") == {
        "applicant.name": "Sanjay Mori"}


def test_a_new_sentence_ends_a_name():
    found = reading("I'm Manoj Bamniya, his father. Mother's name Priya Bamniya", "birth_certificate").found
    assert found == {"applicant.name": "Manoj Bamniya", "answers.mother_name": "Priya Bamniya"}


def test_an_option_right_after_a_name_cue_is_no_name():
    found = reading("ठीक है। पति मज़दूरी करते हैं, साल की आय 80 हजार", "income_certificate").found
    assert found == {"answers.annual_income": 80000, "answers.income_source": "labour"}


@pytest.mark.parametrize("text, income", [("80k saal ki mazdoori", 80000), ("1.5lakh saal ki mazdoori se", 150000)])
def test_an_amount_written_short_and_its_source_beside_it(text, income):
    assert reading(text, "income_certificate").found == {"answers.annual_income": income,
                                                           "answers.income_source": "labour"}


def test_a_category_written_short_ends_a_name():
    found = reading("पिता Mangu Bhuria ST bhil jati", "caste_certificate").found
    assert found["answers.father_or_husband_name"] == "Mangu Bhuria" and found["answers.category"] == "st"


def test_an_identifier_ends_with_its_part_of_the_message():
    assert reading("khasra no 45/2, Ramesh Bhuria ke naam h", "mutation").found["answers.khasra_number"] == "45/2"


@pytest.mark.parametrize("text, pole", [
    ("pole pe number likha h KJ-52", "KJ-52"),
    ("pole no P-114 ke paas light band", "P-114"),
    ("khamba number 45 ki light band hai", "45"),
    ("ok, light wali aage kro, khambe pe no 1187 likha h", "1187"),
    ("The street light on the pole outside house 22 has been off at night", None),
])
def test_a_pole_number_is_the_code_right_after_its_cue(text, pole):
    assert complaint_reading(text, "streetlight").found.get("pole_number") == pole


def test_no_before_an_account_number_is_its_abbreviation():
    assert reading("bank khata no 30198276451", "old_age_pension").found == {
        "answers.bank_account_number": 30198276451}


def test_the_mother_speaking_names_herself_without_her_words_around_it():
    found = reading("पिता का नाम कालू भूरिया, माँ मैं ही हूँ रेखा भूरिया", "birth_certificate").found
    assert found == {"answers.father_name": "कालू भूरिया", "answers.mother_name": "रेखा भूरिया"}


def test_a_sentence_after_a_relatives_name_is_read_on_its_own():
    found = reading("I need a death certificate for my father Mangilal Chouhan. I am his son.", "death_certificate").found
    assert found == {"answers.deceased_name": "Mangilal Chouhan", "answers.relation": "son_daughter"}
    assert reading("naam S.K. Bhuria, pin 457661").found["applicant.name"] == "S.K. Bhuria"


@pytest.mark.parametrize("text, place", [
    ("shaadi 12 may 2024 ko Rama gaon me hui", "Rama gaon"),
    ("शादी 12 मई 2024 को रामा गाँव में हुई थी", "रामा गाँव"),
])
def test_a_village_where_the_marriage_happened_is_its_place_not_the_address(text, place):
    found = reading(text, "marriage_registration").found
    assert found == {"answers.marriage_date": "2024-05-12", "answers.marriage_place": place}


def test_a_date_in_figures_inside_a_place_is_the_date_not_a_pin_code():
    found = reading("shadi Petlawad ke mandir me hui 5-3-2024 ko", "marriage_registration").found
    assert found["answers.marriage_date"] == "2024-03-05" and "applicant.pincode" not in found


def test_sms_spellings_of_husband_and_address_are_cues():
    found = reading("naam Rekha Muniya pti Jitendra Muniya mob 6267904183 pta Bhagor gaon pin 457661").found
    assert found["answers.father_or_husband_name"] == "Jitendra Muniya" and found["applicant.address"] == "Bhagor gaon"


@pytest.mark.parametrize("text", ["pata nahi", "pta nhi, pin 457661", "पता नहीं"])
def test_pata_nahi_is_not_knowing_never_an_address(text):
    assert "applicant.address" not in reading(text, asked="aadhaar").found


def test_a_hospital_report_promised_later_is_a_document_not_the_place_of_death():
    found = reading("I don't have his Aadhaar card, I'll send the hospital report later", "death_certificate",
                    asked="documents").found
    assert found == {"documents": FINISHED}


def test_a_place_ends_with_its_sentence():
    found = reading("my father Mangilal Chouhan died on 3 March 2025 at home in Thandla. I am his son.",
                    "death_certificate").found
    assert found["answers.place_of_death"] == "home in Thandla" and found["answers.relation"] == "son_daughter"


def test_a_run_on_without_punctuation_is_read_in_its_clauses():
    found = reading("मेरा नाम कमला डामोर है मेरे पति स्वर्गीय भेरू डामोर थे मैं मजदूरी करती हूं साल की आमदनी 40 हजार है "
                    "बच्चों की छात्रवृत्ति के लिए चाहिए ग्राम कालीदेवी तहसील झाबुआ पिन 457661").found
    assert found == {"applicant.name": "कमला डामोर", "answers.father_or_husband_name": "स्वर्गीय भेरू डामोर",
                     "answers.income_source": "labour", "answers.annual_income": 40000,
                     "answers.purpose": "बच्चों की छात्रवृत्ति", "applicant.address": "ग्राम कालीदेवी तहसील झाबुआ",
                     "applicant.pincode": "457661"}


@pytest.mark.parametrize("text, service, expected", [
    # a late father's name, then the caste, in a romanized run-on
    ("mera naam Sunil Bhabor papa swargiya Nanuram Bhabor the hum bhil h ST me aate h", "caste_certificate",
     {"applicant.name": "Sunil Bhabor", "answers.father_or_husband_name": "swargiya Nanuram Bhabor",
      "answers.caste": "bhil", "answers.category": "st"}),
    # "living here" for years leaves the address to its own cue
    ("जन्म से यहीं रहता हूँ 24 साल से, पता ग्राम कालीदेवी तहसील झाबुआ, पिन 457661", "domicile_certificate",
     {"answers.years_of_residence": 24, "applicant.address": "ग्राम कालीदेवी तहसील झाबुआ", "applicant.pincode": "457661"}),
    # a daughter born on a date: the option beside the date; a name with "h" and a date after it
    ("बिटिया हुई है 2 दिसंबर 2025 को पेटलावद सरकारी अस्पताल में, नाम परी रखा है", "birth_certificate",
     {"answers.child_gender": "female", "answers.date_of_birth": "2025-12-02",
      "answers.place_of_birth": "पेटलावद सरकारी अस्पताल", "answers.child_name": "परी"}),
    ("beti ka janm praman patra, naam Khushi h 12 dec 2025 ko hui", "birth_certificate",
     {"answers.child_gender": "female", "answers.child_name": "Khushi", "answers.date_of_birth": "2025-12-12"}),
    # the address cue right before a village's cue: the village is part of the address
    ("मेरा नाम राकेश डामोर, पता ग्राम कालीदेवी, पिन 457661", "mutation",
     {"applicant.name": "राकेश डामोर", "applicant.address": "ग्राम कालीदेवी", "applicant.pincode": "457661"}),
    # the seller named in a sentence, and the sale as the reason
    ("I bought the land from Shantilal Katara last year. Village Gopalpura, khasra number 17.", "mutation",
     {"answers.previous_owner_name": "Shantilal Katara", "answers.mutation_reason": "sale",
      "answers.village": "Gopalpura", "answers.khasra_number": "17"}),
])
def test_each_answer_of_a_long_sentence_is_read(text, service, expected):
    assert reading(text, service).found == expected


@pytest.mark.parametrize("text, expected", [
    ("मोबाइल बेटे का है 8962310745", {"applicant.mobile": "8962310745"}),
    ("mera naam h Ramesh Kumar pita ka naam h Mangu", {"applicant.name": "Ramesh Kumar",
                                                       "answers.father_or_husband_name": "Mangu"}),
])
def test_a_clause_word_between_a_cue_and_its_value_ends_no_part(text, expected):
    assert reading(text, asked="aadhaar").found == expected



@pytest.mark.parametrize("text, asked, found", [
    ("naam Vihaan rakha h", "child_name", {"answers.child_name": "Vihaan"}),
    ("नाम विहान रखा है", "child_name", {"answers.child_name": "विहान"}),
    ("mera naam Ajay Baria", "child_name", {"applicant.name": "Ajay Baria"}),  # whose name, said
    ("naam Vihaan, papa ka naam Ajay", "father_name", {"answers.father_name": "Ajay"}),  # the asked one, named
    ("naam Vihaan rakha h", "name", {"answers.child_name": "Vihaan", "applicant.name": None}),  # a child is named
])
def test_asked_someones_name_a_bare_name_is_theirs(text, asked, found):
    result = reading(text, "birth_certificate", asked).found
    assert {name: result.get(name) for name in found} == found


@pytest.mark.parametrize("text", ["बैंक से लोन लेना है उसके लिए", "bank se loan lena h uske liye"])
def test_a_cue_said_after_the_answer_keeps_a_run_on_together(text):
    assert "loan" in reading(text, "income_certificate", "mobile").found["answers.purpose"].replace("लोन", "loan")


@pytest.mark.parametrize("text, place, address", [
    ("10 नवंबर 2025 को घर पर गाँव गोपालपुरा में देहांत हुआ", "घर पर गाँव गोपालपुरा", None),
    ("ghar pe hi gaon Rotla me", "ghar pe hi gaon Rotla", None),
    ("घर पर, ग्राम कालीदेवी, झाबुआ 457661", "घर पर", "ग्राम कालीदेवी, झाबुआ"),  # a comma: the address follows
])
def test_a_village_right_after_at_home_says_where_the_home_is(text, place, address):
    found = reading(text, "death_certificate").found
    assert (found.get("answers.place_of_death"), found.get("applicant.address")) == (place, address)


@pytest.mark.parametrize("text", ["wife bol rhi h Thandla ke sarkari aspatal me hua tha",
                                  "papa bol rha h janm ghar pe hua"])
def test_sms_spelt_verbs_after_a_relative_are_no_name(text):
    found = reading(text, "birth_certificate", "place_of_birth").found
    assert "answers.mother_name" not in found and "answers.father_name" not in found


def test_a_mutation_told_in_a_sentence_gives_the_land_its_owner_and_reason():
    found = reading("papa ki death ke baad zameen mere naam karni hai, khasra no 77/2, purane malik papa Kalu Meda",
                    "mutation").found
    assert found == {"answers.khasra_number": "77/2", "answers.previous_owner_name": "Kalu Meda",
                     "answers.mutation_reason": "inheritance"}  # "mere naam karni" names nobody
    found = reading("Kalidevi village me khasra 45/2 ka mutation karwana hai, land maine Ramesh Bhuria se kharidi hai",
                    "mutation").found
    assert found["answers.previous_owner_name"] == "Ramesh Bhuria" and found["answers.mutation_reason"] == "sale"
    assert found["answers.village"].startswith("Kalidevi")
    found = reading("पिताजी के जाने के बाद ज़मीन अपने naam karwani hai — गाँव Pitol, पहले Kalu Singh Meda के नाम थी",
                    "mutation").found
    assert found["answers.previous_owner_name"] == "Kalu Singh Meda" and found["answers.mutation_reason"] == "inheritance"
    assert reading("पिताजी के गुजरने के बाद विरासत से। पिताजी का नाम धूला गणावा", "mutation").found[
        "answers.previous_owner_name"] == "धूला गणावा"  # no applicant's name
    assert reading("pehle zameen mummy Premlata Vasuniya ke naam pe thi", "mutation").found == {
        "answers.previous_owner_name": "Premlata Vasuniya"}
    assert reading("zameen Kalidevi gaon me hai", "mutation", asked="village").found == {
        "answers.village": "Kalidevi gaon"}


def test_the_words_right_before_a_pin_code_are_its_place():
    assert reading("ghar Rajgarh naka jhabua, pin 457661", "birth_certificate", asked="pincode").found == {
        "applicant.pincode": "457661", "applicant.address": "ghar Rajgarh naka jhabua"}
    assert reading("Meghnagar, near railway station, 457779").found["applicant.address"] == \
        "Meghnagar, near railway station"
    assert "applicant.address" not in reading("mera beta bimar hai, 457661").found  # a sentence is no place


def test_asked_a_place_a_village_named_with_it_answers_that_place():
    assert reading("शादी रामा गाँव में घर पर ही हुई", "marriage_registration", asked="marriage_place").found == {
        "answers.marriage_place": "रामा गाँव में घर पर ही"}
    assert reading("पता गाँव रामा है", "marriage_registration", asked="marriage_place").found == {
        "applicant.address": "गाँव रामा"}  # named as the address


def test_a_place_not_known_is_no_place():
    assert reading("janm sthan ka pata nahi", "birth_certificate").found == {}


def test_a_boy_or_a_girl_said_in_passing_is_the_childs_gender():
    found = reading("I want a birth certificate for my baby boy. His name is Kabir Hada", "birth_certificate").found
    assert found == {"answers.child_name": "Kabir Hada", "answers.child_gender": "male"}


def test_a_named_place_keeps_its_parts_until_a_sentence_starts():
    from actions.tasks.kinds.complaint import LOCATION_FIELD
    fields = [LOCATION_FIELD, *category_fields("garbage")]
    assert read("jagah- Gorakund chauraha, malharganj, hanuman mandir wali gali", fields, None, TODAY).found == {
        "location": "Gorakund chauraha, malharganj, hanuman mandir wali gali"}
    told = read("jagah Rajwada, 3 din se kachra pada hai", fields, None, TODAY)
    assert told.found == {"location": "Rajwada"} and told.rest == "3 din se kachra pada hai"


def test_a_sale_told_in_english_names_the_seller_and_a_deed_promised_is_about_the_documents():
    found = reading("I bought some land. Village Kalidevi, khasra 156/3, bought from Prakash Vasuniya", "mutation").found
    assert found["answers.previous_owner_name"] == "Prakash Vasuniya" and found["answers.mutation_reason"] == "sale"
    assert reading("I'll send the sale deed later", "mutation", asked="previous_owner_name").found == {
        "documents": "finished"}


def test_in_whose_name_the_land_goes_is_no_name_and_the_applicant_names_himself_after_his_father():
    found = reading("papa ki death ke baad jameen ka namantran mere naam krwana h, gaon Bori khasra no 118/2, "
                    "papa ka naam Bhuvan Singh Ninama tha, mera naam Ajay Ninama", "mutation").found
    assert found["answers.previous_owner_name"] == "Bhuvan Singh Ninama" and found["applicant.name"] == "Ajay Ninama"


@pytest.mark.parametrize("text, kind", [("Cannot hear properly since childhood", "hearing"),
                                        ("बचपन से सुनाई नहीं देता", "hearing"), ("I can't walk since the accident", "locomotor")])
def test_a_disability_told_in_a_sentence_is_its_type(text, kind):
    assert reading(text, "disability_certificate").found["answers.disability_type"] == kind


@pytest.mark.parametrize("text, gender", [("bacchi ka naam Pooja hai", "female"), ("बेटे का नाम आरव", "male"),
                                          ("bacche ka naam Aarav", None)])
def test_whose_name_is_told_says_the_childs_gender(text, gender):
    assert reading(text, "birth_certificate").found.get("answers.child_gender") == gender


@pytest.mark.parametrize("text, relation", [("माँ का मृत्यु प्रमाण पत्र बनवाना है", "son_daughter"),
                                            ("papa ki death ho gayi", "son_daughter"), ("मैं उसकी माँ हूँ", "parent")])
def test_whose_death_it_is_says_the_applicants_relation(text, relation):
    assert reading(text, "death_certificate").found["answers.relation"] == relation


def test_a_sentence_after_a_number_ending_in_one_digit_is_read_on_its_own():
    found = reading("Khasra number 214/1. The neighbouring farmers are Bhura Singh and Kesar Baria.", "demarcation").found
    assert found == {"answers.khasra_number": "214/1", "answers.neighbour_names": "Bhura Singh and Kesar Baria"}


@pytest.mark.parametrize("text, asked", [("हाँ यही नाम सही है", "documents"), ("nhi ye papa ka number h", "mobile")])
def test_whether_a_name_is_right_or_whose_number_it_is_gives_no_name(text, asked):
    assert not reading(text, "caste_certificate", asked=asked).found


def test_the_deceaseds_father_told_as_son_of():
    found = reading("His name was Nathu Bhuria, son of Mangu Bhuria. He passed away on 10-10-2025", "death_certificate").found
    assert found["answers.deceased_name"] == "Nathu Bhuria" and found["answers.deceased_relative_name"] == "Mangu Bhuria"


def test_the_part_written_as_a_name_answers_the_name_asked():
    assert reading("Suresh Meda, me uska papa", "birth_certificate", asked="name").asked_value == "Suresh Meda"


def test_whose_the_neighbouring_fields_are_names_the_neighbours():
    found = reading("The neighbouring fields belong to Dhanji Ninama and Lalu Ninama", "demarcation", asked="name").found
    assert found == {"answers.neighbour_names": "Dhanji Ninama and Lalu Ninama"}


@pytest.mark.parametrize("text", ["The tap water here has been dirty and smelly", "nal me ganda aa raha hai"])
def test_water_said_to_be_dirty_is_dirty_water(text):
    assert complaint_reading(text, "water_supply").found["water_problem"] == "dirty_water"


@pytest.mark.parametrize("text, found", [
    ("too many mosquitoes in our lane, there is stagnant water near the park", {"stagnant_water": "yes"}),
    ("mosquitoes everywhere, no stagnant water though, please spray", {}),  # yes and no both said: asked
])
def test_stagnant_water_said_with_the_problem_answers_its_question(text, found):
    assert complaint_reading(text, "mosquito_fogging").found == found


@pytest.mark.parametrize("text, answer", [
    ("2 dengue cases in our lane already, no fogging done this season", None),
    ("nahi, sookha hai sab", "no"),
    ("पानी नहीं भरा है पास में", "no"),
    ("haan pichhe plot me pani bhara hai", "yes"),
])
def test_a_yes_or_no_in_passing_does_not_answer_the_yes_no_question(text, answer):
    assert complaint_reading(text, "mosquito_fogging", asked="stagnant_water").asked_value == answer


def test_a_pole_number_in_a_sentence_leaves_the_words_after_it_to_other_questions():
    found = complaint_reading("Street light at pole no 45 flickering whole night near Palasia Square", "streetlight").found
    assert found == {"pole_number": "45", "light_problem": "flickering"}


@pytest.mark.parametrize("text", ["gila kachra h, ghar ka", "sookha kachra hai"])
def test_wet_or_dry_waste_from_a_home_is_household_garbage(text):
    assert complaint_reading(text, "garbage", asked="garbage_type").asked_value == "household"


@pytest.mark.parametrize("text, finished", [
    ("poori gali me pani nahi h, tanker bhi nahi bheja", False),
    ("nahi h", True),
    ("mere phone ka camera kharab hai bhai kya karu", True),
    ("I don't have the sarpanch letter now, will send it later", True),
])
def test_a_no_in_a_sentence_at_the_photo_step_is_no_photo_only_when_it_speaks_of_one(text, finished):
    from actions.tasks.kinds.complaint import PHOTOS_FIELD
    fields = [*category_fields("water_supply"), PHOTOS_FIELD]  # "pani nahi h" answers the water problem
    assert (read(text, fields, PHOTOS_FIELD, TODAY).asked_value == FINISHED) == finished


def test_a_date_read_off_a_card_is_the_date_not_the_cards_number():
    found = reading("Her full name is Kamla Bai Parmar, date of birth on her Aadhaar is 01-01-1952", "old_age_pension",
                    asked="mobile").found
    assert found["answers.date_of_birth"] == "1952-01-01" and "applicant.aadhaar" not in found


@pytest.mark.parametrize("text", ["I'm Manoj Bamniya, his father. Mother's name Priya Bamniya", "I am Manoj Bamniya, the father"])
def test_the_speaker_named_before_saying_they_are_the_father_is_the_father(text):
    assert speaker_is(text, service_fields("birth_certificate")) == ("answers.father_name", "Manoj Bamniya")


def test_rainwater_collecting_in_a_dug_up_road_answers_waterlogged():
    found = complaint_reading("dug up for the gas pipeline two weeks ago, rainwater collects in the trench", "road_damage").found
    assert found == {"damage_type": "dug_up", "waterlogged": "yes"}


def test_a_typed_short_spelling_of_an_option_ends_the_name_before_it():
    found = reading("naam Dilip Muniya papa Ramsingh Muniya mjduri krte h, saal ki kamai 55 hazar").found
    assert found["answers.father_or_husband_name"] == "Ramsingh Muniya" and found["answers.income_source"] == "labour"


@pytest.mark.parametrize("text, purpose", [("Need income certificate for my daughter's scholarship", "scholarship"),
                                           ("for bank KCC loan", "KCC loan")])
def test_a_common_purpose_named_in_english_answers_the_purpose(text, purpose):
    assert reading(text).found["answers.purpose"] == purpose


def test_animals_in_general_name_no_kind_of_animal():
    assert "animal_type" not in complaint_reading("आवारा जानवरों की शिकायत करनी है", "stray_animals").found


def test_a_father_who_passed_away_is_why_the_land_is_inherited():
    found = reading("नामांतरण करवाना है, पिताजी भेरू डामोर गुज़र गए, उनकी ज़मीन मेरे नाम करनी है", "mutation").found
    assert found.get("answers.mutation_reason") == "inheritance"
