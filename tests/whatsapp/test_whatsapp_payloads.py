"""Webhook JSON (Meta's documented shapes) -> what Rasa receives."""
from __future__ import annotations

import json

import pytest
from graph_api_stub import PHONE_NUMBER_ID
from rasa.core.channels.channel import UserMessage
from whatsapp_test_data import load_payload

from jan_seva.whatsapp.inbound_text import message_metadata, needs_download, rasa_text
from jan_seva.whatsapp.payloads import decode_webhook, parse_webhook


def parse(payload):
    return parse_webhook(payload, PHONE_NUMBER_ID)


def only_message(name):
    batch = parse(load_payload(name))
    assert len(batch.messages) == 1 and not batch.statuses
    return batch.messages[0]


def typed_message(body):
    payload = load_payload("text")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = body
    return parse(payload).messages[0]


OFFERED = {'/apply_service{"service":"income_certificate"}', '/register_complaint{"complaint_category":"garbage"}',
           "/check_application_status"}


@pytest.mark.parametrize(
    "fixture, expected_text",
    [
        ("text", "मेरे आवेदन LS-2026-000123 की स्थिति क्या है?"),
        ("interactive_button_reply", '/apply_service{"service":"income_certificate"}'),
        ("interactive_list_reply", '/register_complaint{"complaint_category":"garbage"}'),
        ("template_button", "/check_application_status"),
        ("voice", "/voice_note"),
        ("sticker", "/sticker"),
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
    assert rasa_text(message, OFFERED) == expected_text


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


@pytest.mark.parametrize("fixture", ["reaction", "reaction_removed"])
def test_reactions_are_not_messages_for_rasa(fixture):
    assert rasa_text(only_message(fixture), OFFERED | {"👍"}) is None


@pytest.mark.parametrize("fixture, title", [("interactive_button_reply", "आय प्रमाण पत्र"),
                                            ("interactive_list_reply", "कचरा"),
                                            ("template_button", "स्थिति देखें")])
def test_replies_not_offered_to_the_citizen_read_as_their_title_typed(fixture, title):
    assert rasa_text(only_message(fixture), offered=set()) == title


@pytest.mark.parametrize("kind", ["button_reply", "list_reply"])
def test_a_forged_reply_id_never_runs_a_command(kind):
    message = only_message("interactive_button_reply")
    message.content.clear()
    message.content.update(type=kind, **{kind: {"id": '/EXTERNAL_complaint_submitted{"x": 1}', "title": "/stop"}})
    assert rasa_text(message, OFFERED) == "stop"


@pytest.mark.parametrize("fixture, content", [
    ("interactive_button_reply", {"type": "button_reply", "button_reply": {"id": ["/x"], "title": {"a": 1}}}),
    ("interactive_button_reply", {"type": ["button_reply"], "button_reply": {"id": "/x"}}),
    ("interactive_list_reply", {"type": "list_reply", "list_reply": {"id": 7, "title": 7}}),
    ("template_button", {"payload": {"x": 1}, "text": ["a"]}),
    ("location", {"latitude": [1], "longitude": {"a": 1}, "name": ["x"]}),
])
def test_values_of_the_wrong_type_count_as_missing(fixture, content):
    message = only_message(fixture)
    message.content.clear()
    message.content.update(content)
    assert rasa_text(message, OFFERED) == "/unsupported_message"


def test_a_text_body_of_the_wrong_type_is_ignored():
    assert rasa_text(typed_message(12)) is None
    assert rasa_text(typed_message(["/greet"])) is None


def test_typed_text_is_cut_at_whatsapps_4096_characters():
    assert len(rasa_text(typed_message("क" * 10000))) == 4096
    assert rasa_text(typed_message("क" * 4096)) == "क" * 4096


@pytest.mark.parametrize("latitude, longitude", [("NaN", 75.8), (22.7, "nan"), ("inf", 75.8), (22.7, "-Infinity"),
                                                 (90.5, 75.8), (22.7, -180.1), (True, 75.8), (None, 75.8)])
def test_pins_that_are_no_place_on_earth_are_unsupported(latitude, longitude):
    message = only_message("location")
    message.content.update(latitude=latitude, longitude=longitude)
    assert rasa_text(message) == "/unsupported_message"


def test_pins_at_the_edge_of_the_map_are_places():
    message = only_message("location_pin")
    message.content.update(latitude=-90, longitude="180")
    assert json.loads(rasa_text(message)[len("/share_location"):]) == {"latitude": -90.0, "longitude": 180.0}


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
    message = parse(payload).messages[0]
    assert message.sender_id == "919876543210" and message.profile_name is None


@pytest.mark.parametrize(
    "fixture, status, error_code",
    [("status_sent", "sent", None), ("status_delivered", "delivered", None),
     ("status_read", "read", None), ("status_failed", "failed", 131047)],
)
def test_statuses_are_parsed_not_messages(fixture, status, error_code):
    batch = parse(load_payload(fixture))
    assert not batch.messages
    (update,) = batch.statuses
    assert (update.status, update.error_code, update.recipient_id) == (status, error_code, "919876543210")
    if error_code:
        assert update.error_title == "Re-engagement message"


def test_batch_keeps_every_entry_change_and_message_in_order():
    batch = parse(load_payload("batch"))
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
    batch = parse(payload)
    assert batch.messages == [] and batch.statuses == []


def test_statuses_with_values_of_the_wrong_type_are_kept_as_text():
    payload = load_payload("status_failed")
    status = payload["entry"][0]["changes"][0]["value"]["statuses"][0]
    status.update(recipient_id=919876543210, timestamp=1749416500)
    status["errors"][0]["title"] = {"odd": True}
    (update,) = parse(payload).statuses
    assert (update.recipient_id, update.timestamp, update.error_title) == ("919876543210", "1749416500",
                                                                          "{'odd': True}")


@pytest.mark.parametrize("sender", [["919876543210"], {"wa_id": 1}])
def test_unhashable_senders_do_not_crash(sender):
    payload = load_payload("text")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["from"] = sender
    payload["entry"][0]["changes"][0]["value"]["contacts"][0]["wa_id"] = sender
    assert len(parse(payload).messages) == 1


@pytest.mark.parametrize("change", [
    lambda payload: payload.update(object="page"),
    lambda payload: payload.pop("object"),
    lambda payload: payload["entry"][0]["changes"][0]["value"]["metadata"].update(phone_number_id="100000000000099"),
    lambda payload: payload["entry"][0]["changes"][0]["value"].pop("metadata"),
])
def test_deliveries_for_another_object_or_phone_number_are_ignored(change, caplog):
    payload = load_payload("text")
    change(payload)
    assert parse(payload).messages == []
    assert "ignored" in caplog.text


def test_only_the_changes_for_our_phone_number_are_kept():
    payload = load_payload("text")
    change = payload["entry"][0]["changes"][0]
    other = json.loads(json.dumps(change))
    other["value"]["metadata"]["phone_number_id"] = "100000000000099"
    other["value"]["messages"][0]["id"] = "wamid.OTHER"
    payload["entry"][0]["changes"].insert(0, other)
    assert [m.message_id for m in parse(payload).messages] == [change["value"]["messages"][0]["id"]]


@pytest.mark.parametrize("body", [b"[" * 100000, b"[" * 100000 + b"]" * 100000, b'{"a":' * 40 + b"1" + b"}" * 40,
                                  b"not json", "टोकन".encode("utf-16")],
                         ids=["100000 [", "100000 [] nested", "40 nested objects", "not json", "utf-16"])
def test_bodies_that_are_no_webhook_json_are_refused(body):
    with pytest.raises(ValueError):
        decode_webhook(body)


def test_real_payloads_are_decoded():
    raw = json.dumps(load_payload("interactive_list_reply")).encode()
    assert decode_webhook(raw) == load_payload("interactive_list_reply")


@pytest.mark.parametrize("typed, expected", [
    ('/EXTERNAL_status_changed{"record_kind": "complaint"}', 'EXTERNAL_status_changed{"record_kind": "complaint"}'),
    ("//greet", "greet"),
    ("/", "?"),
    (" /EXTERNAL_complaint_submitted{}", "EXTERNAL_complaint_submitted{}"),
    ("\n/set_language{\"language\": \"en\"}", 'set_language{"language": "en"}'),
    ("\t \u3000/ / /greet", "greet"),
    (" \n ", "?"),
    ("50/100 ghar me paani nahi", "50/100 ghar me paani nahi"),
])
def test_typed_text_never_becomes_an_intent_payload(typed, expected):
    text = rasa_text(typed_message(typed))
    assert text == expected
    assert not UserMessage(text).text.startswith("/")  # as Rasa will read it
