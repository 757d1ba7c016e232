"""Sending through the Graph API stub: retries, the 24-hour window, the outbox."""
from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta, timezone
from pathlib import Path
from typing import NamedTuple

import pytest
from graph_api_stub import GraphApiStub
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from whatsapp_test_data import FAST_RETRIES

from common.clock import utc_now
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.graph_client import GraphClient
from jan_seva.whatsapp.outbox import Outbox
from jan_seva.whatsapp.sender import OutboundSender
from jan_seva.whatsapp.sent_messages import SentMessages
from jan_seva.whatsapp.state_db import outbox as outbox_table

pytestmark = pytest.mark.anyio


class Sending(NamedTuple):
    sender: OutboundSender
    engine: Engine
    files: Path


def text(body: str) -> dict:
    return {"type": "text", "text": {"body": body}}


@pytest.fixture
def citizen() -> str:
    return "9198" + str(uuid.uuid4().int)[:8]  # a fresh number: the PostgreSQL outbox persists


@pytest.fixture
async def sending(graph: GraphApiStub, settings_for, state_db_url, state_engine_for):
    """A sender on the stub, the outbox's database and the file store folder."""
    settings = settings_for(graph, state_db_url)
    client = GraphClient(settings)
    engine = state_engine_for(state_db_url)
    sender = OutboundSender(client, Outbox(engine), SentMessages(engine), FileStore(settings.file_store_dir),
                            FAST_RETRIES)
    yield Sending(sender, engine, settings.file_store_dir)
    await client.close()


def outbox_rows(engine, recipient):
    with engine.connect() as connection:
        return connection.execute(select(outbox_table.c.state, outbox_table.c.content)
                                  .where(outbox_table.c.recipient_id == recipient).order_by(outbox_table.c.id)).all()


async def test_text_is_addressed_to_the_citizen(graph, sending, citizen):
    sender = sending.sender
    await sender.send(citizen, text("नमस्ते"))
    assert graph.messages == [{"messaging_product": "whatsapp", "recipient_type": "individual", "to": citizen,
                               "type": "text", "text": {"body": "नमस्ते"}}]


async def test_business_scoped_user_ids_are_sent_as_recipient(graph, sending):
    sender = sending.sender
    await sender.send("IN.1648738043044942", text("hello"))
    assert graph.messages[0]["recipient"] == "IN.1648738043044942" and "to" not in graph.messages[0]


async def test_closed_window_resends_as_the_update_template(graph, sending, citizen):
    sender = sending.sender
    graph.close_window(citizen)
    await sender.send(citizen, text("आपका आवेदन LS-2026-000123\nस्वीकृत हो गया है।"))
    (sent,) = graph.messages
    assert sent["type"] == "template"
    assert sent["template"]["name"] == "jan_seva_update"
    assert sent["template"]["language"] == {"code": "hi"}
    assert sent["template"]["components"][0]["parameters"][0]["text"] == "आपका आवेदन LS-2026-000123 स्वीकृत हो गया है।"


def certificate(files: Path) -> dict:
    path = files / "certificates" / "LS-2026-000123.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7 certificate")
    return {"type": "document", "document": {"local_path": "certificates/LS-2026-000123.pdf",
                                             "filename": "प्रमाण पत्र.pdf", "caption": "आपका प्रमाण पत्र"}}


async def test_closed_window_keeps_a_file_until_the_citizen_writes_again(graph, sending, citizen):
    sender, engine, files = sending
    graph.close_window(citizen)
    await sender.send(citizen, certificate(files))
    (template,) = graph.messages
    assert template["template"]["components"][0]["parameters"][0]["text"] == (
        "आपका प्रमाण पत्र आपके लिए एक फ़ाइल है। उसे पाने के लिए हमें कोई भी संदेश भेजें।")
    assert [row.state for row in outbox_rows(engine, citizen)] == ["waiting"]
    await sender.send(citizen, text("नई सूचना"))  # a waiting file holds nothing back
    await sender.flush()  # the periodic round leaves it for the citizen's next message
    await sender.flush(citizen, window_reopened=True)  # a reaction, say: the window is still closed
    assert [m["type"] for m in graph.messages if m["to"] == citizen] == ["template", "template"]
    assert [row.state for row in outbox_rows(engine, citizen)] == ["waiting"]
    graph.open_window(citizen)
    assert await sender.flush(citizen, window_reopened=True) == 1
    assert graph.messages[-1]["document"]["caption"] == "आपका प्रमाण पत्र"
    assert [row.state for row in outbox_rows(engine, citizen)] == ["sent"]


async def test_outbox_message_meeting_a_closed_window_goes_as_the_template(graph, sending, citizen):
    sender, engine, _ = sending
    graph.fail_next(3, 503, 2)
    await sender.send(citizen, text("देर से"))
    graph.close_window(citizen)
    await sender.flush(citizen)
    assert [m["template"]["components"][0]["parameters"][0]["text"] for m in graph.messages] == ["देर से"]
    assert [row.state for row in outbox_rows(engine, citizen)] == ["replaced"]


async def test_accepted_messages_are_remembered_by_their_id(graph, sending, citizen):
    sender, engine, files = sending
    await sender.send(citizen, certificate(files))
    record = await SentMessages(engine).recall(graph.message_ids[0])
    assert (record.recipient_id, record.attempts) == (citizen, 0)
    assert record.content == certificate(files)  # as given: re-sending uploads the file again


async def test_retry_later_waits_a_backoff(graph, sending, citizen):
    sender, engine, _ = sending
    await sender.retry_later(citizen, text("फिर से"), attempts=2, reason="failed status, error 131000")
    await sender.flush()
    assert [m for m in graph.messages if m["to"] == citizen] == []  # not due yet
    with engine.connect() as connection:
        due = connection.execute(select(outbox_table.c.next_attempt_at)
                                 .where(outbox_table.c.recipient_id == citizen)).scalar()
    due = due.astimezone(timezone.utc) if due.tzinfo else due.replace(tzinfo=timezone.utc)  # SQLite: naive UTC
    assert due > utc_now() + timedelta(seconds=15)  # the third attempt waits 20 s
    assert await sender.flush(citizen) == 1  # unless the citizen writes first
    assert [m["text"]["body"] for m in graph.messages if m["to"] == citizen] == ["फिर से"]


@pytest.mark.parametrize("status, code", [(400, 130429), (400, 131056), (400, 80007), (503, 2), (500, 1),
                                          (500, 131000), (503, 131016)])
async def test_rate_limits_and_server_errors_are_retried(graph, sending, citizen, status, code):
    sender, engine, _ = sending
    graph.fail_next(2, status, code)
    await sender.send(citizen, text("फिर से"))
    assert graph.message_attempts == 3
    assert [m["text"]["body"] for m in graph.messages] == ["फिर से"]
    assert outbox_rows(engine, citizen) == []


async def test_other_client_errors_are_logged_with_their_code_not_retried(graph, sending, citizen, caplog):
    sender, engine, _ = sending
    graph.fail_next(1, 400, 131026, "Message undeliverable")
    await sender.send(citizen, text("x"))
    assert graph.message_attempts == 1 and graph.messages == []
    assert outbox_rows(engine, citizen) == []
    assert "WhatsApp refused the text message" in caplog.text
    assert "131026" in caplog.text and citizen not in caplog.text


async def test_exhausted_retries_go_to_the_outbox_and_are_resent_later(graph, sending, citizen, caplog):
    sender, engine, _ = sending
    graph.fail_next(3, 503, 2)
    await sender.send(citizen, text("पहला"))
    assert [row.state for row in outbox_rows(engine, citizen)] == ["pending"]
    assert "outbox" in caplog.text
    await sender.send(citizen, text("दूसरा"))  # first re-sends what is held, then itself
    assert [m["text"]["body"] for m in graph.messages] == ["पहला", "दूसरा"]
    assert [row.state for row in outbox_rows(engine, citizen)] == ["sent"]


async def test_newer_messages_queue_behind_unsent_ones(graph, sending, citizen):
    sender, engine, _ = sending
    graph.fail_next(6, 503, 2)  # the first message fails twice over
    await sender.send(citizen, text("पहला"))
    await sender.send(citizen, text("दूसरा"))
    assert graph.messages == []
    assert [row.state for row in outbox_rows(engine, citizen)] == ["pending", "pending"]
    assert await sender.flush(citizen) == 2  # the citizen writes again
    assert [m["text"]["body"] for m in graph.messages] == ["पहला", "दूसरा"]
    assert [row.state for row in outbox_rows(engine, citizen)] == ["sent", "sent"]


async def test_a_younger_message_never_overtakes_an_older_one_not_yet_due(graph, sending, citizen):
    sender, engine, _ = sending
    graph.fail_next(6, 503, 2)
    await sender.send(citizen, text("पहला"))
    await sender.send(citizen, text("दूसरा"))  # the older one is retried in vain, then rescheduled
    with engine.begin() as connection:
        connection.execute(update(outbox_table).where(outbox_table.c.recipient_id == citizen)
                           .values(next_attempt_at=utc_now() + timedelta(hours=1)))
        first_id = min(connection.execute(select(outbox_table.c.id)
                                          .where(outbox_table.c.recipient_id == citizen)).scalars())
        connection.execute(update(outbox_table).where(outbox_table.c.id == first_id + 1)
                           .values(next_attempt_at=utc_now()))  # only the younger one is due
    await sender.flush()
    assert graph.messages == []
    with engine.begin() as connection:
        connection.execute(update(outbox_table).where(outbox_table.c.id == first_id).values(next_attempt_at=utc_now()))
    await sender.flush()
    assert [m["text"]["body"] for m in graph.messages] == ["पहला", "दूसरा"]


async def test_the_periodic_outbox_task_resends(graph, sending, citizen):
    sender, engine, _ = sending
    graph.fail_next(3, 503, 2)
    await sender.send(citizen, text("बाद में"))
    task = asyncio.ensure_future(sender.run_outbox(interval=0.05))
    try:
        for _ in range(100):
            if graph.messages:
                break
            await asyncio.sleep(0.02)
    finally:
        task.cancel()
    assert [m["text"]["body"] for m in graph.messages] == ["बाद में"]


async def test_outbox_message_refused_for_good_is_marked_failed(graph, sending, citizen, caplog):
    sender, engine, _ = sending
    graph.fail_next(3, 503, 2)
    await sender.send(citizen, text("x"))
    graph.fail_next(1, 400, 131026)
    await sender.flush(citizen)
    assert [row.state for row in outbox_rows(engine, citizen)] == ["failed"]
    assert "131026" in caplog.text


async def test_local_files_are_uploaded_then_sent_by_id(graph, sending, citizen):
    sender = sending.sender
    certificate = sending.files / "certificates" / "LS-2026-000123.pdf"
    certificate.parent.mkdir(parents=True)
    certificate.write_bytes(b"%PDF-1.7 certificate")
    await sender.send(citizen, {"type": "document", "document": {
        "local_path": "certificates/LS-2026-000123.pdf", "filename": "प्रमाण पत्र.pdf", "caption": "आपका प्रमाण पत्र"}})
    (upload,) = graph.uploads
    assert upload["data"] == b"%PDF-1.7 certificate" and upload["type"] == "application/pdf"
    assert graph.messages[0]["document"] == {"id": upload["id"], "filename": "प्रमाण पत्र.pdf",
                                             "caption": "आपका प्रमाण पत्र"}


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "missing.pdf"])
async def test_files_outside_the_store_or_missing_are_not_sent(graph, sending, citizen, path, caplog):
    sender, engine, _ = sending
    caplog.set_level(logging.ERROR)
    await sender.send(citizen, {"type": "document", "document": {"local_path": path}})
    assert graph.uploads == [] and graph.messages == []
    assert outbox_rows(engine, citizen) == []
    assert "cannot be sent" in caplog.text
