"""Applying for a service through the task engine, against the real Lok Seva API:
the catalogue's questions, answers in any order and wording, the channel's
prefills, corrections, side questions, cancelling and never looping."""
from __future__ import annotations

import json

import pytest
import requests

from actions.handoff import TASK_BEFORE_HANDOFF, ActionRequestHuman
from actions.handoff_relay import ActionLeaveHandoff
from actions.information import ActionShowInformation
from actions.tasks.action import ActionTask
from actions.tasks.state import SKIPPED
from tests.actions.citizen_chat import asked, keys, message, payloads, texts
from tests.lokseva_api.lokseva_helpers import CLIENT, VALID_AADHAAR


def applications_of(api_url, citizen):
    return requests.get(f"{api_url}/api/v1/applications", params={"wa_id": citizen.sender}, headers=CLIENT,
                        timeout=10).json()["items"]


def application(api_url, number):
    return requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()


def answer_before_the_address(citizen):
    """From the start of an income certificate application to the address question, one question at a time."""
    citizen.says("सुनीता भूरिया")
    citizen.taps("affirm", field="applicant.mobile")  # the WhatsApp number, offered
    return citizen.taps("inform", do="skip")  # Aadhaar is optional


def answer_up_to_the_address(citizen):
    answer_before_the_address(citizen)
    return citizen.says("ग्राम कालीदेवी, तहसील झाबुआ")


def answer_up_to_the_purpose(citizen):
    answer_up_to_the_address(citizen)
    citizen.says("457661")
    citizen.says("रमेश भूरिया")
    citizen.says("1,20,000")
    return citizen.taps("inform", field="answers.income_source", value="agriculture")


def answer_up_to_the_documents(citizen):
    answer_up_to_the_purpose(citizen)
    return citizen.taps("inform", do="skip")  # the purpose


def answer_income_certificate(citizen):
    """From the start of an income certificate application to its summary."""
    answer_up_to_the_documents(citizen)
    return citizen.taps("inform", do="done")  # no documents now


def test_the_catalogue_questions_are_asked_and_the_application_submitted(chat, api_url):
    citizen = chat()
    first = citizen.says("आय प्रमाण पत्र बनवाना है", "apply_service", service="income_certificate")
    assert keys(first)[0] == "lok_seva.application.started" and asked(first) == "name"
    summary = answer_income_certificate(citizen)
    assert asked(summary) == "confirm" and citizen.mobile not in texts(summary)
    done = citizen.taps("affirm", do="submit")
    assert "lok_seva.application.submitted" in keys(done) and citizen.task is None
    [item] = applications_of(api_url, citizen)
    record = application(api_url, item["application_id"])
    assert record["applicant"]["wa_id"] == citizen.sender and record["applicant"]["mobile_masked"].endswith(citizen.mobile[-4:])
    assert record["answers"] == {"father_or_husband_name": "रमेश भूरिया", "annual_income": 120000,
                                 "income_source": "agriculture"}


def test_the_whatsapp_name_and_number_are_offered_and_taken_with_one_tap(chat, api_url):
    citizen = chat(profile_name="Sunita Bhuria")
    offered = citizen.says("income certificate", "apply_service", service="income_certificate")
    assert asked(offered) == "name" and "/affirm" in " ".join(payloads(offered))
    mobile = citizen.taps("affirm", field="applicant.name")
    assert asked(mobile) == "mobile"
    assert asked(citizen.taps("affirm", field="applicant.mobile")) == "aadhaar"
    assert citizen.task["values"]["applicant.name"] == "Sunita Bhuria"
    assert citizen.task["values"]["applicant.mobile"] == citizen.mobile


def test_the_summary_shows_each_answer_marked_as_the_citizens_own(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    summary = texts(answer_income_certificate(citizen))
    assert "*सुनीता भूरिया*" in summary and "*ग्राम कालीदेवी, तहसील झाबुआ*" in summary  # bold: not the bot's words


@pytest.mark.parametrize("said, intent", [("ha whatsapp wala number hi le lo", "download_certificate"),
                                          ("yes, use this WhatsApp number", "nlu_fallback"),
                                          ("इसी नंबर पर", "inform"), ("same number", "inform"),
                                          ("हाँ यही नंबर ठीक है", "affirm"), ("theek h isi pe kr do", "affirm")])
def test_words_that_only_agree_take_the_offered_number(chat, said, intent):
    citizen = chat(profile_name="Sunita Bhuria")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    assert asked(citizen.taps("affirm", field="applicant.name")) == "mobile"
    assert asked(citizen.says(said, intent)) == "aadhaar"
    assert citizen.task["values"]["applicant.mobile"] == citizen.mobile


def test_several_answers_in_one_message_in_any_order(chat):
    citizen = chat()
    citizen.says("aay praman patra", "apply_service", service="income_certificate")
    replies = citizen.says("naam Sapna Dawar, pati Raju Dawar, mazdoori, 55 hajar saal ka, pin 457661")
    assert "tasks.noted" in keys(replies)
    values = citizen.task["values"]
    assert values["applicant.name"] == "Sapna Dawar" and values["answers.father_or_husband_name"] == "Raju Dawar"
    assert values["answers.income_source"] == "labour" and values["answers.annual_income"] == 55000
    assert values["applicant.pincode"] == "457661" and asked(replies) == "mobile"


def test_a_full_aadhaar_number_keeps_only_its_last_four_digits(chat):
    citizen = chat()
    citizen.says("income certificate", "apply_service", service="income_certificate")
    citizen.says(f"naam Sunita, aadhaar XXXX XXXX {VALID_AADHAAR[-4:]}")  # the channel masked the rest
    assert citizen.task["values"]["applicant.aadhaar"] == VALID_AADHAAR[-4:]


def test_a_correction_changes_that_answer(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    citizen.says("मेरा नाम रेखा डामोर")
    corrected = citizen.says("नहीं नाम गलत है, रेखा देवी डामोर लिखो")
    assert "tasks.updated" in keys(corrected) and citizen.task["values"]["applicant.name"] == "रेखा देवी डामोर"
    assert "tasks.noted" not in keys(corrected)  # told as changed, not noted as new besides


def birth_certificate_told(chat, first_answers: str):
    """A birth certificate application started, then its first answers."""
    citizen = chat()
    citizen.says("janm praman patra", "apply_service", service="birth_certificate")
    citizen.says(first_answers)
    return citizen


def test_a_corrected_name_is_told_as_changed_only(chat):
    citizen = birth_certificate_told(chat, "पिता सुरेश गरवाल, माता अनिता गरवाल")
    replies = citizen.says("पिता का नाम सुरेश गरवाल नहीं सुरेश गिरवाल है")
    assert keys(replies).count("tasks.updated") == 1 and "tasks.noted" not in keys(replies)


@pytest.mark.parametrize("told, year", [("बेटी का जन्म 12 मार्च को हुआ", "2025"), ("janm 12/3 ko hua tha", "सन 2025 में"),
                                        ("12 march ko hui zila aspatal jhabua me", "2025")])
def test_a_date_without_its_year_asks_for_the_year_and_keeps_the_day(chat, told, year):
    citizen = birth_certificate_told(chat, "बेटी का नाम काव्या")
    replies = citizen.says(told)
    assert "tasks.invalid.date_needs_year" in keys(replies) and asked(replies) == "date_of_birth"
    citizen.says(year)
    assert citizen.task["values"]["answers.date_of_birth"] == "2025-03-12"


@pytest.mark.parametrize("correction, meant", [("तारीख 12 नहीं 21 मार्च थी", "2025-03-21"), ("sorry 12 nahi 14", "2025-03-14"),
                                               ("12 nahi 14 april", "2025-04-14")])
def test_a_date_corrected_by_its_day_keeps_the_rest_of_it(chat, correction, meant):
    citizen = birth_certificate_told(chat, "बेटी का नाम काव्या, जन्म 12-03-2025")
    replies = citizen.says(correction)
    assert "tasks.updated" in keys(replies) and citizen.task["values"]["answers.date_of_birth"] == meant


def test_digits_of_a_mobile_corrected_change_only_those_digits(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    citizen.says("सुनीता भूरिया")
    citizen.says("दूसरा नंबर 9876543247")
    replies = citizen.says("mobile ke last me 47 nahi 74 hai")
    assert "tasks.updated" in keys(replies) and citizen.task["values"]["applicant.mobile"] == "9876543274"
    assert "9876543274" not in texts(replies)  # told masked, as every reply shows a mobile


def test_the_mother_naming_herself_between_i_and_who_she_is_is_the_applicant(chat):
    citizen = chat()
    citizen.says("meri bitiya ka janam praman patra bnwana h", "apply_service", service="birth_certificate")
    citizen.says("naam Kavya h, 05/03/2019 ko hui thi Thandla sarkari aspatal me")
    citizen.says("uske papa Suresh Garwal, main Anita Garwal uski mummy")
    values = citizen.task["values"]
    assert values["answers.father_name"] == "Suresh Garwal"
    assert values["answers.mother_name"] == values["applicant.name"] == "Anita Garwal"


@pytest.mark.parametrize("correction", ["कालीदेवी नहीं, रामा", "sorry गाँव कालीदेवी नहीं रामा है"])
def test_a_correction_of_a_part_of_an_answer_keeps_the_rest(chat, correction):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_up_to_the_address(citizen)
    asked_before = asked(citizen.says("457661"))
    corrected = citizen.says(correction)
    values = citizen.task["values"]
    assert "tasks.updated" in keys(corrected) and values["applicant.address"] == "ग्राम रामा, तहसील झाबुआ"
    assert asked(corrected) == asked_before and asked_before not in values  # the question asked is still open


@pytest.mark.parametrize("correction, field, value", [
    ("कालीदेवी नहीं, रामा", "applicant.address", "ग्राम रामा, तहसील झाबुआ"),
    # the words asking for the correction are no purpose either
    ("पहले ये सुधार दो, पति का नाम रमेश नहीं महेश भूरिया है", "answers.father_or_husband_name", "महेश भूरिया"),
])
def test_a_correction_at_an_optional_question_leaves_that_question_open(chat, correction, field, value):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_up_to_the_purpose(citizen)) == "purpose"
    corrected = citizen.says(correction)
    values = citizen.task["values"]
    assert values[field] == value
    assert asked(corrected) == "purpose" and "answers.purpose" not in values


def test_a_correction_that_fits_two_answers_asks_which_one_it_changes(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_up_to_the_purpose(citizen)
    citizen.says("कालीदेवी के स्कूल में दाखिले के लिए")  # the purpose names the village too
    purpose = citizen.task["values"]["answers.purpose"]
    which = citizen.says("कालीदेवी नहीं, रामा")
    offered = {entities["field"]: entities["value"] for entities in
               (json.loads(button[len("/inform"):]) for button in payloads(which))}
    assert "tasks.which_answer" in keys(which) and set(offered) == {"applicant.address", "answers.purpose"}
    citizen.taps("inform", field="applicant.address", value=offered["applicant.address"])
    values = citizen.task["values"]
    assert values["applicant.address"] == "ग्राम रामा, तहसील झाबुआ"
    assert values["answers.purpose"] == purpose


def test_a_needed_answer_put_off_is_waited_for(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_before_the_address(citizen)) == "address"
    waits = citizen.says("pta bad me btata hu")
    assert "tasks.take_your_time" in keys(waits) and asked(waits) == "address"
    assert "applicant.address" not in citizen.task["values"]


def test_an_optional_answer_put_off_passes_the_question_over(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_up_to_the_purpose(citizen)) == "purpose"
    assert asked(citizen.says("ye baad me bata dungi")) == "documents"
    assert citizen.task["values"]["answers.purpose"] == SKIPPED


@pytest.mark.parametrize("said", ["I don't have the Aadhaar with me right now", "nhi h mere paas abhi",
                                  "I'd rather not share it"])
def test_nothing_at_hand_for_an_optional_question_passes_it_over(chat, said):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    citizen.says("सुनीता भूरिया")
    assert asked(citizen.taps("affirm", field="applicant.mobile")) == "aadhaar"
    assert asked(citizen.says(said)) == "address"
    assert citizen.task["values"]["applicant.aadhaar"] == SKIPPED


@pytest.mark.parametrize("sent", ["voice_note", "sticker"])
def test_a_voice_note_or_sticker_shows_the_question_again_not_its_help(chat, sent):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_before_the_address(citizen)
    again = citizen.says("", sent)
    assert asked(again) == "address" and not any(str(r.get("tag", "")).startswith("help:") for r in again)


@pytest.mark.parametrize("sent", ["voice_note", "sticker"])
def test_a_voice_note_or_sticker_at_a_question_shown_twice_brings_its_ways_out(chat, sent):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_before_the_address(citizen)
    assert asked(citizen.says("", sent)) == "address"  # the second time in a row
    third = citizen.says("", sent)
    assert any(str(r.get("tag", "")) == "help:applicant.address" for r in third)
    assert "cancel" in str([b["payload"] for r in third for b in r.get("buttons") or []])


def test_documents_promised_later_at_another_question_end_the_documents_step(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    answer_up_to_the_purpose(citizen)
    assert asked(citizen.says("I'll bring the documents later")) == "confirm"


def test_documents_promised_later_at_a_required_question_pass_the_documents_step_and_it_stands(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    answer_before_the_address(citizen)
    replies = citizen.says("I'll bring the documents later")
    assert "tasks.files_later" in keys(replies) and asked(replies) == "address"
    assert "documents" in citizen.task["values"]


def test_documents_put_off_in_mixed_script_end_the_documents_step(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_up_to_the_documents(citizen)) == "documents"
    assert asked(citizen.says("documents baad में", "service_info")) == "confirm"


@pytest.mark.parametrize("later, said", [("parchi bad me", "tasks.files_later"), ("baad me", "tasks.take_your_time")])
def test_something_put_off_at_the_summary_is_answered_and_the_summary_waits(chat, later, said):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    replies = citizen.says(later)
    assert said in keys(replies) and asked(replies) == "confirm" and citizen.task is not None


@pytest.mark.parametrize("relative, address", [
    ("उनके पिता का नाम गोविंद भाबर, ", "ग्राम मदरानी"),  # the place of death is asked next
    ("", "फलिया नीचला, ग्राम मदरानी"),  # the father's name is asked: the place comes all the same
])
def test_a_known_answer_repeated_in_a_free_text_answer_is_part_of_it(chat, relative, address):
    citizen = chat()
    citizen.says(f"मृत्यु प्रमाण पत्र बनवाना है। मृतक का नाम नानूराम भाबर, {relative}15 दिसंबर 2025 को", "apply_service",
                 service="death_certificate")
    citizen.says(f"मेरा नाम कमला भाबर, मोबाइल 9165380427, पता {address}, पिन 457661, आधार नहीं है")
    citizen.says("घर पर ही, ग्राम मदरानी में")
    values = citizen.task["values"]
    assert "मदरानी" in values["answers.place_of_death"] and values["applicant.address"] == address


def test_not_knowing_an_optional_answer_passes_it_over_and_changes_nothing(chat):
    citizen = chat()
    citizen.says("simankan krwana h khet ka", "apply_service", service="demarcation")
    neighbours = citizen.says("gaon Pitol khasra no 128 naam Kalu Singh Meda mob 9179304625 pta Pitol jhabua pin 457661 "
                              "aadhar last 4 4471")
    assert asked(neighbours) == "neighbour_names"
    assert asked(citizen.says("padosiyo ke naam nhi pta, skip kr do")) == "documents"  # "pta": know, not address
    values = citizen.task["values"]
    assert values["answers.neighbour_names"] == SKIPPED and values["applicant.address"] == "Pitol jhabua"


def test_a_name_the_nlu_reads_as_a_request_naming_nothing_is_the_name(chat):
    citizen = chat(language="en")
    citizen.says("income certificate please", "apply_service", service="income_certificate")
    assert asked(citizen.says("Deepak Solanki", "register_complaint", confidence=0.97)) == "mobile"
    assert citizen.task["values"]["applicant.name"] == "Deepak Solanki"


@pytest.mark.parametrize("puzzled", ["समझा नहीं", "matlab?", "I don't understand"])
def test_a_question_not_understood_is_explained_not_refused(chat, puzzled):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_before_the_address(citizen)
    replies = citizen.says(puzzled)
    assert any(str(r.get("tag", "")) == "help:applicant.address" for r in replies)
    assert not any(key.startswith("tasks.invalid") for key in keys(replies))
    sticker = citizen.says("", "sticker")  # after its help, the question keeps its ways out
    assert any(str(r.get("tag", "")) == "help:applicant.address" for r in sticker)


@pytest.mark.parametrize("wait", ["ek minute ruko", "one sec", "एक सेकंड"])
def test_a_few_words_asking_to_wait_keep_the_question(chat, wait):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_before_the_address(citizen)) == "address"
    waits = citizen.says(wait)
    assert "tasks.take_your_time" in keys(waits) and "applicant.address" not in citizen.task["values"]


@pytest.mark.parametrize("said", ["rehne do yaar, abhi submit nahi karna", "chodo yaar rehne do, baad me dekhenge",
                                  "ruko chhodo, rehne do ab"])
def test_leaving_the_form_at_the_summary_submits_nothing(chat, said):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    replies = citizen.says(said, "deny")
    assert citizen.task is None and "tasks.cancelled" in keys(replies)


@pytest.mark.parametrize("said, intent", [("?", "affirm"), ("🙏", "affirm"), ("...", "nlu_fallback")])
def test_a_reply_without_words_at_the_summary_submits_nothing(chat, said, intent):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    replies = citizen.says(said, intent, confidence=0.42)
    assert citizen.task is not None and "lok_seva.application.submitted" not in keys(replies)


@pytest.mark.parametrize("yes", ["haan ji sab sahi hai", "yes, everything is fine, go ahead", "yes everything is correct now"])
def test_a_long_yes_at_the_summary_submits(chat, yes):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    assert "lok_seva.application.submitted" in keys(citizen.says(yes)) and citizen.task is None


def test_a_name_still_missing_is_asked_before_the_documents(chat):
    citizen = chat()
    citizen.says("jaati praman patra चाहिए, हम ST में आते हैं, jaati Bhil", "apply_service", service="caste_certificate")
    citizen.says("पिताजी का naam Kailash Bhabor, mobile 7049382615, aadhaar ke last 4 digit 1174")
    replies = citizen.says("address: फलिया Bada, gaon Khawasa, Thandla, pin 457777")
    assert asked(replies) == "name"


def test_a_correction_at_the_documents_step_is_no_end_of_the_documents(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_up_to_the_documents(citizen)) == "documents"
    corrected = citizen.says("pati ke naam me surname galat ho gaya, भूरिया नहीं डामोर है", "deny")
    assert citizen.task["values"]["answers.father_or_husband_name"] == "रमेश डामोर"
    assert asked(corrected) == "documents" and "documents" not in citizen.task["values"]


def test_how_long_asked_at_a_free_text_question_is_answered_whatever_the_nlu_made_of_it(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    assert asked(answer_up_to_the_purpose(citizen)) == "purpose"
    replies = citizen.says("ye kitne din me ban jayega?", "inform")
    assert "lok_seva.services.details" in keys(replies) and asked(replies) == "purpose"
    assert "answers.purpose" not in citizen.task["values"]


@pytest.mark.parametrize("why", ["ye kyu puch rahe ho?", "why do you need my name?", "नाम किसलिए चाहिए",
                                 "naam ये kyu चाहिए? sab details to de di"])
def test_asked_why_a_question_is_asked_the_bot_says_why_and_asks_again(chat, why):
    citizen = chat()
    citizen.says("income certificate", "apply_service", service="income_certificate")
    replies = citizen.says(why, "check_complaint_status")  # what the NLU may make of it
    assert "tasks.why_asked.name" in keys(replies) and asked(replies) == "name"
    assert "applicant.name" not in citizen.task["values"]


def test_asked_why_another_answer_is_needed_the_bot_says_why_for_that_one(chat):
    citizen = chat()
    citizen.says("income certificate", "apply_service", service="income_certificate")
    replies = citizen.says("why do you need my address?", "inform")
    assert "tasks.why_asked.address" in keys(replies) and asked(replies) == "name"


def test_a_side_question_is_answered_and_the_question_comes_back(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    citizen.says("Sunita Bhuria")
    side = citizen.says("what is the fee?", "service_info", service="income_certificate")
    assert "lok_seva.services.details" in keys(side) and asked(side) == "mobile"
    assert "tasks.offer.mobile" in keys(side)  # the WhatsApp number still offered, with its buttons
    info = citizen.says("what is cm helpline", "info_cm_helpline")
    # a third "mobile?" in a row would read as a loop: another open question comes first
    assert "information.cm_helpline" in keys(info) and asked(info) not in ("mobile", None)


def test_a_free_text_question_does_not_swallow_a_plea_or_a_question(chat):
    citizen = chat()
    citizen.says("जाति प्रमाण पत्र", "apply_service", service="caste_certificate")
    for typed in ("सुनीता भूरिया", citizen.mobile):
        citizen.says(typed)
    citizen.taps("inform", do="skip")
    assert asked(citizen.says("jaldi karo please")) == "address"
    assert "applicant.address" not in citizen.task["values"]


def test_the_third_failure_explains_and_offers_the_ways_out(chat):
    citizen = chat()
    citizen.says("आय प्रमाण पत्र", "apply_service", service="income_certificate")
    citizen.says("सुनीता")
    citizen.says("12345")
    helped = citizen.says("९८२६")
    assert asked(helped) == "mobile" and any(r.get("tag") == "help:applicant.mobile" for r in helped)
    assert "/human_handoff" in payloads(helped) and any('"do": "cancel"' in p for p in payloads(helped))


def test_cancel_submits_nothing_and_a_new_request_in_the_same_message_starts(chat, api_url):
    citizen = chat()
    citizen.says("aay praman patra", "apply_service", service="income_certificate")
    switched = citizen.says("cancel karo, mujhe jati praman patra chahiye", "apply_service", service="caste_certificate")
    assert keys(switched)[0] == "tasks.cancelled" and citizen.task["context"]["service"]["code"] == "caste_certificate"
    stopped = citizen.says("रद्द करो")
    assert "tasks.cancelled" in keys(stopped) and citizen.task is None and applications_of(api_url, citizen) == []


def test_a_service_not_offered_here_is_told_where_to_go_and_no_form_stays_open(chat):
    citizen = chat()
    told = citizen.says("driving licence banwana hai", "apply_service")
    assert keys(told) == ["lok_seva.not_offered.told", "lok_seva.not_offered.ours"]
    assert '/apply_service{"service": "income_certificate"}' in payloads(told)  # the services to apply for instead
    assert citizen.task is None


def test_a_service_of_ours_named_for_one_not_offered_is_applied_for(chat):
    citizen = chat()
    read = message("vidhwa pension ke liye aay praman ptra ka form bharna h", "apply_service")
    read["entities"] = [{"entity": "service", "value": "old_age_pension", "start": 7, "end": 14},  # as the NLU reads it
                        {"entity": "service", "value": "income_certificate", "start": 23, "end": 38}]
    started = citizen.run(ActionTask(), read)
    assert "lok_seva.application.started" in keys(started) and "lok_seva.not_offered.told" not in keys(started)
    assert citizen.task["values"]["service"] == "income_certificate"


def test_a_service_of_ours_the_nlu_missed_beside_one_not_offered_is_applied_for(chat):
    citizen = chat()
    read = message("mera aadhar ke last 4 digit 4521 h, vidhwa pension ke liye aay praman ptra ka form bharna h",
                   "apply_service")
    read["entities"] = [{"entity": "service", "value": "old_age_pension", "start": 43, "end": 50}]  # "pension" only
    started = citizen.run(ActionTask(), read)
    assert "lok_seva.not_offered.told" not in keys(started) and citizen.task["values"]["service"] == "income_certificate"


@pytest.mark.parametrize("text, spans, field, value", [
    ("khet ka seemankan karwana h, khasra number 17", [("demarcation", 8, 17), ("land_record_copy", 29, 35)],
     "answers.khasra_number", "17"),  # "khasra" read as another service too
    ("income certificate bnwana h, saal ki income 48000", [("income_certificate", 0, 18), ("income_certificate", 37, 43)],
     "answers.annual_income", 48000),  # the service named a second time, as the cue of an answer
])
def test_words_the_nlu_read_as_a_service_still_answer_the_form(chat, text, spans, field, value):
    citizen = chat()
    opening = message(text, "apply_service")
    opening["entities"] = [{"entity": "service", "value": code, "start": start, "end": end} for code, start, end in spans]
    citizen.run(ActionTask(), opening)
    assert citizen.task["values"]["service"] == spans[0][0] and citizen.task["values"][field] == value


def test_the_service_is_asked_when_not_named_and_chosen_by_name_or_button(chat):
    citizen = chat(language="en")
    first = citizen.says("I want to apply", "apply_service")
    assert asked(first) == "service" and '/inform{"field": "service", "value": "income_certificate"}' in payloads(first)
    assert citizen.says("Domicile Certificate")[0]["key"] == "lok_seva.application.started"


def test_details_given_before_the_service_is_known_are_read_once_it_is(chat):
    citizen = chat(language="en")
    first = citizen.says("Need to register my son's birth. His name is Kabir Singad, boy, born 20-03-2025. "
                         "Father Manoj Singad, mother Rekha Singad", "apply_service")
    assert asked(first) == "service"
    assert asked(citizen.says("I am Manoj Singad, mobile 9406283715, PIN 457661")) == "service"
    citizen.taps("inform", field="service", value="birth_certificate")
    values = citizen.task["values"]
    assert values["answers.child_name"] == "Kabir Singad" and values["answers.date_of_birth"] == "2025-03-20"
    assert values["applicant.mobile"] == "9406283715" and values["applicant.pincode"] == "457661"


def test_information_outside_a_task_is_answered_in_the_citizens_language(chat):
    english = chat(language="en").run(ActionShowInformation(), message("what is jansunwai", "info_jansunwai"))
    assert keys(english) == ["information.jansunwai"]


def test_a_service_named_in_what_reads_as_a_complaint_is_applied_for(chat):
    citizen = chat(language="en")
    started = citizen.says("Marriage registration: groom Deepak Parmar, bride Sapna Parmar, married on 10-02-2025",
                           "register_complaint", service="marriage_registration")
    assert "lok_seva.application.started" in keys(started) and citizen.task["kind"] == "application"
    assert citizen.task["values"]["answers.groom_name"] == "Deepak Parmar"


def test_the_bride_speaking_before_any_name_is_known_is_named_by_the_offered_name(chat):
    citizen = chat(profile_name="Sapna Parmar")
    offered = citizen.says("शादी का पंजीयन करवाना है, मैं दुल्हन हूँ", "apply_service", service="marriage_registration")
    assert asked(offered) == "name"  # the WhatsApp name, offered
    citizen.taps("affirm", field="applicant.name")
    assert citizen.task["values"]["answers.bride_name"] == "Sapna Parmar"


def test_who_names_his_wife_is_the_groom(chat):
    citizen = chat()
    citizen.says("मेरी शादी का रजिस्ट्रेशन करवाना है, मेरा नाम राहुल निनामा, पत्नी का नाम संगीता", "apply_service",
                 service="marriage_registration")
    values = citizen.task["values"]
    assert values["answers.groom_name"] == values["applicant.name"] == "राहुल निनामा"
    assert values["answers.bride_name"] == "संगीता"


def test_who_is_the_officer_in_a_form_names_the_services_officer_and_opens_no_handoff(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    replies = citizen.says("who is the officer?", "human_handoff")
    assert "lok_seva.services.details" in keys(replies) and "Solanki" in texts(replies)
    assert citizen.task is not None and not any("handoff" in key for key in keys(replies))


def test_a_profile_name_that_names_nobody_is_not_offered(chat):
    citizen = chat(language="en", profile_name="WhatsApp User")
    started = citizen.says("income certificate", "apply_service", service="income_certificate")
    assert "tasks.offer.name" not in keys(started) and asked(started) == "name"


def test_an_offer_answered_around_waits_and_is_taken_for_the_summary(chat):
    citizen = chat(profile_name="Prakash Vasuniya")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    replies = citizen.says("pati Raju Vasuniya, mazdoori, 55 hajar saal ka")
    assert asked(replies) != "name"  # the name offered first is not asked again while others are answered
    while asked(replies) not in ("documents", "confirm"):
        replies = citizen.taps("affirm", field="applicant.mobile") if asked(replies) == "mobile" \
            else citizen.says("ग्राम कालीदेवी, तहसील झाबुआ") if asked(replies) == "address" \
            else citizen.says("457661") if asked(replies) == "pincode" else citizen.taps("inform", do="skip")
    assert citizen.task["values"]["applicant.name"] == "Prakash Vasuniya"  # shown in the summary, to change there


def test_how_long_in_the_middle_of_a_form_tells_the_services_time(chat):
    citizen = chat()
    citizen.says("income certificate", "apply_service", service="income_certificate")
    citizen.says("Sunita Bhuria")
    answered = citizen.says("kitne din me banega?", "check_application_status")  # no number: about this one
    assert "lok_seva.services.details" in keys(answered) and asked(answered) == "mobile"


def test_an_opening_written_line_by_line_is_read_line_by_line(chat):
    citizen = chat()
    text = "मूल निवास chahiye\nnaam Pooja Katara\npapa Bhuru Katara\nDOB 12/03/1999\n26 saal se MP में ही rehti hu"
    opening = message(text, "apply_service", service="domicile_certificate")
    opening["entities"][0].update(start=0, end=len("मूल निवास"))  # the words the NLU read as the service
    citizen.run(ActionTask(), opening)
    values = citizen.task["values"]
    assert values["applicant.name"] == "Pooja Katara" and values["answers.father_or_husband_name"] == "Bhuru Katara"
    assert values["answers.date_of_birth"] == "1999-03-12" and values["answers.years_of_residence"] == 26


@pytest.mark.parametrize("typed", ["ruko", "एक मिनट", "wait"])
def test_asked_to_wait_the_bot_waits_and_stores_nothing(chat, typed):
    citizen = chat()
    citizen.says("जाति प्रमाण पत्र", "apply_service", service="caste_certificate")
    citizen.says("सुनीता भूरिया")
    citizen.taps("affirm", field="applicant.mobile")
    assert asked(citizen.taps("inform", do="skip")) == "address"
    replies = citizen.says(typed, "nlu_fallback", confidence=0.3)
    assert "tasks.take_your_time" in keys(replies) and asked(replies) == "address"
    assert "applicant.address" not in citizen.task["values"]


def test_asking_whether_it_is_free_mid_form_gets_the_fee_whatever_the_nlu_read(chat):
    citizen = chat(language="en")
    question = asked(citizen.says("income certificate", "apply_service", service="income_certificate"))
    replies = citizen.says("is this free?", "main_menu", confidence=0.52)
    assert "lok_seva.services.details" in keys(replies) and asked(replies) == question


def test_asking_when_the_office_opens_mid_form_is_answered_and_the_form_stays(chat):
    citizen = chat()
    citizen.says("जाति प्रमाण पत्र", "apply_service", service="caste_certificate")
    replies = citizen.says("office kab khulta h?", "human_handoff", confidence=0.9)
    assert "tasks.office_hours" in keys(replies) and citizen.task is not None and asked(replies) == "name"


def test_a_relatives_name_after_the_deceased_is_named_is_the_next_persons(chat):
    citizen = chat()
    citizen.says("मेरी माँ का मृत्यु प्रमाण पत्र बनवाना है। माँ का नाम सुगना बाई भूरिया था, 12 दिसंबर 2025 को जिला "
                 "अस्पताल झाबुआ में खत्म हो गईं", "apply_service", service="death_certificate")
    citizen.says("मेरा नाम कमलेश भूरिया, पिताजी का नाम मांगीलाल भूरिया")
    values = citizen.task["values"]
    assert values["answers.deceased_name"] == "सुगना बाई भूरिया"
    assert values["answers.deceased_relative_name"] == "मांगीलाल भूरिया"


@pytest.mark.parametrize("correction", ["nahi mummy ka naam Sunita Bhuria h", "nahi nahi mummy ka naam Sunita Bhuria h"])
def test_a_no_left_from_a_correction_is_no_answer_to_the_question_asked(chat, correction):
    citizen = chat()
    replies = citizen.says("mere bete ka janm praman patra chahiye, mera naam Ajay Baria, bete ka naam Vihaan, 20 nov 2025 "
                           "ko zila aspatal Jhabua me hua, ladka h, mummy Sunita Baria, mob 9300011203, aadhar nahi dena",
                           "apply_service", service="birth_certificate")
    for _ in range(5):
        if asked(replies) == "address":
            break
        replies = citizen.says("haan")
    assert asked(replies) == "address"
    citizen.says(correction)
    values = citizen.task["values"]
    assert values["answers.mother_name"] == "Sunita Bhuria" and "applicant.address" not in values


def test_a_form_set_aside_for_an_officer_is_taken_up_again_when_the_bot_is_back(chat, monkeypatch):
    monkeypatch.setenv("DASHBOARD_URL", "http://127.0.0.1:9")  # down: the request waits in the outbox
    citizen = chat()
    citizen.says("आय प्रमाण पत्र बनवाना है", "apply_service", service="income_certificate")
    question = asked(citizen.says("मेरा नाम सुनीता भूरिया है"))
    citizen.run(ActionRequestHuman(), message("किसी अधिकारी से बात करवा दो", "human_handoff"))
    assert citizen.task is None and citizen.slots["handoff_active"]
    back = citizen.run(ActionLeaveHandoff(), message("/leave_handoff", "leave_handoff"))
    assert keys(back)[0] == "utter_handoff_left" and "utter_main_menu" not in keys(back)
    assert asked(back) == question and citizen.task is not None  # the form goes on where it stood
    assert citizen.task["values"]["applicant.name"] == "सुनीता भूरिया"


def test_an_officer_the_nlu_is_unsure_of_is_offered_and_the_form_goes_on(chat):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    question = asked(citizen.says("my name is Sunita Bhuria"))
    offered = citizen.says("the number is on the card I sent, can't you read it?", "human_handoff", confidence=0.41)
    assert "tasks.officer_or_continue" in keys(offered) and "/human_handoff" in payloads(offered)
    assert citizen.task is not None and not citizen.slots.get("handoff_active")
    assert asked(citizen.taps("inform", do="continue")) == question
    citizen.says("/human_handoff", "human_handoff", confidence=1.0)  # the button: the officer is called
    assert citizen.slots["handoff_active"] and citizen.slots[TASK_BEFORE_HANDOFF] is not None


def test_a_mutation_of_a_khasra_named_starts_the_mutation_not_a_copy_of_the_khasra(chat):
    citizen = chat()
    text = "Kalidevi village me khasra 45/2 ka mutation karwana hai, land maine Ramesh Bhuria se kharidi hai"
    opening = message(text, "apply_service")
    opening["entities"] = [{"entity": "service", "value": value, "start": text.index(words),
                            "end": text.index(words) + len(words)}
                           for value, words in (("land_record_copy", "khasra"), ("mutation", "mutation"))]
    citizen.run(ActionTask(), opening)
    assert citizen.task["kind"] == "application" and citizen.task["context"]["service"]["code"] == "mutation"


def test_cancelled_for_the_service_meant_that_one_is_started(chat):
    citizen = chat()
    citizen.says("aay praman patra", "apply_service", service="income_certificate")
    replies = citizen.says("cancel karo, galti se bola, mujhe jati praman patra chahiye tha", "deny",
                           service="caste_certificate")
    assert keys(replies)[:2] == ["tasks.cancelled", "lok_seva.application.started"]
    assert citizen.task["context"]["service"]["code"] == "caste_certificate"


def test_the_profile_name_written_out_in_full_is_the_applicants_name(chat):
    citizen = chat(profile_name="Jhitri Bai")
    replies = citizen.says("Old age pension for me, Jhitri Bai Damor, born 1 July 1950", "apply_service",
                           service="old_age_pension")
    assert citizen.task["values"]["applicant.name"] == "Jhitri Bai Damor" and asked(replies) != "name"


def test_a_question_in_the_middle_changes_no_answer(chat):
    citizen = chat()
    citizen.says("namantaran karwana hai", "apply_service", service="mutation")
    citizen.says("mera naam Jitendra Parmar, mob 8962175340, pta Ward 12, Meghnagar, pin 457779")
    citizen.says("tehsil office kab khulta h?", "ask_office_hours")
    assert citizen.task["values"]["applicant.address"] == "Ward 12, Meghnagar"


@pytest.mark.parametrize("submit", ["haan jama karo", "ok kar do"])
def test_asked_to_submit_with_a_question_still_open_the_citizen_is_told_what_is_missing(chat, submit):
    citizen = chat()
    question = asked(citizen.says("aay praman patra", "apply_service", service="income_certificate"))
    replies = citizen.says(submit, "affirm")
    assert "tasks.still_needed" in keys(replies) and asked(replies) == question
    assert not any(key.startswith("tasks.invalid") for key in keys(replies)), keys(replies)


def test_a_service_the_nlu_did_not_tag_is_found_by_its_common_name(chat):
    citizen = chat()
    citizen.says("शादी का registration करवाना है, groom मैं हूँ Deepak Singad", "apply_service")
    assert citizen.task["context"]["service"]["code"] == "marriage_registration"


def test_saying_again_what_is_known_is_no_wrong_answer_to_the_question(chat):
    citizen = chat(language="en")
    citizen.says("Need death certificate for my father", "apply_service", service="death_certificate")
    question = asked(citizen.says("My name is Shantilal Katara, mobile 9179036542"))
    replies = citizen.says("I am his son")  # the relation is known from "my father"
    assert asked(replies) == question and not any(key.startswith("tasks.invalid") for key in keys(replies))


@pytest.mark.parametrize("said, thanked", [("सीता भूरिया", False), ("धन्यवाद जी 🙏", True)])
def test_a_name_the_nlu_took_for_thanks_answers_the_name(chat, said, thanked):
    citizen = chat()
    citizen.says("राशन कार्ड बनवाना है", "apply_service", service="ration_card")
    replies = citizen.says(said, "thank", confidence=0.75)
    assert ("utter_thank" in keys(replies)) == thanked
    assert (citizen.task["values"].get("applicant.name") == said) != thanked


def test_a_service_named_in_words_has_its_questions_read_from_the_same_message(chat):
    citizen = chat()
    citizen.says("शादी का registration करवाना है, groom मैं हूँ Deepak Singad, bride का naam Anita Singad, "
                 "शादी 10-05-2025 को हुई", "apply_service")  # no service entity: the words name it
    values = citizen.task["values"]
    assert values["service"] == "marriage_registration" and values["answers.marriage_date"] == "2025-05-10"
    assert values["answers.groom_name"] == values["applicant.name"] == "Deepak Singad"


def test_a_vague_time_asked_a_date_counts_towards_the_help(chat):
    citizen = chat()
    citizen.says("मूल निवास प्रमाण पत्र", "apply_service", service="domicile_certificate")
    answer_up_to_the_address(citizen)
    citizen.says("457661")
    assert asked(citizen.says("रमेश भूरिया")) == "date_of_birth"
    citizen.says("pichle saal")
    helped = citizen.says("holi ke kuch din baad", "out_of_scope", confidence=0.9)  # no other topic: a try
    assert "utter_out_of_scope_in_task" not in keys(helped)
    assert any(str(r.get("tag")).startswith("help:") for r in helped) and "/human_handoff" in payloads(helped)
