"""Messages WhatsApp accepted and then reported "failed" by status webhook: never lost silently."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from whatsapp_test_data import failed_status_payload, text_payload

from common.clock import utc_now
from jan_seva.whatsapp.failed_deliveries import MAX_ATTEMPTS
from jan_seva.whatsapp.sent_messages import SentMessages
from jan_seva.whatsapp.state_db import outbox

pytestmark = pytest.mark.anyio

CITIZEN = "919876543210"


async def answer(message):
    await message.output_channel.send_response(message.sender_id, {"text": f"उत्तर: {message.text}"})


async def send_certificate(message):
    await message.output_channel.send_response(message.sender_id, {"custom": {"whatsapp": {
        "type": "document", "link": "https://example.org/LS-2026-000123.pdf", "caption": "आपका प्रमाण पत्र"}}})


@pytest.fixture
async def server(graph, webhook_for, sqlite_url):
    return await webhook_for(graph, sqlite_url, reply=answer)


def outbox_rows(state_engine_for, sqlite_url):
    with state_engine_for(sqlite_url).connect() as connection:
        return connection.execute(select(outbox.c.state, outbox.c.attempts, outbox.c.next_attempt_at)
                                  .order_by(outbox.c.id)).all()


def texts(graph):
    return [m["text"]["body"] if m["type"] == "text" else m["type"] for m in graph.messages]


async def test_outside_the_window_the_message_goes_again_as_the_template(graph, server):
    await server.deliver(text_payload("नमस्ते"))
    await server.deliver(failed_status_payload(graph.message_ids[0], 131047, "Re-engagement message"))
    template = graph.messages[-1]
    assert texts(graph) == ["उत्तर: नमस्ते", "template"]
    assert template["template"]["components"][0]["parameters"][0]["text"] == "उत्तर: नमस्ते"


async def test_a_file_failed_outside_the_window_waits_for_the_citizens_next_message(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url, reply=send_certificate)
    await server.deliver(text_payload("प्रमाण पत्र"))
    await server.deliver(failed_status_payload(graph.message_ids[0], 131047, "Re-engagement message"))
    assert [m["type"] for m in graph.messages] == ["document", "template"]
    await server.deliver(text_payload("ठीक है"))  # the window reopens: the file first, then the answer
    assert [m["type"] for m in graph.messages] == ["document", "template", "document", "document"]
    assert graph.messages[2]["document"] == graph.messages[0]["document"]


@pytest.mark.parametrize("code, title", [(131000, "Something went wrong"), (130429, "Rate limit hit"),
                                         (131056, "Pair rate limit hit"), (131016, "Service unavailable")])
async def test_a_passing_failure_is_sent_again_after_a_backoff(graph, server, state_engine_for, sqlite_url,
                                                               code, title):
    await server.deliver(text_payload("नमस्ते"))
    await server.deliver(failed_status_payload(graph.message_ids[0], code, title))
    ((state, attempts, due),) = outbox_rows(state_engine_for, sqlite_url)
    assert (state, attempts) == ("pending", 1) and due.replace(tzinfo=utc_now().tzinfo) > utc_now()
    assert await server.channel.sender.flush(CITIZEN) == 1
    assert texts(graph) == ["उत्तर: नमस्ते", "उत्तर: नमस्ते"]
    record = await SentMessages(state_engine_for(sqlite_url)).recall(graph.message_ids[1])
    assert record.attempts == 1


async def test_passing_failures_are_retried_a_limited_number_of_times(graph, server, caplog):
    await server.deliver(text_payload("नमस्ते"))
    for attempt in range(MAX_ATTEMPTS):
        await server.deliver(failed_status_payload(graph.message_ids[-1], 131000, "Something went wrong"))
        await server.channel.sender.flush(CITIZEN)
    assert len(graph.messages) == MAX_ATTEMPTS
    assert f"after {MAX_ATTEMPTS} attempt(s)" in caplog.text


@pytest.mark.parametrize("code, title", [(131026, "Message undeliverable"), (131051, "Unsupported message type")])
async def test_a_permanent_failure_is_logged_with_its_code_and_the_record_kept(graph, server, state_engine_for,
                                                                                sqlite_url, caplog, code, title):
    await server.deliver(text_payload("नमस्ते"))
    await server.deliver(failed_status_payload(graph.message_ids[0], code, title))
    assert len(graph.messages) == 1
    errors = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert any(str(code) in error and "91******3210" in error for error in errors)
    assert CITIZEN not in caplog.text
    record = await SentMessages(state_engine_for(sqlite_url)).recall(graph.message_ids[0])
    assert record.content == {"type": "text", "text": {"body": "उत्तर: नमस्ते"}}


async def test_a_redelivered_failed_status_is_acted_on_once(graph, server):
    await server.deliver(text_payload("नमस्ते"))
    failed = failed_status_payload(graph.message_ids[0], 131047, "Re-engagement message")
    await server.deliver(failed)
    await server.deliver(failed)
    assert texts(graph) == ["उत्तर: नमस्ते", "template"]


async def test_a_failure_of_a_message_not_kept_is_logged(graph, server, caplog):
    await server.deliver(failed_status_payload("wamid.UNKNOWN", 131000, "Something went wrong"))
    assert graph.messages == []
    assert "wamid.UNKNOWN" in caplog.text and "not among the messages kept" in caplog.text
