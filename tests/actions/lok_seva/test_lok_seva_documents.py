"""Documents sent as WhatsApp photos or PDFs during an application."""
from __future__ import annotations

import uuid
from pathlib import Path

import requests

from tests.actions.lok_seva.chat import texts
from tests.actions.lok_seva.test_lok_seva_application import answer_income_certificate
from tests.lokseva_api.lokseva_helpers import CLIENT
from tests.servers import free_port

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200


def received(store: Path, data: bytes, extension: str, filename: str) -> dict:
    """A file as the WhatsApp channel keeps it, and the message it sends Rasa about it."""
    file_id = f"wa-{uuid.uuid4().hex}"
    path = store / "whatsapp" / f"{file_id}{extension}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    media = {"path": str(path), "mime_type": "image/jpeg", "size": len(data), "filename": filename, "caption": None}
    return {"entities": {"media_type": "image", "file_id": file_id}, "metadata": {"whatsapp": {"media": media}}}


def send(citizen, file: dict):
    text = f'/share_media{{"media_type": "image", "file_id": "{file["entities"]["file_id"]}"}}'
    return citizen.says(text, "share_media", metadata=file["metadata"], **file["entities"])


def at_documents(citizen):
    citizen.start("apply_service", service="income_certificate")
    answer_income_certificate(citizen)
    return citizen


def test_photos_are_uploaded_and_go_with_the_application(chat, actions_env, api_url):
    store = actions_env / "files"
    citizen = at_documents(chat(language="en"))
    assert "Document received (1 so far)" in texts(send(citizen, received(store, JPEG, ".jpg", "aadhaar.jpg")))
    assert "Document received (2 so far)" in texts(send(citizen, received(store, JPEG, ".jpg", "samagra.jpg")))
    assert "too large" in texts(citizen.says('/share_media_rejected{"reason": "too_large"}', "share_media_rejected",
                                             reason="too_large"))
    fake = received(store, b"MZ not really a picture", ".jpg", "photo.jpg")
    assert "Only photos (JPEG, PNG) and PDF" in texts(send(citizen, fake))  # the API's own check
    outside = received(actions_env, JPEG, ".jpg", "x.jpg")
    outside["metadata"]["whatsapp"]["media"]["path"] = "/etc/passwd"
    assert "could not receive this file" in texts(send(citizen, outside))

    assert "• Documents: 2" in texts(citizen.says("done"))
    number = texts(citizen.taps("affirm")).split("*")[1]
    application = requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    assert len(application["document_ids"]) == 2


def test_a_photo_sent_while_the_api_is_away_is_attached_later(chat, actions_env, api_url, monkeypatch):
    citizen = at_documents(chat())
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")
    assert "दस्तावेज़ मिला (अब तक कुल 1)" in texts(send(citizen, received(actions_env / "files", JPEG, ".jpg", "a.jpg")))
    monkeypatch.setenv("LOKSEVA_API_URL", api_url)
    citizen.says("हो गया")
    number = texts(citizen.taps("affirm")).split("*")[1]
    application = requests.get(f"{api_url}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    assert len(application["document_ids"]) == 1
