"""Typed option numbers, end to end: the bot offers options, the citizen types a number."""
from __future__ import annotations

import copy

import pytest

from whatsapp_test_data import load_payload, with_fresh_ids

pytestmark = pytest.mark.anyio

SERVICES = [{"title": f"सेवा {n}", "payload": f'/apply_service{{"service":"s{n}"}}'} for n in range(1, 13)]


def typed(text: str) -> dict:
    payload = with_fresh_ids(load_payload("text"))
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = text
    return payload


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


@pytest.mark.parametrize("typed_text", ["2", "2.", "२"])
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
