"""The WhatsApp emulator as a real process (python -m whatsapp_emulator) on loopback,
delivering its webhooks to a real HTTP receiver in the test process."""
from __future__ import annotations

import os
import subprocess
import sys
from typing import Any, Dict

import pytest
from emulator_harness import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    ROOT,
    TOKEN,
    VERIFY_TOKEN,
    EmulatorClient,
    WebhookReceiver,
    free_port,
    wait_until_listening,
)


@pytest.fixture(scope="session")
def receiver() -> WebhookReceiver:
    server = WebhookReceiver()
    yield server
    server.close()


@pytest.fixture(scope="session")
def emulator_process(receiver: WebhookReceiver, tmp_path_factory: pytest.TempPathFactory) -> str:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "EMULATOR_PORT": str(port),
        "WHATSAPP_ACCESS_TOKEN": TOKEN,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "RASA_WEBHOOK_URL": receiver.url,
        "EMULATOR_MEDIA_DIR": str(tmp_path_factory.mktemp("emulator-media")),
        "EMULATOR_STATUS_DELAY": "0.02",
        "EMULATOR_RETRY_DELAYS": "0.05,0.1",
        "EMULATOR_THROUGHPUT_MPS": "0",
    }
    log = open(tmp_path_factory.mktemp("emulator-log") / "emulator.log", "wb")
    process = subprocess.Popen([sys.executable, "-m", "whatsapp_emulator"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        finally:
            log.close()


@pytest.fixture
def emulator(emulator_process: str, receiver: WebhookReceiver) -> EmulatorClient:
    """A client of the emulator, reset, with an empty receiver."""
    client = EmulatorClient(emulator_process)
    assert client.http.post("/emulator/reset").status_code == 200
    receiver.clear()
    yield client
    client.http.close()


@pytest.fixture
def open_window(emulator: EmulatorClient, receiver: WebhookReceiver) -> Dict[str, Any]:
    """The citizen has written to the bot, so the 24-hour window is open."""
    sent = emulator.citizen_sends({"type": "text", "text": "नमस्ते", "profile_name": "Ramesh"})
    emulator.wait_for_status(sent["id"], "delivered")
    receiver.clear()
    return sent
