"""Uploads: photos and PDFs only, told apart by content; size limit; attaching."""
from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from lokseva_helpers import CLIENT, OFFICER, advance, assert_error, income_application, make_settings, submit
from PIL import Image

from lokseva_api.app import create_app


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="JPEG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(client, name: str, data: bytes, content_type: str = "application/octet-stream", **form):
    return client.post("/api/v1/documents", files={"file": (name, data, content_type)}, data=form)


@pytest.mark.parametrize(
    "name, data, media_type",
    [("aadhaar.jpg", jpeg_bytes(), "image/jpeg"), ("photo.png", png_bytes(), "image/png"),
     ("income.pdf", PDF, "application/pdf"), ("from-whatsapp", jpeg_bytes(), "image/jpeg")],
)
def test_photos_and_pdfs_are_accepted_by_their_content(sqlite_client, name, data, media_type):
    response = upload(sqlite_client, name, data, wa_id="919876543210")
    assert response.status_code == 201, response.text
    document = response.json()
    assert document["document_id"].startswith("doc_")
    assert document["content_type"] == media_type
    assert document["size_bytes"] == len(data)
    assert sqlite_client.get(f"/api/v1/documents/{document['document_id']}").json() == document


def test_other_content_is_refused_whatever_its_name(sqlite_client):
    assert_error(upload(sqlite_client, "photo.jpg", b"MZ\x90\x00 windows program", "image/jpeg"), 415,
                 "unsupported_document_type")
    assert_error(upload(sqlite_client, "notes.txt", b"hello"), 415, "unsupported_document_type")


def test_a_name_that_lies_about_the_content_is_refused(sqlite_client):
    error = assert_error(upload(sqlite_client, "photo.jpg", PDF, "image/jpeg"), 415, "document_type_mismatch")
    assert "application/pdf" in error["message_en"]


def test_empty_file(sqlite_client):
    assert_error(upload(sqlite_client, "empty.pdf", b""), 422, "document_empty")


def test_size_limit(tmp_path, sqlite_url, reference):
    settings = make_settings(tmp_path, sqlite_url, LOKSEVA_MAX_UPLOAD_BYTES=str(200 * 1024))
    with TestClient(create_app(settings, reference), headers=CLIENT) as client:
        at_limit = PDF + b"0" * (200 * 1024 - len(PDF))
        assert upload(client, "big.pdf", at_limit).status_code == 201
        error = assert_error(upload(client, "bigger.pdf", at_limit + b"0"), 413, "document_too_large")
        assert "0.2 MB" in error["message_en"] and "0.2 MB" in error["message_hi"]


def test_documents_go_with_the_application_and_only_with_one(sqlite_client):
    photo = upload(sqlite_client, "a.jpg", jpeg_bytes()).json()["document_id"]
    created = submit(sqlite_client, document_ids=[photo])
    assert created["document_ids"] == [photo]
    assert sqlite_client.get(f"/api/v1/documents/{photo}").json()["attached_to"] == created["application_id"]

    error = assert_error(sqlite_client.post("/api/v1/applications", json={**income_application(), "document_ids": [photo]}), 409,
                         "document_in_use")
    assert photo in error["message_en"]
    assert_error(sqlite_client.post("/api/v1/applications", json={**income_application(), "document_ids": ["doc_nope"]}), 422,
                 "document_not_found")


def test_requested_documents_put_the_application_back_under_review(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    advance(sqlite_client, number, "start_review", "request_documents")
    slip = upload(sqlite_client, "salary.pdf", PDF).json()["document_id"]

    after = sqlite_client.post(f"/api/v1/applications/{number}/documents", json={"document_ids": [slip]}).json()
    assert after["status"] == "under_review"
    assert after["history"][-1]["action"] == "documents_received"
    assert after["document_ids"] == [slip]


def test_no_documents_after_the_decision(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    advance(sqlite_client, number, "start_review", "approve")
    slip = upload(sqlite_client, "late.pdf", PDF).json()["document_id"]
    response = sqlite_client.post(f"/api/v1/applications/{number}/documents", json={"document_ids": [slip]})
    assert_error(response, 409, "documents_not_attachable")


def test_officers_read_the_content(sqlite_client):
    photo = jpeg_bytes()
    document_id = upload(sqlite_client, "a.jpg", photo).json()["document_id"]
    url = f"/api/v1/documents/{document_id}/content"
    assert_error(sqlite_client.get(url), 401, "unauthorized")
    content = sqlite_client.get(url, headers=OFFICER)
    assert content.content == photo
    assert content.headers["content-type"] == "image/jpeg"


def test_a_body_far_past_the_limit_is_refused_whole(tmp_path, sqlite_url, reference):
    settings = make_settings(tmp_path, sqlite_url, LOKSEVA_MAX_UPLOAD_BYTES=str(200 * 1024))
    with TestClient(create_app(settings, reference), headers=CLIENT) as client:
        assert_error(upload(client, "huge.pdf", PDF + b"0" * (400 * 1024)), 413, "request_too_large")


def test_an_upload_without_a_key_is_refused_before_its_body_is_read(sqlite_client):
    received = []

    def body():  # the upload, sent in pieces: a refused request never asks for them
        received.append("piece")
        yield b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + PDF + b"\r\n--x--\r\n"

    multipart = {"Content-Type": "multipart/form-data; boundary=x"}
    refused = sqlite_client.post("/api/v1/documents", content=body(), headers={"X-API-Key": "wrong", **multipart})
    assert_error(refused, 401, "client_unauthorized")
    assert received == []
    assert sqlite_client.post("/api/v1/documents", content=body(), headers=multipart).status_code == 201
    assert received == ["piece"]  # with the key, the body is read


def test_a_form_without_the_file_is_refused(sqlite_client):
    assert_error(sqlite_client.post("/api/v1/documents", data={"wa_id": "919876543210"},
                                    files={"other": ("a.pdf", PDF, "application/pdf")}), 422, "file_required")
