"""STOP, START and "delete my data" through the real webhook: taken by the channel, never stored in the
conversation; STOP silences only messages the citizen did not ask for."""
from __future__ import annotations

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from whatsapp_test_data import load_payload, text_payload, with_fresh_ids

from jan_seva.stores.tracker_store import conversation_forgetter

pytestmark = pytest.mark.anyio

CITIZEN = "919876543210"


async def echo(message):
    await message.output_channel.send_response(message.sender_id, {"text": f"उत्तर: {message.text}"})


def button_reply(reply_id: str) -> dict:
    payload = with_fresh_ids(load_payload("interactive_button_reply"))
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["interactive"]["button_reply"] = {"id": reply_id, "title": "…"}
    return payload


async def update(server) -> None:
    """A status change told through Rasa's trigger_intent: the output channel Rasa asks the input for."""
    await server.channel.get_output_channel().send_response(CITIZEN, {"text": "आपके आवेदन की स्थिति बदली"})


@pytest.mark.parametrize("typed", ["STOP", "stop", "सूचनाएं बंद करो", "updates band karo"])
async def test_stop_silences_updates_not_answers(graph, webhook_for, sqlite_url, typed):
    server = await webhook_for(graph, sqlite_url, reply=echo)
    await update(server)
    assert len(graph.messages) == 1
    await server.deliver(text_payload(typed))
    assert server.agent.received == []  # the bot never sees it
    assert len(graph.messages) == 2  # the confirmation
    await update(server)
    assert len(graph.messages) == 2
    await server.deliver(text_payload("मेरे आवेदन की स्थिति"))
    assert graph.messages[-1]["text"]["body"].startswith("उत्तर:")  # answers to the citizen go on
    await server.deliver(text_payload("START"))
    await update(server)
    assert graph.messages[-1]["text"]["body"] == "आपके आवेदन की स्थिति बदली"


async def test_stop_inside_a_sentence_is_the_bot_s(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url, reply=echo)
    await server.deliver(text_payload("bus stop ke paas kachra pada hai"))
    assert [message.text for message in server.agent.received] == ["bus stop ke paas kachra pada hai"]


async def test_erasure_asks_first_and_keeps_data_on_no(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url, reply=echo)
    store = server.agent.tracker_store
    await store.save(DialogueStateTracker(CITIZEN, []))
    await server.deliver(text_payload("मेरा डेटा हटाओ"))
    question = graph.messages[-1]
    assert question["type"] == "interactive"
    yes, no = (button["reply"]["id"] for button in question["interactive"]["action"]["buttons"])
    await server.deliver(button_reply(no))
    assert await store.exists(CITIZEN)
    await server.deliver(button_reply(yes))
    assert not await store.exists(CITIZEN)
    assert server.agent.received == []


async def test_erasure_sends_the_privacy_notice_again_as_to_someone_new(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url, reply=echo)
    await server.deliver(text_payload("नमस्ते"))
    notices = len(graph.notices)
    await server.deliver(text_payload("delete my data"))
    yes = graph.messages[-1]["interactive"]["action"]["buttons"][0]["reply"]["id"]
    await server.deliver(button_reply(yes))
    await server.deliver(text_payload("नमस्ते"))
    assert len(graph.notices) == notices + 1


async def test_the_tracker_store_forgets_the_conversation():
    store = InMemoryTrackerStore(Domain.empty())
    for sender in (CITIZEN, "919000000001"):
        tracker = DialogueStateTracker(sender, [])
        tracker.update(UserUttered("mera aadhaar 1234"))
        await store.save(tracker)
    await conversation_forgetter(store)(CITIZEN)
    assert not await store.exists(CITIZEN) and await store.exists("919000000001")
