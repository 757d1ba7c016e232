"""Inbound webhooks (citizen -> bot): Meta's documented payload for every type, signed,
delivered to a real receiver, retried when it fails."""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any, Dict

import pytest
from emulator_harness import (
    APP_SECRET,
    CITIZEN,
    PHONE_NUMBER_ID,
    EmulatorClient,
    WebhookReceiver,
    text_to,
    update_template_to,
)

PDF = b"%PDF-1.4\n% Jan Seva test document\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"


def single_message(emulator: EmulatorClient, receiver: WebhookReceiver, request: Dict[str, Any]) -> Dict[str, Any]:
    """Sends as the citizen; returns the one message of the webhook, after checking the envelope."""
    sent = emulator.citizen_sends({"profile_name": "रमेश कुमार", **request})
    delivery = receiver.wait_for(lambda d: any(m["id"] == sent["id"] for m in d.value.get("messages", [])))
    assert delivery.signature_valid()
    assert not delivery.signature_valid(secret="another-secret")
    assert delivery.headers["content-type"] == "application/json"
    payload = delivery.payload
    assert payload["object"] == "whatsapp_business_account"
    change = payload["entry"][0]["changes"][0]
    assert change["field"] == "messages"
    value = change["value"]
    assert value["messaging_product"] == "whatsapp"
    assert value["metadata"] == {"display_phone_number": "917550000181", "phone_number_id": PHONE_NUMBER_ID}
    assert value["contacts"] == [{"profile": {"name": "रमेश कुमार"}, "wa_id": CITIZEN}]
    (message,) = value["messages"]
    assert message["from"] == CITIZEN
    assert message["id"] == sent["id"] and message["id"].startswith("wamid.")
    assert message["timestamp"].isdigit()
    assert sent["webhook"] == payload
    return message


def bot_sends(emulator: EmulatorClient, body: Dict[str, Any]) -> str:
    response = emulator.send_message({"messaging_product": "whatsapp", "to": CITIZEN, **body})
    assert response.status_code == 200, response.text
    return response.json()["messages"][0]["id"]


def test_text(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    message = single_message(emulator, receiver, {"type": "text", "text": "मेरे आवेदन की स्थिति क्या है?"})
    assert message["type"] == "text"
    assert message["text"] == {"body": "मेरे आवेदन की स्थिति क्या है?"}


def test_body_is_compact_ascii_json_like_meta(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    single_message(emulator, receiver, {"type": "text", "text": "नमस्ते"})
    raw = receiver.deliveries[-1].body
    assert raw.isascii() and b"\\u0928" in raw and b": " not in raw


def test_button_reply_carries_the_context_of_the_offering_message(emulator: EmulatorClient,
                                                                  receiver: WebhookReceiver) -> None:
    single_message(emulator, receiver, {"type": "text", "text": "hi"})
    offer = bot_sends(emulator, {"type": "interactive", "interactive": {
        "type": "button", "body": {"text": "चुनें"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "lok_seva", "title": "लोक सेवा"}}]}}})
    message = single_message(emulator, receiver, {"type": "button_reply", "id": "lok_seva", "title": "लोक सेवा"})
    assert message["type"] == "interactive"
    assert message["interactive"] == {"type": "button_reply", "button_reply": {"id": "lok_seva", "title": "लोक सेवा"}}
    assert message["context"] == {"from": "917550000181", "id": offer}


def test_list_reply(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    single_message(emulator, receiver, {"type": "text", "text": "complaint"})
    offer = bot_sends(emulator, {"type": "interactive", "interactive": {
        "type": "list", "body": {"text": "Category"}, "action": {"button": "Choose", "sections": [
            {"rows": [{"id": "garbage", "title": "Garbage", "description": "Not collected"}]}]}}})
    message = single_message(emulator, receiver, {
        "type": "list_reply", "id": "garbage", "title": "Garbage", "description": "Not collected"})
    assert message["interactive"] == {"type": "list_reply", "list_reply": {
        "id": "garbage", "title": "Garbage", "description": "Not collected"}}
    assert message["context"]["id"] == offer


def test_template_quick_reply_button(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    template = bot_sends(emulator, {"type": "template", "template": update_template_to("आवेदन स्वीकृत")["template"]})
    message = single_message(emulator, receiver, {"type": "button", "text": "View details", "payload": "details"})
    assert message["type"] == "button"
    assert message["button"] == {"text": "View details", "payload": "details"}
    assert message["context"]["id"] == template


def test_location(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    message = single_message(emulator, receiver, {
        "type": "location", "latitude": 22.7186, "longitude": "75.8553",
        "name": "Rajwada Palace", "address": "Rajwada, Indore"})
    assert message["type"] == "location"
    assert message["location"] == {"latitude": 22.7186, "longitude": 75.8553,
                                   "name": "Rajwada Palace", "address": "Rajwada, Indore"}


def test_document_from_base64_is_downloadable_by_the_bot(emulator: EmulatorClient,
                                                          receiver: WebhookReceiver) -> None:
    message = single_message(emulator, receiver, {
        "type": "document", "filename": "आधार.pdf", "mime_type": "application/pdf",
        "content_base64": base64.b64encode(PDF).decode(), "caption": "मेरा आधार"})
    document = message["document"]
    assert message["type"] == "document"
    assert document["filename"] == "आधार.pdf" and document["caption"] == "मेरा आधार"
    assert document["mime_type"] == "application/pdf"
    assert document["sha256"] == base64.b64encode(hashlib.sha256(PDF).digest()).decode()
    assert emulator.download(document["id"]) == PDF


def test_image_from_a_path(emulator: EmulatorClient, receiver: WebhookReceiver, tmp_path: Path) -> None:
    photo = tmp_path / "pothole.jpg"
    photo.write_bytes(JPEG)
    message = single_message(emulator, receiver, {"type": "image", "path": str(photo), "caption": "गड्ढा"})
    assert message["type"] == "image"
    assert set(message["image"]) == {"mime_type", "sha256", "id", "caption"}
    assert message["image"]["mime_type"] == "image/jpeg"
    assert emulator.download(message["image"]["id"]) == JPEG


def test_voice_note_and_sticker_use_bundled_samples(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    voice = single_message(emulator, receiver, {"type": "voice"})
    assert voice["type"] == "audio"
    assert voice["audio"]["voice"] is True
    assert voice["audio"]["mime_type"] == "audio/ogg; codecs=opus"
    assert emulator.download(voice["audio"]["id"]).startswith(b"OggS")
    sticker = single_message(emulator, receiver, {"type": "sticker"})
    assert sticker["sticker"]["mime_type"] == "image/webp" and sticker["sticker"]["animated"] is False
    assert emulator.download(sticker["sticker"]["id"])[8:12] == b"WEBP"


def test_video_and_audio_files(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    mp4 = base64.b64encode(b"\x00\x00\x00\x18ftypmp42").decode()
    video = single_message(emulator, receiver, {"type": "video", "filename": "clip.mp4", "content_base64": mp4})
    assert video["video"]["mime_type"] == "video/mp4"
    audio = single_message(emulator, receiver, {"type": "audio", "filename": "song.mp3",
                                                "content_base64": base64.b64encode(b"ID3 data").decode()})
    assert audio["audio"]["voice"] is False and audio["audio"]["mime_type"] == "audio/mpeg"


def test_reaction_and_contacts(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    single_message(emulator, receiver, {"type": "text", "text": "hi"})
    bot_message = bot_sends(emulator, {"type": "text", "text": {"body": "आपका आवेदन स्वीकृत"}})
    reaction = single_message(emulator, receiver, {"type": "reaction", "message_id": bot_message, "emoji": "👍"})
    assert reaction["reaction"] == {"message_id": bot_message, "emoji": "👍"}
    contacts = single_message(emulator, receiver,
                              {"type": "contacts", "name": "Sunita Devi", "phone": "+91 98123 45678"})
    assert contacts["contacts"] == [{"name": {"formatted_name": "Sunita Devi", "first_name": "Sunita"},
                                     "phones": [{"phone": "+91 98123 45678", "wa_id": "919812345678", "type": "CELL"}]}]


def raw_payload(message_id: str = "wamid.raw", sender: str = CITIZEN) -> Dict[str, Any]:
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "messages": [{"from": sender, "id": message_id, "timestamp": "1",
                                                        "type": "unsupported", "errors": [{"code": 131051}]}]}}]}]}


def send_raw(emulator: EmulatorClient, payload: Dict[str, Any]) -> None:
    response = emulator.http.post(f"/emulator/users/{CITIZEN}/send", json={"type": "raw", "payload": payload})
    assert response.json() == {"queued": True}


def test_raw_payload_is_signed_and_delivered_unchanged(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    payload = raw_payload()
    send_raw(emulator, payload)
    delivery = receiver.wait_for(lambda d: d.payload["entry"][0]["id"] == "1")
    assert delivery.payload == payload and delivery.signature_valid(APP_SECRET)


def test_raw_messages_are_recorded_and_open_the_window(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    other = "919000000002"
    send_raw(emulator, raw_payload(sender=other))
    entry = emulator.wait_for_status("wamid.raw", "delivered", wa_id=other)
    assert entry["direction"] == "in" and entry["type"] == "unsupported"
    assert emulator.conversation(other)["window_open"] and not emulator.conversation(CITIZEN)["window_open"]
    assert emulator.send_message(text_to("यह संदेश समर्थित नहीं है", wa_id=other)).status_code == 200
    read = emulator.send_message({"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.raw"})
    assert read.status_code == 200, read.text
    send_raw(emulator, raw_payload(sender=other))  # a redelivery, as Meta makes them
    receiver.wait_for(lambda d: len([x for x in receiver.deliveries if "messages" in x.value]) == 2)
    assert [m["id"] for m in emulator.conversation(other)["messages"] if m["direction"] == "in"] == ["wamid.raw"]


def test_raw_payload_without_messages_records_nothing(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    send_raw(emulator, {"object": "whatsapp_business_account", "entry": "not a list"})
    receiver.wait_for(lambda d: d.payload.get("entry") == "not a list")
    assert emulator.conversation()["messages"] == [] and not emulator.conversation()["window_open"]


@pytest.mark.parametrize("latitude", ["NaN", "nan", "Infinity", "-inf"])
def test_location_that_is_no_number_is_refused_and_the_conversation_stays_readable(
        emulator: EmulatorClient, latitude: Any) -> None:
    response = emulator.http.post(f"/emulator/users/{CITIZEN}/send",
                                  json={"type": "location", "latitude": latitude, "longitude": 75.8})
    assert response.status_code == 400 and "latitude" in response.json()["detail"]
    assert emulator.conversation()["messages"] == []


@pytest.mark.parametrize("body", [b'{"type": "location", "latitude": NaN, "longitude": 75.8}',
                                  b'{"type": "raw", "payload": {"x": Infinity}}'])
def test_control_bodies_with_nan_are_no_json(emulator: EmulatorClient, body: bytes) -> None:
    response = emulator.http.post(f"/emulator/users/{CITIZEN}/send", content=body)
    assert response.status_code == 400
    assert emulator.conversation()["messages"] == []


@pytest.mark.parametrize("request_body, words", [
    ({"type": "telepathy"}, "type"),
    ({"type": "text", "text": ""}, "text"),
    ({"type": "location", "latitude": 99, "longitude": 75}, "latitude"),
    ({"type": "image", "filename": "x.gif", "content_base64": "R0lGODlh"}, "image/jpeg"),
    ({"type": "document", "mime_type": "application/pdf", "content_base64": "***"}, "base64"),
    ({"type": "document", "path": "/nonexistent/file.pdf"}, "path"),
    ({"type": "image"}, "content_base64"),
    ({"type": "raw", "payload": "not an object"}, "payload"),
])
def test_bad_control_requests_are_400_with_a_reason(emulator: EmulatorClient, request_body: Dict[str, Any],
                                                    words: str) -> None:
    response = emulator.http.post(f"/emulator/users/{CITIZEN}/send", json=request_body)
    assert response.status_code == 400
    assert words in response.json()["detail"]


def test_bad_wa_id_is_refused(emulator: EmulatorClient) -> None:
    response = emulator.http.post("/emulator/users/+91-98/send", json={"type": "text", "text": "x"})
    assert response.status_code == 400


def test_failed_delivery_is_retried_until_200(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    receiver.statuses_to_answer.extend([500, 403])
    sent = emulator.citizen_sends({"type": "text", "text": "retry me"})
    entry = emulator.wait_for_status(sent["id"], "delivered")
    assert receiver.attempts == 3
    assert receiver.message("text").value["messages"][0]["id"] == sent["id"]
    assert [s["status"] for s in entry["statuses"]] == ["pending", "retrying", "delivered"]


def test_delivery_gives_up_after_the_last_retry(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    receiver.statuses_to_answer.extend([503, 503, 503])
    sent = emulator.citizen_sends({"type": "text", "text": "lost"})
    emulator.wait_for_status(sent["id"], "failed")
    assert receiver.attempts == 3 and not receiver.deliveries


def test_messages_of_one_citizen_arrive_in_order(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    ids = [emulator.citizen_sends({"type": "text", "text": str(n)})["id"] for n in range(8)]
    receiver.wait_for(lambda d: d.value.get("messages", [{}])[0].get("id") == ids[-1])
    delivered = [d.value["messages"][0]["id"] for d in receiver.deliveries if "messages" in d.value]
    assert delivered == ids


def test_json_body_of_send_must_be_an_object(emulator: EmulatorClient) -> None:
    response = emulator.http.post(f"/emulator/users/{CITIZEN}/send", content=json.dumps([1, 2]))
    assert response.status_code == 400


def test_citizen_with_hidden_number_is_named_by_business_scoped_user_id(emulator: EmulatorClient,
                                                                        receiver: WebhookReceiver) -> None:
    bsuid = "IN.1648738043044942"
    sent = emulator.citizen_sends({"type": "text", "text": "नमस्ते", "profile_name": "Asha"}, wa_id=bsuid)
    value = receiver.message("text").value
    assert value["contacts"] == [{"profile": {"name": "Asha"}, "user_id": bsuid}]
    message = value["messages"][0]
    assert message["from_user_id"] == bsuid and "from" not in message and message["id"] == sent["id"]

    reply = emulator.send_message({"messaging_product": "whatsapp", "recipient": bsuid, "type": "text",
                                   "text": {"body": "आपका स्वागत है"}})
    assert reply.status_code == 200, reply.text
    assert reply.json()["contacts"] == [{"input": bsuid, "user_id": bsuid}]
    reply_id = reply.json()["messages"][0]["id"]
    receiver.wait_for(lambda d: any(s["id"] == reply_id for s in d.value.get("statuses", [])))
    status = receiver.statuses(reply_id)[0]
    assert status["recipient_user_id"] == bsuid and "recipient_id" not in status


def test_subscription_handshake_against_the_webhook(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    assert emulator.http.post("/emulator/webhook/verify").json() == {"verified": True, "status_code": 200}
    receiver.verify_token = "the channel expects another token"
    assert emulator.http.post("/emulator/webhook/verify").json() == {"verified": False, "status_code": 403}
