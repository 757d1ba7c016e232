"""A citizen on the WhatsApp emulator: signed webhooks into Rasa, replies back
through the Graph API, as with Meta's servers."""
from __future__ import annotations

import random
import re

import pytest
import requests

from tests.e2e.conftest import EMULATOR_URL

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


class WhatsAppCitizen:
    def __init__(self):
        self.wa_id = f"9198{random.randrange(10**8):08d}"
        self.seq = 0

    def send(self, **message) -> list:
        """Sends one message and returns the bot's messages (Graph JSON) that answer it."""
        sent = requests.post(f"{EMULATOR_URL}/emulator/users/{self.wa_id}/send", json=message, timeout=30)
        assert sent.status_code == 200, sent.text
        return self._replies()

    def _replies(self, quiet_seconds: float = 3.0) -> list:
        replies, wait = [], 60
        while True:
            page = requests.get(f"{EMULATOR_URL}/emulator/users/{self.wa_id}/messages",
                                params={"since": self.seq, "wait": wait}, timeout=wait + 10).json()
            self.seq = page["seq"]
            new = [m for m in page["messages"] if m["direction"] == "out" and m["message"] not in replies]
            replies += [m["message"] for m in new]
            if not new and replies:
                return replies
            if not page["messages"] and not replies:
                pytest.fail("the bot did not answer within a minute")
            wait = quiet_seconds  # keep collecting until the bot has been quiet for a moment


def text_of(message: dict) -> str:
    if message["type"] == "text":
        return message["text"]["body"]
    if message["type"] == "interactive":
        return message["interactive"]["body"]["text"]
    return ""


def options_of(message: dict) -> list:
    interactive = message.get("interactive") or {}
    if interactive.get("type") == "button":
        return [b["reply"] for b in interactive["action"]["buttons"]]
    if interactive.get("type") == "list":
        return [row for section in interactive["action"]["sections"] for row in section["rows"]]
    return []


@pytest.fixture
def citizen(rasa_server):
    return WhatsAppCitizen()


def test_hindi_greeting_gets_a_hindi_menu_as_a_whatsapp_list_and_a_tap_works(citizen):
    replies = citizen.send(type="text", text="नमस्ते जी", profile_name="रमेश")
    menu = next(m for m in replies if options_of(m))
    assert DEVANAGARI.search(text_of(menu))
    assert menu["interactive"]["type"] == "list"  # 7 options: more than 3 reply buttons allow
    helpline = next(row for row in options_of(menu) if row["id"] == "/human_handoff")

    answer = citizen.send(type="list_reply", id=helpline["id"], title=helpline["title"])
    assert DEVANAGARI.search(" ".join(map(text_of, answer)))


def test_english_question_gets_an_english_answer(citizen):
    replies = citizen.send(type="text", text="what is cm helpline 181")
    body = " ".join(map(text_of, replies))
    assert "181" in body and not DEVANAGARI.search(body)


def test_hinglish_gets_devanagari_replies(citizen):
    replies = citizen.send(type="text", text="namaste ji kaise ho")
    assert DEVANAGARI.search(" ".join(map(text_of, replies)))


def test_typed_number_picks_that_menu_option(citizen):
    menu = next(m for m in citizen.send(type="text", text="menu please") if options_of(m))
    choice = options_of(menu).index(next(o for o in options_of(menu) if o["id"] == "/human_handoff")) + 1
    answer = citizen.send(type="text", text=str(choice))
    handoff = " ".join(map(text_of, answer)).lower()
    assert "officer" in handoff or "person" in handoff or "staff" in handoff


def test_location_pin_voice_note_and_sticker_get_polite_answers(citizen):
    citizen.send(type="text", text="hello")
    location = citizen.send(type="location", latitude=22.7196, longitude=75.8577, name="Rajwada", address="Indore")
    assert "location" in " ".join(map(text_of, location)).lower()
    voice = citizen.send(type="voice")
    assert "type" in " ".join(map(text_of, voice)).lower()
    sticker = citizen.send(type="sticker")
    assert text_of(sticker[0])


def test_a_photo_is_downloaded_through_the_graph_media_flow(citizen):
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    replies = citizen.send(type="text", text="नमस्ते")
    assert replies
    answer = citizen.send(type="image", filename="kachra.png", content_base64=png, mime_type="image/png")
    assert "फ़ाइल" in " ".join(map(text_of, answer))
