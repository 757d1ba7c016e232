"""The ingest process, started as the Procfile starts it: Meta's handshake, signed deliveries kept in the
journal before the 200 (messages and statuses, a redelivery once), everything else refused and nothing kept."""
from __future__ import annotations

import json

import pytest
import requests
from sqlalchemy import select
from whatsapp_test_data import APP_SECRET, VERIFY_TOKEN, load_payload, text_payload

from jan_seva.whatsapp.signature import SIGNATURE_HEADER, signature_for
from jan_seva.whatsapp.state_db import inbound_messages
from tests.servers import free_port, start, stop, wait_until_up

PHONE_NUMBER_ID = load_payload("text")["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"]


@pytest.fixture(scope="module")
def ingest(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingest")
    port, db_url, log = free_port(), f"sqlite:///{folder / 'state.db'}", folder / "ingest.log"
    process = start(["jan_seva.whatsapp.ingest"], {
        "WHATSAPP_INGEST_PORT": str(port), "WHATSAPP_STATE_DB_URL": db_url, "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN, "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID}, log)
    url = f"http://127.0.0.1:{port}/webhooks/whatsapp"
    wait_until_up(f"{url}/", process, log)
    yield url, db_url
    stop(process)


def kept_ids(state_engine_for, db_url: str) -> list:
    with state_engine_for(db_url).connect() as connection:
        return connection.execute(select(inbound_messages.c.message_id)).scalars().all()


def post(url: str, body: bytes, signature: str = "") -> requests.Response:
    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: signature or signature_for(body, APP_SECRET)}
    return requests.post(f"{url}/webhook", data=body, headers=headers, timeout=10)


def test_meta_handshake_needs_the_verify_token(ingest):
    url, _ = ingest
    wanted = {"hub.mode": "subscribe", "hub.challenge": "1158201444"}
    answer = requests.get(f"{url}/webhook", params={**wanted, "hub.verify_token": VERIFY_TOKEN}, timeout=10)
    assert (answer.status_code, answer.text) == (200, "1158201444")
    wrong = requests.get(f"{url}/webhook", params={**wanted, "hub.verify_token": "guess"}, timeout=10)
    assert wrong.status_code == 403


def test_a_signed_delivery_is_kept_once_with_its_statuses(ingest, state_engine_for):
    url, db_url = ingest
    message, status = text_payload("नमस्ते"), load_payload("status_read")
    message_id = message["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    status_id = status["entry"][0]["changes"][0]["value"]["statuses"][0]["id"]
    for payload in (message, message, status):  # Meta sends a delivery again when unsure it arrived
        assert post(url, json.dumps(payload).encode()).status_code == 200
    kept = kept_ids(state_engine_for, db_url)
    assert kept.count(message_id) == 1 and f"status:{status_id}:read" in kept


@pytest.mark.parametrize("body, signature, status", [
    (json.dumps(text_payload("forged")).encode(), "sha256=" + "0" * 64, 403),
    (b"{not json", "", 400),
    (b"{" + b" " * (1024 * 1024) + b"}", "", 413),
])
def test_anything_but_a_signed_webhook_is_refused_and_not_kept(ingest, state_engine_for, body, signature, status):
    url, db_url = ingest
    before = kept_ids(state_engine_for, db_url)
    assert post(url, body, signature).status_code == status
    assert kept_ids(state_engine_for, db_url) == before
