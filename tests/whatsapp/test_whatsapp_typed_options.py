"""Typed option numbers, end to end: the bot offers options, the citizen types a number."""
from __future__ import annotations

import copy

import pytest
from whatsapp_test_data import load_payload, with_fresh_ids
from whatsapp_test_data import text_payload as typed

pytestmark = pytest.mark.anyio

CITIZEN = "919876543210"

SERVICES = [{"title": f"सेवा {n}", "payload": f'/apply_service{{"service":"s{n}"}}'} for n in range(1, 13)]


def bot(replies_by_text):
    """Answers each user text with the scripted response (buttons or a plain text)."""
    async def reply(message):
        await message.output_channel.send_response(message.sender_id, copy.deepcopy(replies_by_text[message.text]))
    return reply


async def test_numbered_text_options_are_understood_when_typed_back(graph, webhook_for, sqlite_url):
    reply = bot({"सेवाएं": {"text": "कौन सी सेवा?", "buttons": SERVICES},
                 '/apply_service{"service":"s11"}': {"text": "ठीक है"},
                 "2": {"text": "2 क्या?"}})
    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(typed("सेवाएं"))
    numbered = graph.messages[0]["text"]["body"]
    assert "\n11. सेवा 11\n" in numbered
    await server.deliver(typed("११"))  # Devanagari digits
    await server.deliver(typed("2"))  # the last turn offered nothing: a plain "2"
    assert [m.text for m in server.agent.received] == ["सेवाएं", '/apply_service{"service":"s11"}', "2"]
    assert server.agent.received[1].metadata["whatsapp"]["typed_option"] == "११"


@pytest.mark.parametrize("typed_text", ["2", "2.", "२", "2️⃣"])
async def test_numbers_answer_buttons_and_lists_across_workers(graph, webhook_for, state_db_url, typed_text):
    reply = bot({"menu": {"text": "Choose", "buttons": SERVICES[:3]},
                 '/apply_service{"service":"s2"}': {"text": "OK"}})
    worker_a = await webhook_for(graph, state_db_url, reply=reply)
    worker_b = await webhook_for(graph, state_db_url, reply=reply)
    await worker_a.deliver(typed("menu"))
    assert graph.messages[0]["interactive"]["type"] == "button"
    await worker_b.deliver(typed(typed_text))
    assert [m.text for m in worker_b.agent.received] == ['/apply_service{"service":"s2"}']


async def test_number_beyond_the_options_stays_text(graph, webhook_for, sqlite_url):
    reply = bot({"menu": {"text": "Choose", "buttons": SERVICES[:5]}, "7": {"text": "?"}})
    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(typed("menu"))
    assert graph.messages[0]["interactive"]["type"] == "list"
    await server.deliver(typed("7"))
    assert server.agent.received[-1].text == "7"


def tapped(reply_id: str, title: str, replied_to: str = "wamid.BOTMESSAGE0001") -> dict:
    payload = with_fresh_ids(load_payload("interactive_button_reply"))
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["interactive"]["button_reply"] = {"id": reply_id, "title": title}
    message["context"]["id"] = replied_to
    return payload


async def test_a_tapped_reply_acts_only_when_the_bot_offered_it(graph, webhook_for, sqlite_url):
    menu = {"text": "Choose", "buttons": SERVICES[:3]}
    reply = bot({"menu": menu, '/apply_service{"service":"s2"}': menu, "सेवा 3": {"text": "?"}})
    server = await webhook_for(graph, sqlite_url, reply=reply)
    await server.deliver(typed("menu"))
    await server.deliver(tapped('/apply_service{"service":"s2"}', "सेवा 2"))
    await server.deliver(tapped('/EXTERNAL_complaint_submitted{"complaint_id": "CMP-2026-000001"}', "सेवा 3"))
    assert [m.text for m in server.agent.received] == ["menu", '/apply_service{"service":"s2"}', "सेवा 3"]


async def test_options_sent_as_the_template_are_numbered_as_typed_answers_expect(graph, webhook_for, sqlite_url):
    reply = bot({"menu": {"text": "कौन सी सेवा?", "buttons": SERVICES[:3]},
                 '/apply_service{"service":"s3"}': {"text": "ठीक है"}})
    server = await webhook_for(graph, sqlite_url, reply=reply)
    graph.close_window(CITIZEN)
    await server.deliver(typed("menu"))
    (template,) = graph.messages
    assert template["type"] == "template"
    assert template["template"]["components"][0]["parameters"][0]["text"] == (
        "कौन सी सेवा? 1. सेवा 1 2. सेवा 2 3. सेवा 3 अपने विकल्प का नंबर लिखकर भेजें।")
    await server.deliver(typed("3"))
    assert server.agent.received[-1].text == '/apply_service{"service":"s3"}'


async def test_a_tap_on_an_earlier_message_of_the_turn_counts(graph, webhook_for, sqlite_url):
    async def two_questions(message):
        if message.text == "menu":
            await message.output_channel.send_response(message.sender_id, {"text": "Service?", "buttons": SERVICES[:2]})
            await message.output_channel.send_response(message.sender_id, {"text": "Or?", "buttons": SERVICES[2:4]})

    server = await webhook_for(graph, sqlite_url, reply=two_questions)
    await server.deliver(typed("menu"))
    first_question, second_question = graph.message_ids
    await server.deliver(tapped('/apply_service{"service":"s1"}', "सेवा 1", replied_to=first_question))
    await server.deliver(tapped('/apply_service{"service":"s1"}', "सेवा 1", replied_to=second_question))
    assert [m.text for m in server.agent.received] == ["menu", '/apply_service{"service":"s1"}', "सेवा 1"]


async def test_a_tap_replying_to_a_message_for_someone_else_does_not_count(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    await server.channel.sender.send("919812345678", {"type": "interactive", "interactive": {
        "type": "button", "body": {"text": "?"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "/affirm", "title": "हाँ"}}]}}})
    await server.deliver(tapped("/affirm", "हाँ", replied_to=graph.message_ids[0]))
    assert [m.text for m in server.agent.received] == ["हाँ"]


async def test_a_template_quick_reply_payload_counts_when_the_template_offered_it(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    await server.channel.get_output_channel().send_custom_json(CITIZEN, {"whatsapp": {
        "type": "template", "name": "jan_seva_update", "language": "hi", "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "शिकायत CMP-2026-000001 हल हुई"}]},
            {"type": "button", "sub_type": "quick_reply", "index": "0",
             "parameters": [{"type": "payload", "payload": "/complaint_fixed"}]}]}})
    quick_reply = with_fresh_ids(load_payload("template_button"))
    message = quick_reply["entry"][0]["changes"][0]["value"]["messages"][0]
    message["button"] = {"payload": "/complaint_fixed", "text": "हाँ, हल हुई"}
    message["context"]["id"] = graph.message_ids[0]
    await server.deliver(quick_reply)
    message["button"]["payload"] = "/EXTERNAL_complaint_submitted"
    message["id"] += ".forged"
    await server.deliver(quick_reply)
    assert [m.text for m in server.agent.received] == ["/complaint_fixed", "हाँ, हल हुई"]
