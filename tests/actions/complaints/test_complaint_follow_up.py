"""Following a complaint: status by number, "my complaints" by WhatsApp
number, and after resolution confirming (then rating) or reopening."""
from __future__ import annotations

from complaint_chat import Chat, payloads, registered, texts

from actions.complaints.feedback import ActionComplaintFixed, ActionRateComplaint, ActionReopenComplaint
from actions.complaints.status import ActionComplaintStatus


def status_of(number: str, sender_id: str, language: str = "en") -> list:
    chat = Chat(sender_id=sender_id, language=language)
    chat.says(f"status of {number}", "check_complaint_status", {"complaint_id": number})
    return chat.run(ActionComplaintStatus())


def test_status_by_number_in_both_languages(api, spot, operator):
    number = registered(spot, "919800000021")
    english = texts(status_of(number, "919800000099"))
    assert number in english and "Registered" in english and "Garbage" in english
    assert operator.complaint(number)["agency_responsible"] in english
    hindi = texts(status_of(number, "919800000099", "hi"))
    assert "स्थिति: *दर्ज*" in hindi and operator.complaint(number, "hi")["agency_responsible"] in hindi


def test_an_unknown_number_is_answered_kindly(api):
    assert "No complaint with number CMP-2020-999999" in texts(status_of("CMP-2020-999999", "919800000022"))


def test_my_complaints_lists_them_by_whatsapp_number(api, spot):
    first = registered(spot, "919800000023")
    second = registered((spot[0] + 0.0004, spot[1] + 0.0004), "919800000023")
    chat = Chat(sender_id="919800000023", language="en")
    chat.says("my complaints", "check_complaint_status")
    answer = chat.run(ActionComplaintStatus())
    assert texts(answer).index(second) < texts(answer).index(first)  # newest first
    assert payloads(answer) == [f'/check_complaint_status{{"complaint_id": "{n}"}}' for n in (second, first)]

    nobody = Chat(sender_id="919800000024", language="hi")
    nobody.says("meri shikayat", "check_complaint_status")
    none = nobody.run(ActionComplaintStatus())
    assert "कोई शिकायत नहीं मिली" in texts(none) and payloads(none) == ["/register_complaint"]


def test_a_resolved_complaint_is_confirmed_and_rated(api, spot, operator):
    number = registered(spot, "919800000025")
    operator.resolve(number)
    shown = status_of(number, "919800000025")
    assert "Resolved" in texts(shown) and "Is it really fixed?" in texts(shown)
    assert payloads(shown) == [f'/affirm{{"complaint_id": "{number}"}}', f'/deny{{"complaint_id": "{number}"}}']
    assert payloads(status_of(number, "919800000026")) == []  # only the complainant is asked

    chat = Chat(sender_id="919800000025", language="en")
    chat.says(payloads(shown)[0], "affirm", {"complaint_id": number})
    rating_choices = payloads(chat.run(ActionComplaintFixed()))
    assert len(rating_choices) == 5 and rating_choices[3] == f'/inform{{"rating": "4", "complaint_id": "{number}"}}'
    chat.says(rating_choices[3], "inform", {"rating": "4", "complaint_id": number})
    assert "(4/5)" in texts(chat.run(ActionRateComplaint()))
    assert operator.complaint(number)["extended_attributes"]["rating"] == 4
    assert "Is it really fixed?" not in texts(status_of(number, "919800000025"))


def test_a_resolved_complaint_that_is_not_fixed_is_reopened(api, spot, operator):
    number = registered(spot, "919800000027")
    operator.resolve(number)
    chat = Chat(sender_id="919800000027", language="hi")
    chat.says(f'/deny{{"complaint_id": "{number}"}}', "deny", {"complaint_id": number})
    assert "दोबारा खोल दी गई" in texts(chat.run(ActionReopenComplaint()))
    assert operator.complaint(number)["extended_attributes"]["internal_status"] == "reopened"


def test_someone_else_cannot_rate_a_complaint(api, spot, operator):
    number = registered(spot, "919800000028")
    operator.resolve(number)
    chat = Chat(sender_id="919800000029", language="en")
    chat.says("", "inform", {"rating": "1", "complaint_id": number})
    assert "did not accept" in texts(chat.run(ActionRateComplaint()))
    assert operator.complaint(number)["extended_attributes"]["rating"] is None


def test_a_rating_outside_one_to_five_is_refused_without_calling_the_api(settings_env):
    chat = Chat(language="en")
    chat.says("", "inform", {"rating": "9", "complaint_id": "CMP-2026-000001"})
    assert "did not accept" in texts(chat.run(ActionRateComplaint()))
