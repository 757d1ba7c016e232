"""Applying for a service through the form, against the real Lok Seva API."""
from __future__ import annotations

import requests

from actions.information import ActionShowInformation
from actions.lok_seva.services import ActionServiceInfo
from tests.actions.lok_seva.chat import payloads, texts
from tests.lokseva_api.lokseva_helpers import CLIENT, VALID_AADHAAR

HINDI_QUESTIONS = ["आपका पूरा नाम क्या है?", "आपका 10 अंकों का मोबाइल नंबर क्या है?",
                   "आपका 12 अंकों का आधार नंबर क्या है?", "आपका पूरा पता (गाँव/मोहल्ला, तहसील) क्या है?",
                   "आपके क्षेत्र का 6 अंकों का पिन कोड क्या है?", "आपके पिता या पति का नाम क्या है?",
                   "परिवार की कुल वार्षिक आय कितने रुपये है?", "आय का मुख्य स्रोत क्या है?",
                   "प्रमाण पत्र किस काम के लिए चाहिए? (जैसे छात्रवृत्ति)"]


def answer_income_certificate(citizen, aadhaar=VALID_AADHAAR):
    """Answers every catalogue question of the income certificate; the replies to each."""
    return [
        citizen.says("सुनीता भूरिया"),
        citizen.says(citizen.mobile),
        citizen.says(aadhaar),
        citizen.says("ग्राम कालीदेवी, तहसील झाबुआ"),
        citizen.says("457661"),
        citizen.says("रमेश भूरिया"),
        citizen.says("1,20,000"),
        citizen.taps("inform", option="agriculture"),
        citizen.taps("deny"),  # the optional purpose, skipped
    ]


def test_the_questions_come_from_the_catalogue_and_the_application_is_submitted(chat, api_url):
    citizen = chat()
    first = citizen.start("apply_service", "आय प्रमाण पत्र बनवाना है", service="income_certificate")
    assert "आय प्रमाण पत्र" in texts(first) and HINDI_QUESTIONS[0] in texts(first)

    replies = answer_income_certificate(citizen)
    asked = [texts(first)] + [texts(reply) for reply in replies[:-1]]
    for question, said in zip(HINDI_QUESTIONS, asked):
        assert question in said
    assert "/inform{\"option\": \"labour\"}" in payloads(replies[6])  # the choices as buttons
    assert "दस्तावेज़" in texts(replies[-1]) and "समग्र आईडी" in texts(replies[-1])

    summary = citizen.says("हो गया")
    assert f"XXXX XXXX {VALID_AADHAAR[-4:]}" in texts(summary)
    assert VALID_AADHAAR not in texts(summary) and citizen.mobile not in texts(summary)
    assert "खेती" in texts(summary) and payloads(summary) == ["/affirm", "/deny"]

    done = citizen.taps("affirm")
    number = citizen.state is None and texts(done).split("*")[1]
    assert number.startswith("LS-") and "आपका आवेदन जमा हो गया" in texts(done)
    application = requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    assert application["applicant"]["wa_id"] == citizen.sender
    assert application["applicant"]["aadhaar_masked"] == f"XXXX XXXX {VALID_AADHAAR[-4:]}"
    assert application["answers"] == {"father_or_husband_name": "रमेश भूरिया", "annual_income": 120000,
                                      "income_source": "agriculture"}


def test_answers_are_checked_by_the_api_in_the_citizens_language(chat):
    citizen = chat(language="en")
    citizen.start("apply_service", "apply for income certificate", service="income_certificate")
    citizen.says("Sunita Bhuria")
    wrong_mobile = citizen.says("12345")
    assert "10-digit mobile number starting with 6, 7, 8 or 9" in texts(wrong_mobile)
    assert "What is your 10-digit mobile number?" in texts(wrong_mobile)  # asked again
    citizen.says(citizen.mobile)
    wrong_aadhaar = citizen.says("2345 6789 0123")
    assert "not a valid Aadhaar number" in texts(wrong_aadhaar)
    assert "/deny" in payloads(wrong_aadhaar)  # Aadhaar is optional: it can be skipped

    hindi = chat(language="hi")
    hindi.start("apply_service", service="income_certificate")
    hindi.says("सुनीता")
    assert "मोबाइल नंबर लिखें" in texts(hindi.says("12345"))


def test_the_service_is_asked_when_not_named_and_chosen_from_buttons(chat):
    citizen = chat(language="en")
    first = citizen.start("apply_service", "I want to apply")
    assert "Which service would you like to apply for?" in texts(first)
    assert '/inform{"service": "income_certificate"}' in payloads(first)
    typed = citizen.says("Domicile Certificate")
    assert "Domicile Certificate" in texts(typed) and "What is your full name?" in texts(typed)


def test_a_service_named_alone_is_the_choice_even_when_read_as_asking_for_a_certificate(chat):
    citizen = chat()
    citizen.start("apply_service", "आवेदन करना है")
    assert not citizen.claimed("आय प्रमाण पत्र के लिए कौन से दस्तावेज़ चाहिए", "service_info",
                               service="income_certificate")  # a question about it, answered by its rule
    chosen = citizen.says_misread("आय प्रमाण पत्र", "download_certificate", service="income_certificate")
    assert "*आय प्रमाण पत्र* के लिए आवेदन शुरू" in texts(chosen) and "आपका पूरा नाम क्या है?" in texts(chosen)
    assert not citizen.claimed("मेरा प्रमाण पत्र भेजो", "download_certificate")  # no service named


def test_a_side_question_is_answered_and_the_form_goes_on(chat):
    citizen = chat(language="en")
    citizen.start("apply_service", service="income_certificate")
    citizen.says("Sunita Bhuria")
    side = citizen.side_question(ActionShowInformation(), "info_cm_helpline", "what is cm helpline")
    assert "CM Helpline 181" in texts(side) and "What is your 10-digit mobile number?" in texts(side)
    details = citizen.side_question(ActionServiceInfo(), "service_info", service="income_certificate")
    assert "Fee: ₹30" in texts(details) and "What is your 10-digit mobile number?" in texts(details)
    assert "Enter" not in texts(citizen.says(citizen.mobile))  # the answer still counts


def test_cancel_at_any_point_or_no_at_the_end_submits_nothing(chat, api_url):
    citizen = chat()
    citizen.start("apply_service", service="income_certificate")
    citizen.says("सुनीता भूरिया")
    stopped = citizen.says("रद्द करो")
    assert "रद्द कर दिया गया" in texts(stopped) and citizen.active_loop is None and citizen.state is None

    other = chat(language="en")
    other.start("apply_service", service="income_certificate")
    answer_income_certificate(other)
    other.says("done")
    declined = other.taps("deny")
    assert "nothing was submitted" in texts(declined)
    for someone in (citizen, other):
        mine = requests.get(f"{api_url}/api/v1/applications", params={"wa_id": someone.sender}, headers=CLIENT, timeout=10).json()
        assert mine["total"] == 0


def test_numbers_written_inside_a_sentence_are_taken(chat, api_url):
    citizen = chat()
    citizen.start("apply_service", "आय प्रमाण पत्र बनवाना है", service="income_certificate")
    citizen.says("सुनीता भूरिया")
    spaced = f"{citizen.mobile[:5]} {citizen.mobile[5:]}".translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    assert "आधार" in texts(citizen.says(f"मेरा मोबाइल नंबर {spaced} है"))
    assert "पता" in texts(citizen.says(f"mera aadhaar {VALID_AADHAAR[:4]}-{VALID_AADHAAR[4:8]}-{VALID_AADHAAR[8:]} hai"))
    citizen.says("ग्राम कालीदेवी, तहसील झाबुआ")
    two_numbers = citizen.says("457661 या 457662")
    assert "पिन कोड" in texts(two_numbers)  # not guessed: asked again
    assert "पिता या पति" in texts(citizen.says("pin code 457661"))


def test_answers_said_as_in_a_chat_are_kept_without_the_words_around_them(chat, api_url):
    citizen = chat()
    citizen.start("apply_service", "आय प्रमाण पत्र बनवाना है", service="income_certificate")
    citizen.says("मेरा नाम सुनीता भूरिया है")
    citizen.says(citizen.mobile)
    citizen.taps("deny")  # no Aadhaar
    citizen.says("ग्राम कालीदेवी, तहसील झाबुआ")
    citizen.says("457661")
    citizen.says("mere pati ka naam Ramesh Bhuria hai")
    assert "आय का मुख्य स्रोत" in texts(citizen.says("लगभग 1 लाख 20 हजार रुपये"))
    citizen.taps("inform", option="labour")
    citizen.taps("deny")
    summary = texts(citizen.says("हो गया"))
    assert "आवेदक का नाम: सुनीता भूरिया\n" in summary and "पिता/पति का नाम: Ramesh Bhuria\n" in summary
    assert "वार्षिक आय (रुपये): 120000" in summary


def test_no_to_the_service_list_ends_the_form(chat):
    citizen = chat()
    citizen.start("apply_service", "आवेदन करना है")
    stopped = citizen.says("nahi", "deny")
    assert "रद्द कर दिया गया" in texts(stopped) and citizen.active_loop is None
