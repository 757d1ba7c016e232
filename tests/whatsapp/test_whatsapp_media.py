"""Files citizens send: Graph media flow against the stub, checks, file store."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from whatsapp_test_data import load_payload

pytestmark = pytest.mark.anyio

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
IMAGE_ID = "1003383421387256"  # in fixtures/image.json
DOCUMENT_ID = "1003383421387257"  # in fixtures/document.json
TEN_MB = 10 * 1024 * 1024


def entities(text: str, intent: str) -> dict:
    assert text.startswith(f"/{intent}{{"), text
    return json.loads(text[len(intent) + 1:])


async def received_for(server, fixture: str):
    await server.deliver(load_payload(fixture))
    (message,) = server.agent.received
    return message


async def test_photo_is_downloaded_checked_and_stored(graph, webhook_for, sqlite_url):
    graph.add_media(IMAGE_ID, JPEG, "image/jpeg")
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")
    shared = entities(message.text, "share_media")
    assert shared["media_type"] == "image"
    media = message.metadata["whatsapp"]["media"]
    assert media["file_id"] == shared["file_id"]
    assert Path(media["path"]).read_bytes() == JPEG
    assert Path(media["path"]).parent == server.channel.settings.file_store_dir / "whatsapp"
    assert media["mime_type"] == "image/jpeg" and media["size"] == len(JPEG)
    assert media["sha256"] == hashlib.sha256(JPEG).hexdigest()
    assert media["caption"] == "आधार कार्ड"
    assert message.metadata["whatsapp"]["image"]["id"] == IMAGE_ID


async def test_pdf_keeps_its_file_name(graph, webhook_for, sqlite_url):
    graph.add_media(DOCUMENT_ID, PDF, "application/pdf")
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "document")
    assert entities(message.text, "share_media")["media_type"] == "document"
    media = message.metadata["whatsapp"]["media"]
    assert media["filename"] == "salary_slip.pdf" and media["caption"] == "income proof"
    assert Path(media["path"]).suffix == ".pdf" and Path(media["path"]).read_bytes() == PDF


async def test_file_announced_too_large_is_refused_without_download(graph, webhook_for, sqlite_url):
    graph.add_media(IMAGE_ID, JPEG, "image/jpeg", announced_size=TEN_MB + 1)
    graph.download_failures[IMAGE_ID] = 99  # a download attempt would fail differently
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")
    assert entities(message.text, "share_media_rejected") == {"reason": "too_large"}
    assert message.metadata["whatsapp"]["media_rejected"]["reason"] == "too_large"
    assert graph.download_failures[IMAGE_ID] == 99


async def test_file_larger_than_announced_is_refused_while_downloading(graph, webhook_for, sqlite_url):
    graph.add_media(IMAGE_ID, JPEG + b"\x00" * TEN_MB, "image/jpeg", announced_size=1000)
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")
    assert entities(message.text, "share_media_rejected") == {"reason": "too_large"}
    assert not list((server.channel.settings.file_store_dir / "whatsapp").glob("*"))


async def test_content_that_is_not_what_its_type_claims_is_refused(graph, webhook_for, sqlite_url):
    graph.add_media(DOCUMENT_ID, EXE, "application/pdf")
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "document")
    assert entities(message.text, "share_media_rejected") == {"reason": "unsupported_type"}


async def test_types_outside_the_table_are_refused_before_any_graph_call(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "video")
    assert entities(message.text, "share_media_rejected") == {"reason": "unsupported_type"}
    assert message.metadata["whatsapp"]["media_rejected"]["mime_type"] == "video/mp4"
    assert graph.media_info_calls == 0


async def test_failed_download_is_retried(graph, webhook_for, sqlite_url):
    graph.add_media(IMAGE_ID, JPEG, "image/jpeg")
    graph.download_failures[IMAGE_ID] = 2  # FAST_RETRIES allows three attempts
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")
    assert entities(message.text, "share_media")["media_type"] == "image"
    assert graph.media_info_calls == 3  # the short-lived url is asked for again on each attempt


async def test_download_failing_every_time_is_reported(graph, webhook_for, sqlite_url):
    graph.add_media(IMAGE_ID, JPEG, "image/jpeg")
    graph.download_failures[IMAGE_ID] = 3
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")
    assert entities(message.text, "share_media_rejected") == {"reason": "download_failed"}


async def test_unknown_media_id_is_reported_as_download_failure(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    message = await received_for(server, "image")  # the stub has no such media: Graph error 100
    assert entities(message.text, "share_media_rejected") == {"reason": "download_failed"}


async def test_a_media_id_that_is_no_id_never_reaches_the_graph_api(graph, webhook_for, sqlite_url):
    server = await webhook_for(graph, sqlite_url)
    payload = load_payload("image")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["image"]["id"] = "../100000000000001/messages"
    await server.deliver(payload)
    (message,) = server.agent.received
    assert entities(message.text, "share_media_rejected") == {"reason": "download_failed"}
    assert graph.media_info_calls == 0
