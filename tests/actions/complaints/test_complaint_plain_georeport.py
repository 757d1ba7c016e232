"""Against a 311 system that speaks only GeoReport v2 (its /api/v1 answers
404): no duplicate step, "my complaints" from the numbers this conversation
registered, and a kind answer where a feature is missing."""
from __future__ import annotations

import pytest
from complaint_chat import registered

from actions.complaints.backend import open311
from actions.complaints.feedback import ActionReopenComplaint
from actions.complaints.status import ActionComplaintStatus
from tests.actions.citizen_chat import Chat, asked, keys, message, texts


@pytest.fixture
def plain_georeport(api, monkeypatch) -> str:
    monkeypatch.setenv("OPEN311_EXTRAS_URL", f"{api}/no-such-extras")  # a real server, answering 404
    open311.cache_clear()
    return api


def test_no_duplicate_step_without_a_nearby_search(api, spot, monkeypatch):
    registered(spot)
    monkeypatch.setenv("OPEN311_EXTRAS_URL", f"{api}/no-such-extras")
    open311.cache_clear()
    chat = Chat(language="en")
    chat.says("garbage", "register_complaint", complaint_category="garbage")
    assert asked(chat.sends_pin(*spot)) != "duplicate" and chat.task["context"].get("duplicate") is None


def test_my_complaints_come_from_the_numbers_registered_here(plain_georeport, spot):
    chat = Chat(language="en")
    assert keys(chat.run(ActionComplaintStatus(), message("my complaints", "check_complaint_status"))) == [
        "complaints.texts.ask_complaint_number"]
    number = registered(spot, chat.sender)
    chat.slots["my_complaint_ids"] = [number]
    shown = chat.run(ActionComplaintStatus(), message("my complaints", "check_complaint_status"))
    assert number in texts(shown) and keys(shown) == ["complaints.texts.status"]


def test_without_a_phone_number_the_citizen_is_asked_for_the_complaint_number(plain_georeport):
    chat = Chat(sender="web-visitor-7", language="hi")
    asked_for = chat.run(ActionComplaintStatus(), message("meri shikayat kahan tak pahunchi", "check_complaint_status"))
    assert keys(asked_for) == ["complaints.texts.ask_complaint_number"]


def test_reopening_is_answered_as_not_offered(plain_georeport, spot):
    chat = Chat(language="en")
    number = registered(spot, chat.sender)
    told = chat.run(ActionReopenComplaint(), message(f'/deny{{"complaint_id": "{number}"}}', "deny", complaint_id=number))
    assert len(told) == 1 and number not in chat.slots.get("my_complaint_ids", [])
