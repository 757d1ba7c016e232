"""Against a 311 system that speaks only GeoReport v2 (its /api/v1 answers
404): no duplicate step, "my complaints" from the numbers this conversation
registered, and a kind answer where a feature is missing."""
from __future__ import annotations

import pytest
from complaint_chat import Chat, payload, pin, registered, texts

from actions.complaints.backend import open311
from actions.complaints.feedback import ActionReopenComplaint
from actions.complaints.status import ActionComplaintStatus


@pytest.fixture
def plain_georeport(api, monkeypatch) -> str:
    monkeypatch.setenv("OPEN311_EXTRAS_URL", f"{api}/no-such-extras")  # a real server, answering 404
    open311.cache_clear()
    return api


def test_no_duplicate_step_without_a_nearby_search(api, spot, monkeypatch):
    registered(spot, "919800000041")
    monkeypatch.setenv("OPEN311_EXTRAS_URL", f"{api}/no-such-extras")
    open311.cache_clear()
    chat = Chat(sender_id="919800000042", language="en")
    chat.says("garbage", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.taps(pin(spot)).form_turn()
    assert chat.slots["requested_slot"] == "complaint_description"


def test_my_complaints_come_from_the_numbers_registered_here(plain_georeport, spot):
    chat = Chat(sender_id="919800000043", language="en")
    chat.says("my complaints", "check_complaint_status")
    assert "found no complaints" in texts(chat.run(ActionComplaintStatus()))

    number = registered(spot, "919800000043")
    chat.slots["my_complaint_ids"] = [number]
    shown = texts(chat.run(ActionComplaintStatus()))
    assert number in shown and "Registered" in shown


def test_without_a_phone_number_the_citizen_is_asked_for_the_complaint_number(plain_georeport):
    chat = Chat(sender_id="web-visitor-7", language="hi", channel="rest")
    chat.says("meri shikayat kahan tak pahunchi", "check_complaint_status")
    assert "क्रमांक भेजें" in texts(chat.run(ActionComplaintStatus()))


def test_reopening_is_answered_as_not_offered(plain_georeport, spot):
    number = registered(spot, "919800000044")
    chat = Chat(sender_id="919800000044", language="en")
    chat.taps(payload("deny", complaint_id=number))
    assert "not available on WhatsApp yet" in texts(chat.run(ActionReopenComplaint()))
