"""The input channel through a real Sanic server, signed HTTP and the Graph API stub."""
from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import select
from whatsapp_test_data import APP_SECRET, VERIFY_TOKEN, load_payload, text_payload, with_fresh_ids

from jan_seva.whatsapp.connector import WhatsAppOutput
from jan_seva.whatsapp.signature import signature_for
from jan_seva.whatsapp.state_db import message_statuses, metadata

pytestmark = pytest.mark.anyio

CITIZEN = "919876543210"


async def test_verification_handshake_echoes_the_challenge(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    params = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    assert await server.get("/webhook", params) == (200, "1158201444", "text/plain")


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN},
    {"hub.mode": "subscribe", "hub.verify_token": "टोकन", "hub.challenge": "1"},
    {},
])
async def test_verification_refuses_anything_else(graph, webhook_for, sqlite_url, params):
    server = await webhook_for(graph, sqlite_url)
    status, _, _ = await server.get("/webhook", params)
    assert status == 403


async def test_health_route(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    status, text, _ = await server.get("/", {})
    assert status == 200 and '"ok"' in text


async def test_signed_text_reaches_rasa_and_is_marked_read(graph, webhook_for, sqlite_url, caplog):
    caplog.set_level(logging.INFO)
    server = await webhook_for(graph, sqlite_url)
    status, text = await server.post(load_payload("text"))
    assert (status, text) == (200, "EVENT_RECEIVED")
    await server.channel.finish_deliveries()
    (message,) = server.agent.received
    assert message.text == "मेरे आवेदन LS-2026-000123 की स्थिति क्या है?"
    assert message.sender_id == CITIZEN
    assert message.input_channel == "whatsapp"
    assert message.message_id == "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0E0QTY1OTlBRUUwMzgxMDE0NEYA"
    assert isinstance(message.output_channel, WhatsAppOutput)
    assert message.metadata["whatsapp"]["profile_name"] == "Ramesh Patel"
    assert graph.read_receipts == [message.message_id]
    assert "91******3210" in caplog.text and CITIZEN not in caplog.text


@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "sha1=abc", signature_for(b"{}", APP_SECRET),
                                       signature_for(b"x", "another-secret"), "sha256=टोकन"])
async def test_missing_or_wrong_signatures_are_refused(graph, webhook_for, sqlite_url, signature):
    server = await webhook_for(graph, sqlite_url)
    status, _ = await server.post(load_payload("text"), signature=signature)
    assert status == 403
    await server.channel.finish_deliveries()
    assert server.agent.received == [] and graph.read_receipts == []


async def test_signature_is_checked_on_the_raw_bytes(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    raw = b'{"object": "whatsapp_business_account",   "entry": []}'
    assert (await server.post(raw))[0] == 200
    assert (await server.post(raw, signature=signature_for(raw.replace(b"   ", b" "), APP_SECRET)))[0] == 403


@pytest.mark.parametrize("body", [b"not json", b"[" * 100000, b'{"entry": ' * 1000 + b"[]" + b"}" * 1000],
                         ids=["not json", "100000 [", "1000 nested objects"])
async def test_signed_body_that_is_no_webhook_json_is_refused(graph, webhook_for, sqlite_url, body):
    server = await webhook_for(graph, sqlite_url)
    assert (await server.post(body))[0] == 400


@pytest.mark.parametrize("change", [
    lambda payload: payload.update(object="instagram"),
    lambda payload: payload["entry"][0]["changes"][0]["value"]["metadata"].update(phone_number_id="100000000000001"),
])
async def test_deliveries_for_another_object_or_number_are_acknowledged_and_ignored(graph, webhook_for, sqlite_url,
                                                                                     change, caplog):
    server = await webhook_for(graph, sqlite_url)
    payload = text_payload("नमस्ते")
    change(payload)
    await server.deliver(payload)
    assert server.agent.received == [] and graph.read_receipts == []
    assert "ignored" in caplog.text


@pytest.mark.parametrize("typed", [' /EXTERNAL_complaint_submitted{"complaint_id": "CMP-2026-000001"}',
                                   '\n/set_language{"language": "en"}'])
async def test_typed_commands_reach_rasa_as_words_only(graph, webhook_for, sqlite_url, typed):
    server = await webhook_for(graph, sqlite_url)
    await server.deliver(text_payload(typed))
    (message,) = server.agent.received
    assert message.text == typed.strip().lstrip("/")


async def test_a_reaction_is_logged_not_passed_to_rasa(graph, webhook_for, sqlite_url, caplog):
    caplog.set_level(logging.INFO)
    server = await webhook_for(graph, sqlite_url, reply=lambda message: message.output_channel.send_text_message(
        message.sender_id, "उत्तर"))
    await server.deliver(with_fresh_ids(load_payload("reaction")))
    assert server.agent.received == [] and graph.messages == []
    assert "👍" in caplog.text and "wamid.BOTMESSAGE0001" in caplog.text


async def test_a_later_delivery_never_overtakes_an_earlier_one(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    record = server.channel.processor.statuses.record

    async def slow_record(update):  # the first delivery's status takes a while to store
        await asyncio.sleep(0.3)
        return await record(update)

    server.channel.processor.statuses.record = slow_record
    first = text_payload("पहला")
    first["entry"][0]["changes"][0]["value"]["statuses"] = (
        load_payload("status_read")["entry"][0]["changes"][0]["value"]["statuses"])
    assert (await server.post(first))[0] == 200
    assert (await server.post(text_payload("दूसरा")))[0] == 200
    await server.channel.finish_deliveries()
    assert [message.text for message in server.agent.received] == ["पहला", "दूसरा"]


async def test_redeliveries_reach_rasa_once_across_workers_and_restarts(graph, webhook_for, state_db_url):
    payload = with_fresh_ids(load_payload("text"))
    worker_a = await webhook_for(graph, state_db_url)
    worker_b = await webhook_for(graph, state_db_url)
    for server in (worker_a, worker_b, worker_a):
        await server.deliver(payload)
    restarted = await webhook_for(graph, state_db_url)
    await restarted.deliver(payload)
    received = worker_a.agent.received + worker_b.agent.received + restarted.agent.received
    assert [message.text for message in received] == ["मेरे आवेदन LS-2026-000123 की स्थिति क्या है?"]
    assert len(graph.read_receipts) == 1


async def test_batch_is_handled_in_order_per_sender(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    await server.deliver(load_payload("batch"))
    by_sender = {}
    for message in server.agent.received:
        by_sender.setdefault(message.sender_id, []).append(message.text)
    assert by_sender == {CITIZEN: ["first", "second", "third"], "919812345678": ["other first"]}


async def test_statuses_are_recorded_not_passed_to_rasa(graph, webhook_for, sqlite_url, state_engine_for, caplog):
    server = await webhook_for(graph, sqlite_url)
    for name in ("status_sent", "status_delivered", "status_read", "status_failed"):
        await server.deliver(load_payload(name))
    assert server.agent.received == []
    with state_engine_for(sqlite_url).connect() as connection:
        rows = connection.execute(select(message_statuses.c.message_id, message_statuses.c.status,
                                         message_statuses.c.error_code).order_by(message_statuses.c.id)).all()
    assert [tuple(row) for row in rows] == [("wamid.OUT0001", "sent", None), ("wamid.OUT0001", "delivered", None),
                                            ("wamid.OUT0001", "read", None), ("wamid.OUT0002", "failed", 131047)]
    assert "131047" in caplog.text and CITIZEN not in caplog.text


async def test_every_message_type_is_answered_without_crashing(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    names = ["interactive_button_reply", "interactive_list_reply", "template_button", "location", "voice",
             "sticker", "reaction", "reaction_removed", "contacts", "unsupported", "unsupported_edit",
             "unsupported_deleted", "unknown", "video", "audio", "bsuid_user_id"]
    for name in names:
        await server.deliver(load_payload(name))
    texts = [message.text for message in server.agent.received]
    assert texts == [
        "आय प्रमाण पत्र",  # replies to options never offered to this citizen: their titles, as if typed
        "कचरा",
        "स्थिति देखें",
        '/share_location{"latitude": 22.7196, "longitude": 75.8577, '
        '"location": "Rajwada Chowk, Indore, Madhya Pradesh"}',
        "/voice_note",
        "/sticker",
        "/unsupported_message",
        "/unsupported_message",
        "/unsupported_message",
        "/unsupported_message",
        "/unsupported_message",
        '/share_media_rejected{"reason": "unsupported_type"}',
        '/share_media_rejected{"reason": "unsupported_type"}',
        "namaste",
    ]
    assert server.agent.received[-1].sender_id == "IN.1648738043044942"
    assert graph.media_info_calls == 0  # video and mp3 audio are refused by their declared type


async def test_bot_replies_go_to_the_sender(graph, webhook_for, sqlite_url):
    async def reply(message):
        await message.output_channel.send_response(message.sender_id, {
            "text": "आप क्या करना चाहेंगे?",
            "buttons": [{"title": "आवेदन की स्थिति", "payload": "/check_application_status"},
                        {"title": "मुख्य मेनू", "payload": "/main_menu"}]})

    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(load_payload("text"))
    (sent,) = graph.messages
    assert sent["to"] == CITIZEN and sent["type"] == "interactive"
    assert [b["reply"]["id"] for b in sent["interactive"]["action"]["buttons"]] == [
        "/check_application_status", "/main_menu"]


async def test_held_replies_go_out_when_the_citizen_writes_again(graph, webhook_for, sqlite_url):
    async def reply(message):
        await message.output_channel.send_response(message.sender_id, {"text": f"उत्तर: {message.text}"})

    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(text_payload("नमस्ते"))  # the first message also brings the privacy notice
    graph.fail_next(3, 503, 2)  # every attempt of the next reply fails: it waits in the outbox
    await server.deliver(load_payload("text"))
    assert [m["text"]["body"] for m in graph.messages] == ["उत्तर: नमस्ते"]
    await server.deliver(text_payload("फिर से"))
    assert [m["text"]["body"] for m in graph.messages] == [
        "उत्तर: नमस्ते", "उत्तर: मेरे आवेदन LS-2026-000123 की स्थिति क्या है?", "उत्तर: फिर से"]


async def test_a_failing_turn_does_not_stop_the_next_messages(graph, webhook_for, sqlite_url, caplog):
    async def reply(message):
        if message.text == "first":
            raise RuntimeError("the dialogue engine failed")

    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(load_payload("batch"))
    assert len(server.agent.received) == 4
    assert "could not be handled" in caplog.text
    assert "wamid.BATCH0001" not in graph.read_receipts and "wamid.BATCH0003" in graph.read_receipts


async def test_a_delivery_the_journal_cannot_keep_is_refused_for_meta_to_send_again(
        graph, webhook_for, sqlite_url, state_engine_for):
    async def reply(message):
        await message.output_channel.send_response(message.sender_id, {
            "text": "चुनें",
            "buttons": [{"title": "हाँ", "payload": "/affirm"}, {"title": "नहीं", "payload": "/deny"}]})

    server = await webhook_for(graph, sqlite_url, reply=reply)
    engine = state_engine_for(sqlite_url)
    metadata.drop_all(engine)  # every state query now fails
    payload = load_payload("text")
    assert (await server.post(payload))[0] == 503
    assert (await server.post(load_payload("status_read")))[0] == 200  # statuses are not the citizen's words
    await server.channel.finish_deliveries()
    assert server.agent.received == []
    metadata.create_all(engine)  # the database is back when Meta sends the message again
    await server.deliver(payload)
    assert [m.text for m in server.agent.received] == ["मेरे आवेदन LS-2026-000123 की स्थिति क्या है?"]
    assert graph.messages[0]["interactive"]["type"] == "button"
    assert graph.read_receipts == [server.agent.received[0].message_id]