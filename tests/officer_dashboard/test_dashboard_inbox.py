"""The officers' inbox: the action server's internal API, the list, replying,
taking and closing through Rasa (the recording stand-in), the audit log."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from dashboard_helpers import CITIZEN_WA_ID, post_form

from officer_dashboard.conversation import conversation
from officer_dashboard.masking import masked_phone

KEY = {"X-Handoff-Key": "dev-handoff-key"}


def ask_for_officer(client, request_id="handoff:1", minutes_ago=12, name="सुनीता"):
    requested = (datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)).isoformat()
    return client.post("/internal/handoffs", headers=KEY, json={
        "request_id": request_id, "sender_id": CITIZEN_WA_ID, "name": name, "language": "hi",
        "requested_at": requested})


@pytest.fixture
def handoff_id(app, login) -> int:
    response = ask_for_officer(login("urban_officer"))
    assert response.status_code == 201
    return response.json()["id"]


def test_the_internal_api_needs_the_key_and_a_retried_request_is_one_handoff(login):
    client = login("revenue_officer")
    assert client.post("/internal/handoffs", json={"request_id": "x", "sender_id": "1", "requested_at":
                                                   "2026-11-20T11:00:00+05:30"}).status_code == 401
    first, again = ask_for_officer(client), ask_for_officer(client)
    assert first.json() == again.json()
    assert client.get("/inbox").text.count("/inbox/" + str(first.json()["id"])) == 1


def test_every_officer_sees_the_open_handoff_masked_with_name_language_and_waiting_time(handoff_id, login):
    for username in ("revenue_officer", "urban_head", "admin"):
        page = login(username).get("/inbox").text
        assert "+91 98•••••210" in page and CITIZEN_WA_ID not in page
        assert "सुनीता" in page and "<td>hi</td>" in page and "0 h 12 min" in page
    assert 'href="/inbox"' in login("urban_officer").get("/").text


def test_a_reply_goes_to_the_citizen_through_rasa_and_is_audited(handoff_id, login, rasa):
    client = login("urban_officer")
    page = f"/inbox/{handoff_id}"
    response = post_form(client, page, f"{page}/reply", text="नमस्ते, आपकी पेंशन की फ़ाइल देख रहा हूँ।")
    assert "Reply sent" in response.text
    [(path, body)] = rasa.requests
    assert path == f"/conversations/{CITIZEN_WA_ID}/trigger_intent?output_channel=whatsapp"
    assert body == {"name": "EXTERNAL_handoff_reply",
                    "entities": {"officer_message": "नमस्ते, आपकी पेंशन की फ़ाइल देख रहा हूँ।"}}
    inbox = client.get("/inbox").text
    assert "answered" in inbox and "urban_officer" in inbox  # the first to answer has it
    assert "reply" in client.get(page).text and "urban_officer" in login("admin").get("/audit").text


def test_a_reply_rasa_did_not_take_is_reported_and_the_citizen_still_waits(handoff_id, login, rasa):
    client = login("urban_officer")
    rasa.fail_next(1)
    page = f"/inbox/{handoff_id}"
    response = post_form(client, page, f"{page}/reply", text="hello")
    assert "The assistant (Rasa) could not do it (error 500)" in response.text  # for the officer to try again
    assert "0 h 12 min" in client.get("/inbox").text
    assert "failed" in client.get(page).text


def test_once_taken_only_that_officer_or_a_head_answers(handoff_id, login, rasa):
    taker, other, head = login("urban_officer"), login("revenue_officer"), login("urban_head")
    page = f"/inbox/{handoff_id}"
    assert "You handle" in post_form(taker, page, f"{page}/take").text
    refused = post_form(other, page, f"{page}/reply", text="hi")
    assert "urban_officer handles this conversation" in refused.text and rasa.requests == []
    assert "Reply sent" in post_form(head, page, f"{page}/reply", text="I take over").text


def test_closing_gives_the_conversation_back_to_the_bot_and_leaves_the_inbox(handoff_id, login, rasa):
    client = login("urban_officer")
    page = f"/inbox/{handoff_id}"
    rasa.fail_next(1)
    assert "could not do it" in post_form(client, page, f"{page}/close").text and rasa.requests == []
    assert "/inbox/" + str(handoff_id) in client.get("/inbox").text  # still open: the bot was not told
    closed = post_form(client, page, f"{page}/close")
    assert "handoff is closed" in closed.text and rasa.requests[-1][1]["name"] == "EXTERNAL_handoff_closed"
    assert "No citizen is waiting" in client.get("/inbox").text
    assert "already closed" in post_form(client, page, f"{page}/reply", text="late").text
    assert "Reply to the citizen" not in client.get(page).text and len(rasa.requests) == 1


def test_citizen_activity_marks_an_answered_handoff_waiting_again(handoff_id, login):
    client = login("urban_officer")
    page = f"/inbox/{handoff_id}"
    post_form(client, page, f"{page}/reply", text="ok")
    assert "answered" in client.get("/inbox").text
    at = (datetime.now(timezone.utc) - timedelta(minutes=3)).isoformat()
    assert client.post("/internal/handoffs/activity", headers=KEY,
                       json={"sender_id": CITIZEN_WA_ID, "at": at}).status_code == 200
    assert "0 h 3 min" in client.get("/inbox").text


def test_item_pages_frame_the_citizens_conversation(login, file_complaint, submit_application):
    client = login("admin")
    for page, frame in ((f"/complaints/{file_complaint()}", "/inbox/conversations/complaint/"),
                        (f"/applications/{submit_application()}", "/inbox/conversations/application/")):
        html = client.get(page).text
        assert frame in html
        src = html.split(frame)[1].split('"')[0]
        # The recording stand-in has no tracker API: the frame says so, the item page is unharmed.
        assert "could not be loaded" in client.get(frame + src).text
    assert client.get("/inbox/conversations/complaint/CMP-2099-999999").status_code == 404


def test_the_conversation_shows_messages_files_locations_taps_and_officer_replies():
    events = [
        {"event": "user", "timestamp": 1, "text": "अधिकारी से बात", "parse_data": {"intent": {"name": "human_handoff"}}},
        {"event": "bot", "timestamp": 2, "text": "आपका अनुरोध दर्ज", "data": {}},
        {"event": "user", "timestamp": 3, "text": '/share_media{"media_type": "image", "file_id": "wa-' + "a" * 32 + '"}',
         "parse_data": {"intent": {"name": "share_media"}, "entities": [
             {"entity": "media_type", "value": "image"}, {"entity": "file_id", "value": "wa-" + "a" * 32}]}},
        {"event": "user", "timestamp": 4, "text": '/share_location{"latitude": 22.7, "longitude": 75.8}',
         "parse_data": {"intent": {"name": "share_location"}, "entities": [
             {"entity": "latitude", "value": 22.7}, {"entity": "longitude", "value": 75.8}]}},
        {"event": "user", "timestamp": 5, "text": "/apply_service", "parse_data": {"intent": {"name": "apply_service"}},
         "metadata": {"whatsapp": {"interactive": {"type": "list_reply", "list_reply": {"title": "सेवा हेतु आवेदन"}}}}},
        {"event": "user", "timestamp": 6, "text": None, "parse_data": {"intent": {"name": "EXTERNAL_handoff_reply"}}},
        {"event": "bot", "timestamp": 7, "text": "👤 अधिकारी का संदेश:\nदेख रहा हूँ", "data": {}},
        {"event": "user", "timestamp": 8, "text": "/voice_note", "parse_data": {"intent": {"name": "voice_note"}}},
        {"event": "user", "timestamp": 9, "text": None, "parse_data": {"intent": {"name": "EXTERNAL_handoff_closed"}}},
        {"event": "bot", "timestamp": 10, "text": "मेनू", "data": {"buttons": [{"title": "शिकायत दर्ज करें"}]}},
        {"event": "slot", "timestamp": 11, "name": "handoff_active", "value": False},
    ]
    lines = conversation(events)
    assert [line.speaker for line in lines] == ["citizen", "bot", "citizen", "citizen", "citizen", "officer",
                                                "citizen", "note", "bot"]
    assert lines[2].link == "/inbox/files/wa-" + "a" * 32 and lines[2].text == "📎 sent a photo (open)"
    assert "openstreetmap.org/?mlat=22.7&mlon=75.8" in lines[3].link
    assert "सेवा हेतु आवेदन" in lines[4].text and "voice note" in lines[6].text
    assert lines[8].text == "मेनू [शिकायत दर्ज करें]"


@pytest.mark.parametrize("wa_id, shown", [("919876543210", "+91 98•••••210"), ("12345", "•••••345")])
def test_phone_numbers_are_masked(wa_id, shown):
    assert masked_phone(wa_id) == shown


class TrackerWith:
    """Stands in for Rasa's tracker API with these events."""

    def __init__(self, events):
        self._events = events

    def events(self, wa_id):
        return self._events


def test_the_conversation_is_timed_in_india(handoff_id, login, app):
    at = datetime(2026, 12, 4, 8, 35, tzinfo=timezone.utc).timestamp()
    app.state.inbox = replace(app.state.inbox, rasa=TrackerWith([
        {"event": "user", "timestamp": at, "text": "hello", "parse_data": {"intent": {"name": "greet"}}}]))
    page = login("urban_officer").get(f"/inbox/{handoff_id}/conversation").text
    assert "Citizen · 04-12-2026 14:05<" in page and "UTC" not in page
