"""Media: upload -> media URL -> download round trip, with Meta's types and size limits."""
from __future__ import annotations

import hashlib

import pytest
from emulator_harness import GRAPH_VERSION, EmulatorClient, assert_graph_error

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_upload_url_download_round_trip(emulator: EmulatorClient) -> None:
    uploaded = emulator.upload(PNG, "image/png", "photo.png")
    assert uploaded.status_code == 200, uploaded.text
    media_id = uploaded.json()["id"]
    assert media_id.isdigit()

    info = emulator.graph("GET", f"/{GRAPH_VERSION}/{media_id}").json()
    assert info["messaging_product"] == "whatsapp"
    assert info["id"] == media_id
    assert info["mime_type"] == "image/png"
    assert info["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert info["file_size"] == len(PNG)
    assert info["url"].startswith(emulator.base_url + "/whatsapp_business/attachments/?mid=" + media_id)

    assert emulator.download(media_id) == PNG


def test_media_url_needs_the_token_and_an_issued_url(emulator: EmulatorClient) -> None:
    media_id = emulator.upload(b"%PDF-1.4 x", "application/pdf").json()["id"]
    url = emulator.graph("GET", f"/{GRAPH_VERSION}/{media_id}").json()["url"]
    assert_graph_error(emulator.graph("GET", url, token=None), 401, 190)
    assert emulator.graph("GET", url.replace("hash=", "hash=0")).status_code == 404
    assert emulator.graph("GET", url.replace(f"mid={media_id}", "mid=1")).status_code == 404


def test_unknown_media_id_is_unsupported_get_request(emulator: EmulatorClient) -> None:
    error = assert_graph_error(emulator.graph("GET", f"/{GRAPH_VERSION}/4242"), 400, 100)
    assert error["error_subcode"] == 33


@pytest.mark.parametrize("mime_type, size, accepted", [
    ("image/jpeg", 5 * 1024 * 1024, True),
    ("image/jpeg", 5 * 1024 * 1024 + 1, False),
    ("image/png", 5 * 1024 * 1024 + 1, False),
    ("application/pdf", 6 * 1024 * 1024, True),  # documents may be far bigger than images
    ("audio/ogg; codecs=opus", 1000, True),
    ("audio/mpeg", 16 * 1024 * 1024 + 1, False),
    ("video/mp4", 1000, True),
    ("image/webp", 500 * 1024, True),
    ("image/webp", 500 * 1024 + 1, False),
])
def test_size_limits_per_media_kind(emulator: EmulatorClient, mime_type: str, size: int, accepted: bool) -> None:
    response = emulator.upload(b"x" * size, mime_type)
    if accepted:
        assert response.status_code == 200, response.text
    else:
        error = assert_graph_error(response, 400, 131053)
        assert "limit" in error["error_data"]["details"]


@pytest.mark.parametrize("mime_type", ["image/gif", "application/zip", "text/html"])
def test_unsupported_types_are_refused(emulator: EmulatorClient, mime_type: str) -> None:
    error = assert_graph_error(emulator.upload(b"data", mime_type), 400, 100)
    assert "image/jpeg" in error["error_data"]["details"]


def test_upload_needs_messaging_product_and_file(emulator: EmulatorClient) -> None:
    path = f"/{GRAPH_VERSION}/123456789012345/media"
    no_product = emulator.graph("POST", path, data={"type": "image/png"}, files={"file": ("a.png", PNG, "image/png")})
    assert_graph_error(no_product, 400, 100)
    no_file = emulator.graph("POST", path, data={"messaging_product": "whatsapp", "type": "image/png"})
    assert_graph_error(no_file, 400, 100)
    assert_graph_error(emulator.upload(b"", "image/png"), 400, 131053)
