"""Webhook JSON (Meta's documented shapes) -> what Rasa receives."""
from __future__ import annotations

import json

import pytest

from whatsapp_test_data import load_payload
from jan_seva.whatsapp.inbound_text import message_metadata, needs_download, rasa_text
from jan_seva.whatsapp.payloads import parse_webhook


def only_message(name):
    batch = parse_webhook(load_payload(name))
    assert len(batch.messages) == 1 and not batch.statuses
    return batch.messages[0]


@pytest.mark.parametrize(
    "fixture, expected_text",
    [
        ("text", "मेरे आवेदन LS-2026-000123 की स्थिति क्या है?"),
        ("interactive_button_reply", '/apply_service{"service":"income_certificate"}'),
        ("interactive_list_reply", '/register_complaint{"complaint_category":"garbage"}'),
        ("template_button", "/check_application_status"),
        ("voice", "/voice_note"),
        ("sticker", "/sticker"),
        ("reaction", "👍"),
        ("contacts", "/unsupported_message"),
        ("unsupported", "/unsupported_message"),
        ("unsupported_edit", "/unsupported_message"),
        ("unsupported_deleted", "/unsupported_message"),
        ("unknown", "/unsupported_message"),
    ],
)
def test_message_types_become_rasa_texts(fixture, expected_text):
    message = only_message(fixture)
    assert message.sender_id == "919876543210"
    assert message.profile_name == "Ramesh Patel"
    assert not needs_download(message)
    assert rasa_text(message) == expected_text


def test_location_pin_with_place_becomes_share_location_with_entities():
    text = rasa_text(only_message("location"))
    intent, entities = text.split("{", 1)
    assert intent == "/share_location"
    assert json.loads("{" + entities) == {
        "latitude": 22.7196,
        "longitude": 75.8577,
        "location": "Rajwada Chowk, Indore, Madhya Pradesh",  # the name "Rajwada" begins the address already
    }


@pytest.mark.parametrize("name, address, place", [
    ("Khajrana Ganesh Mandir", "Khajrana Road, Indore", "Khajrana Ganesh Mandir, Khajrana Road, Indore"),
    ("Rajwada", "rajwada, Indore", "rajwada, Indore"),
    ("Rajwada", "", "Rajwada"),
    ("", "Khajrana Road, Indore", "Khajrana Road, Indore"),
])
def test_a_pins_place_is_its_name_and_address_said_once(name, address, place):
    message = only_message("location")
    message.content.update(name=name, address=address)
    assert json.loads(rasa_text(message)[len("/share_location"):])["location"] == place


def test_bare_location_pin_has_no_location_entity():
    text = rasa_text(only_message("location_pin"))
    assert json.loads(text[len("/share_location"):]) == {"latitude": 23.2599, "longitude": 77.4126}


def test_removed_reaction_is_ignored():
    assert rasa_text(only_message("reaction_removed")) is None


@pytest.mark.parametrize("fixture", ["image", "document", "audio", "video"])
def test_files_are_downloaded_but_voice_notes_are_not(fixture):
    assert needs_download(only_message(fixture))
    assert not needs_download(only_message("voice"))


def test_metadata_keeps_the_full_details():
    message = only_message("interactive_button_reply")
    whatsapp = message_metadata(message)["whatsapp"]
    assert whatsapp["message_id"] == "wamid.BUTTONREPLY0001"
    assert whatsapp["type"] == "interactive"
    assert whatsapp["timestamp"] == "1749416383"
    assert whatsapp["profile_name"] == "Ramesh Patel"
    assert whatsapp["context"] == {"from": "15550783881", "id": "wamid.BOTMESSAGE0001"}
    assert whatsapp["interactive"]["button_reply"]["title"] == "आय प्रमाण पत्र"
    unsupported = message_metadata(only_message("unsupported_edit"))["whatsapp"]
    assert unsupported["errors"][0]["code"] == 131051
    assert unsupported["unsupported"] == {"type": "edit"}


def test_sender_falls_back_to_the_business_scoped_user_id():
    message = only_message("bsuid_user_id")
    assert message.sender_id == "IN.1648738043044942"
    assert message.profile_name == "Asha"
    assert rasa_text(message) == "namaste"


def test_sender_falls_back_to_from_without_contacts():
    payload = load_payload("text")
    del payload["entry"][0]["changes"][0]["value"]["contacts"]
    message = parse_webhook(payload).messages[0]
    assert message.sender_id == "919876543210" and message.profile_name is None


@pytest.mark.parametrize(
    "fixture, status, error_code",
    [("status_sent", "sent", None), ("status_delivered", "delivered", None),
     ("status_read", "read", None), ("status_failed", "failed", 131047)],
)
def test_statuses_are_parsed_not_messages(fixture, status, error_code):
    batch = parse_webhook(load_payload(fixture))
    assert not batch.messages
    (update,) = batch.statuses
    assert (update.status, update.error_code, update.recipient_id) == (status, error_code, "919876543210")
    if error_code:
        assert update.error_title == "Re-engagement message"


def test_batch_keeps_every_entry_change_and_message_in_order():
    batch = parse_webhook(load_payload("batch"))
    assert [(m.sender_id, m.content["body"]) for m in batch.messages] == [
        ("919876543210", "first"),
        ("919812345678", "other first"),
        ("919876543210", "second"),
        ("919876543210", "third"),
    ]
    assert batch.messages[1].profile_name == "Sunita"
    assert [s.message_id for s in batch.statuses] == ["wamid.OUT0003"]


@pytest.mark.parametrize(
    "payload",
    [None, [], "text", {"entry": "x"}, {"entry": [{"changes": [{"value": {"messages": [{"type": "text"}]}}]}]},
     {"entry": [{"changes": [{"field": "account_update", "value": {"messages": [{}]}}]}]}],
)
def test_malformed_payloads_give_empty_batches(payload):
    batch = parse_webhook(payload)
    assert batch.messages == [] and batch.statuses == []


@pytest.mark.parametrize("typed, expected", [
    ('/EXTERNAL_status_changed{"record_kind": "complaint"}', 'EXTERNAL_status_changed{"record_kind": "complaint"}'),
    ("//greet", "greet"),
    ("/", "?"),
    ("50/100 ghar me paani nahi", "50/100 ghar me paani nahi"),
])
def test_typed_text_never_becomes_an_intent_payload(typed, expected):
    payload = load_payload("text")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = typed
    assert rasa_text(parse_webhook(payload).messages[0]) == expected
