"""An officer's change of a complaint reaches the citizen with the officer's
note and, once resolved, the after-photo and "is it really fixed?"."""
from __future__ import annotations

import requests
from complaint_chat import registered

from actions.status_updates import ActionAnnounceStatusChange
from tests.actions.citizen_chat import Chat, message, payloads, texts
from tests.actions.complaints.conftest import OPERATOR_KEY

AFTER_PHOTO = "https://media.example.org/after.jpg"


def operator_post(api, number, action, body):
    response = requests.post(f"{api}/api/v1/requests/{number}/{action}", json=body,
                             headers={"X-API-Key": OPERATOR_KEY}, timeout=5)
    assert response.ok, response.text


def update(number, status, sender_id, language="en"):
    return Chat(sender=sender_id, language=language).run(ActionAnnounceStatusChange(), message(
        "", "EXTERNAL_status_changed", record_kind="complaint", record_id=number, new_status=status))


def test_a_resolved_complaint_comes_with_the_note_the_after_photo_and_the_question(api, spot):
    number = registered(spot, "919800000061")
    operator_post(api, number, "resolve", {"note": "Garbage lifted, area cleaned", "media_url": AFTER_PHOTO})
    told = update(number, "resolved", "919800000061")
    assert "Garbage lifted, area cleaned" in texts(told)
    assert [m["image"] for m in told if m.get("image")] == [AFTER_PHOTO]
    assert payloads(told) == [f'/affirm{{"complaint_id": "{number}"}}', f'/deny{{"complaint_id": "{number}"}}']


def test_an_acknowledged_complaint_comes_with_the_note_only(api, spot):
    number = registered(spot, "919800000062")
    operator_post(api, number, "status", {"status": "acknowledged", "note": "टीम भेजी जा रही है"})
    told = update(number, "acknowledged", "919800000062", "hi")
    assert "टीम भेजी जा रही है" in texts(told) and payloads(told) == []
