"""The control API's conversation view: both directions, `since`, long-poll, reset."""
from __future__ import annotations

import threading
import time

from emulator_harness import CITIZEN, EmulatorClient, WebhookReceiver, text_to


def test_conversation_shows_both_directions_with_statuses(emulator: EmulatorClient, open_window: dict) -> None:
    bot = emulator.send_message(text_to("आपका स्वागत है")).json()["messages"][0]["id"]
    entry = emulator.wait_for_status(bot, "read")
    assert entry["direction"] == "out" and entry["type"] == "text"
    assert entry["message"] == text_to("आपका स्वागत है")
    assert [s["status"] for s in entry["statuses"]] == ["accepted", "sent", "delivered", "read"]
    page = emulator.conversation()
    assert [m["id"] for m in page["messages"]] == [open_window["id"], bot]
    assert page["messages"][0]["direction"] == "in"
    assert page["messages"][0]["message"]["text"]["body"] == "नमस्ते"
    assert page["window_open"] is True


def test_since_returns_only_later_changes(emulator: EmulatorClient, open_window: dict) -> None:
    seq = emulator.conversation()["seq"]
    assert emulator.conversation(since=seq)["messages"] == []
    second = emulator.citizen_sends({"type": "text", "text": "दूसरा संदेश"})
    later = emulator.conversation(since=seq)
    assert second["id"] in [m["id"] for m in later["messages"]]
    assert open_window["id"] not in [m["id"] for m in later["messages"]]
    assert later["seq"] > seq


def test_long_poll_returns_as_soon_as_something_happens(emulator: EmulatorClient, open_window: dict) -> None:
    seq = emulator.conversation()["seq"]
    timer = threading.Timer(0.3, lambda: emulator.send_message(text_to("reply while you wait")))
    timer.start()
    started = time.monotonic()
    page = emulator.conversation(since=seq, wait=20)
    elapsed = time.monotonic() - started
    timer.join()
    assert 0.2 < elapsed < 10
    assert page["messages"][0]["message"]["text"]["body"] == "reply while you wait"


def test_long_poll_times_out_empty(emulator: EmulatorClient) -> None:
    started = time.monotonic()
    page = emulator.conversation(since=0, wait=0.4)
    assert time.monotonic() - started >= 0.35
    assert page["messages"] == []


def test_long_poll_ignores_other_citizens(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    started = time.monotonic()
    threading.Timer(0.1, lambda: emulator.citizen_sends({"type": "text", "text": "hi"}, wa_id="919000000002")).start()
    page = emulator.conversation(CITIZEN, since=0, wait=0.6)
    assert page["messages"] == [] and time.monotonic() - started >= 0.5


def test_reset_forgets_conversations_and_faults(emulator: EmulatorClient, open_window: dict) -> None:
    emulator.inject(code=131026, count=3)
    assert emulator.http.post("/emulator/reset").json() == {"reset": True}
    assert emulator.conversation()["messages"] == []
    assert emulator.conversation()["window_open"] is False
    assert emulator.http.get("/emulator/faults").json() == {"pending": []}


def test_page_and_config_are_served(emulator: EmulatorClient) -> None:
    page = emulator.http.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<html lang="hi">' in page.text and "/static/chat.js" in page.text
    assert emulator.http.get("/static/chat.js").status_code == 200
    config = emulator.http.get("/emulator/config").json()
    assert config["display_number"] == "+91 755 000 0181"
    assert all({"name", "address", "latitude", "longitude"} <= set(place) for place in config["places"])
