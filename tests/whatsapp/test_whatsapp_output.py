"""WhatsAppOutput: Rasa's bot utterances as they reach the output channel."""
from __future__ import annotations

import logging

import pytest
from rasa.shared.core.events import BotUttered
from whatsapp_test_data import FAST_RETRIES

from jan_seva.whatsapp.connector import WhatsAppInput

pytestmark = pytest.mark.anyio

CITIZEN = "919876543210"


@pytest.fixture
async def channel(graph, settings_for, sqlite_url):
    channel = WhatsAppInput(settings_for(graph, sqlite_url), retry_policy=FAST_RETRIES)
    yield channel
    await channel.client.close()


async def utter(channel, text=None, metadata=None, **data):
    """As Rasa does: a BotUttered event (rasa.core.actions.action.create_bot_utterance puts
    the response's other keys, such as `metadata`, into the event's metadata) sent with
    OutputChannel.send_response. Not create_bot_utterance itself: it imports TensorFlow."""
    event = BotUttered(text=text, data=data, metadata={"metadata": metadata} if metadata else {})
    await channel.get_output_channel().send_response(CITIZEN, event.message())


async def test_response_metadata_names_the_list_button(graph, channel):
    buttons = [{"title": f"सेवा {n}", "payload": f"/s{n}"} for n in range(5)]
    await utter(channel, text="सेवा चुनें", buttons=buttons, metadata={"whatsapp": {"list_button": "सेवाएं देखें"}})
    assert graph.messages[0]["interactive"]["action"]["button"] == "सेवाएं देखें"


async def test_text_then_image_by_link(graph, channel):
    await utter(channel, text="नक्शा देखें", image="https://example.org/map.png")
    assert [m["type"] for m in graph.messages] == ["text", "image"]
    assert graph.messages[1]["image"] == {"link": "https://example.org/map.png"}


async def test_attachments_by_link_and_from_the_file_store(graph, channel):
    files = channel.settings.file_store_dir
    (files / "receipts").mkdir(parents=True)
    (files / "receipts" / "r1.png").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    await utter(channel, attachment="https://example.org/docs/guide.pdf?v=2")
    await utter(channel, attachment="receipts/r1.png")
    document, image = graph.messages
    assert document["document"] == {"link": "https://example.org/docs/guide.pdf?v=2", "filename": "guide.pdf"}
    assert image["type"] == "image" and image["image"] == {"id": graph.uploads[0]["id"]}
    assert graph.uploads[0]["type"] == "image/png"


async def test_custom_json_for_whatsapp(graph, channel):
    await utter(channel, custom={"whatsapp": {"type": "location_request", "text": "अपनी लोकेशन भेजें"}})
    assert graph.messages[0]["interactive"]["type"] == "location_request_message"


async def test_custom_json_without_the_whatsapp_form_is_logged_not_sent(graph, channel, caplog):
    caplog.set_level(logging.ERROR)
    await utter(channel, custom={"payload": "x"})
    assert graph.messages == [] and "no 'whatsapp' object" in caplog.text
