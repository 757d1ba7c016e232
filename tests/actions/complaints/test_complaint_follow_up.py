"""Following a complaint: status by number, "my complaints" by WhatsApp
number, and after resolution confirming (then rating) or reopening."""
from __future__ import annotations

from complaint_chat import registered

from actions.complaints.feedback import ActionComplaintFixed, ActionRateComplaint, ActionReopenComplaint
from actions.complaints.status import ActionComplaintStatus
from actions.follow_up import ActionFollowUp
from tests.actions.citizen_chat import Chat, keys, message, payloads, texts


def status_of(number: str, sender: str, language: str = "en") -> list:
    return Chat(sender=sender, language=language).run(
        ActionComplaintStatus(), message(f"status of {number}", "check_complaint_status", complaint_id=number))


def test_status_by_number_for_the_citizen_and_limited_for_others(api, spot, operator):
    mine = Chat(language="en")
    number = registered(spot, mine.sender)
    shown = status_of(number, mine.sender)
    assert keys(shown) == ["complaints.texts.status"] and operator.complaint(number)["agency_responsible"] in texts(shown)
    stranger = Chat(sender="919800000099", language="en")
    limited = stranger.run(ActionComplaintStatus(), message(f"status of {number}", "check_complaint_status",
                                                            complaint_id=number))
    assert keys(limited) == ["complaints.texts.status_limited"]
    when = stranger.run(ActionFollowUp(), message("kab tak?", "inform"))
    assert keys(when) == ["complaints.texts.status_limited"]  # the same one, still limited


def test_a_new_complaint_said_beside_a_status_is_started_after_it(api, spot):
    citizen = Chat(language="en")
    number = registered(spot, citizen.sender)
    replies = citizen.run(ActionComplaintStatus(), message(
        f"{number} ka status batao, aur ek nayi complaint: street light band hai", "check_complaint_status",
        complaint_id=number, complaint_category="streetlight"))
    assert keys(replies)[0] == "complaints.texts.status"
    assert citizen.task["kind"] == "complaint" and citizen.task["values"]["category"] == "streetlight"


def test_an_unknown_number_is_answered_kindly(api):
    assert keys(status_of("CMP-2020-999999", "919800000022")) == ["complaints.texts.status_not_found"]


def test_my_complaints_are_listed_newest_first_and_one_is_found_by_its_problem(api, spot):
    citizen = Chat(language="en")
    first = registered(spot, citizen.sender)
    second = registered((spot[0] + 0.0004, spot[1] + 0.0004), citizen.sender)
    listed = citizen.run(ActionComplaintStatus(), message("my complaints", "check_complaint_status"))
    assert payloads(listed) == [f'/check_complaint_status{{"complaint_id": "{n}"}}' for n in (second, first)]
    garbage = citizen.run(ActionComplaintStatus(), message("kachre wali ka kya hua", "check_complaint_status"))
    assert second in texts(garbage)  # the newest garbage complaint

    nobody = Chat(language="hi").run(ActionComplaintStatus(), message("meri shikayat", "check_complaint_status"))
    assert keys(nobody) == ["complaints.texts.no_complaints"] and payloads(nobody) == ["/register_complaint"]


def test_a_resolved_complaint_is_confirmed_and_rated_by_its_citizen_only(api, spot, operator):
    citizen = Chat(language="en")
    number = registered(spot, citizen.sender)
    operator.resolve(number)
    shown = status_of(number, citizen.sender)
    assert payloads(shown) == [f'/affirm{{"complaint_id": "{number}"}}', f'/deny{{"complaint_id": "{number}"}}']
    assert payloads(status_of(number, "919800000026")) == []  # only the citizen is asked

    choices = payloads(citizen.run(ActionComplaintFixed(), message(payloads(shown)[0], "affirm", complaint_id=number)))
    assert len(choices) == 5 and choices[3] == f'/inform{{"rating": "4", "complaint_id": "{number}"}}'
    citizen.run(ActionRateComplaint(), message(choices[3], "inform", rating="4", complaint_id=number))
    assert operator.complaint(number)["extended_attributes"]["rating"] == 4
    assert payloads(status_of(number, citizen.sender)) == []  # not asked again

    stranger = Chat(language="en").run(ActionRateComplaint(), message("", "inform", rating="1", complaint_id=number))
    assert keys(stranger) and operator.complaint(number)["extended_attributes"]["rating"] == 4


def test_a_resolved_complaint_that_is_not_fixed_is_reopened(api, spot, operator):
    citizen = Chat()
    number = registered(spot, citizen.sender)
    operator.resolve(number)
    citizen.run(ActionReopenComplaint(), message(f'/deny{{"complaint_id": "{number}"}}', "deny", complaint_id=number))
    assert operator.complaint(number)["extended_attributes"]["internal_status"] == "reopened"


def test_not_fixed_typed_under_the_question_reopens_the_complaint_shown(api, spot, operator):
    citizen = Chat()
    number = registered(spot, citizen.sender)
    operator.resolve(number)
    status_of_mine = citizen.run(ActionComplaintStatus(), message(f"{number} ka status", "check_complaint_status",
                                                                  complaint_id=number))
    assert "complaints.texts.ask_fixed" in keys(status_of_mine)
    citizen.run(ActionReopenComplaint(), message("kha thik hui, abhi tak koi nhi aaya", "register_complaint"))
    assert operator.complaint(number)["extended_attributes"]["internal_status"] == "reopened"


def test_a_rating_outside_one_to_five_is_refused_without_calling_the_api(settings_env):
    told = Chat(language="en").run(ActionRateComplaint(), message("", "inform", rating="9", complaint_id="CMP-2026-000001"))
    assert len(told) == 1


def test_a_status_asked_beside_a_new_complaint_is_told_before_it_starts(api, spot):
    citizen = Chat(language="en")
    number = registered(spot, citizen.sender)
    replies = citizen.says(f"{number} ka status kya hai? aur ek nayi complaint bhi hai, Palasia me street light band",
                           "register_complaint", complaint_category="streetlight", complaint_id=number)
    assert keys(replies)[0] == "complaints.texts.status" and number in texts(replies)
    assert citizen.task is not None and citizen.task["values"]["category"] == "streetlight"
