"""A citizen on the WhatsApp emulator: signed webhooks into Rasa, replies back
through the Graph API, as with Meta's servers."""
from __future__ import annotations

import random
import re

import pytest
import requests

from tests.e2e.conftest import EMULATOR_URL
from whatsapp_emulator.client import EmulatorCitizen, options_of, text_of

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


class WhatsAppCitizen(EmulatorCitizen):
    def __init__(self):
        super().__init__(EMULATOR_URL, f"9198{random.randrange(10**8):08d}")

    def says(self, **message) -> list:
        """Sends one message and returns the bot's messages (Graph JSON) that answer it."""
        self.send(**message)
        replies = self.replies()
        assert replies, f"no answer within a minute to {message}"
        return replies


@pytest.fixture
def citizen(rasa_server):
    return WhatsAppCitizen()


def test_hindi_greeting_gets_a_hindi_menu_as_a_whatsapp_list_and_a_tap_works(citizen):
    replies = citizen.says(type="text", text="नमस्ते जी", profile_name="रमेश")
    menu = next(m for m in replies if options_of(m))
    assert DEVANAGARI.search(text_of(menu))
    assert menu["interactive"]["type"] == "list"  # 7 options: more than 3 reply buttons allow
    helpline = next(row for row in options_of(menu) if row["id"] == "/human_handoff")

    answer = citizen.says(type="list_reply", id=helpline["id"], title=helpline["title"])
    assert DEVANAGARI.search(" ".join(map(text_of, answer)))


def test_english_question_gets_an_english_answer(citizen):
    replies = citizen.says(type="text", text="what is cm helpline 181")
    body = " ".join(map(text_of, replies))
    assert "181" in body and not DEVANAGARI.search(body)


def test_hinglish_gets_devanagari_replies(citizen):
    replies = citizen.says(type="text", text="namaste ji kaise ho")
    assert DEVANAGARI.search(" ".join(map(text_of, replies)))


def test_typed_number_picks_that_menu_option(citizen):
    menu = next(m for m in citizen.says(type="text", text="menu please") if options_of(m))
    choice = options_of(menu).index(next(o for o in options_of(menu) if o["id"] == "/human_handoff")) + 1
    answer = citizen.says(type="text", text=str(choice))
    handoff = " ".join(map(text_of, answer)).lower()
    assert "officer" in handoff or "person" in handoff or "staff" in handoff


def test_location_pin_voice_note_and_sticker_get_polite_answers(citizen):
    citizen.says(type="text", text="hello")
    location = citizen.says(type="location", latitude=22.7196, longitude=75.8577, name="Rajwada", address="Indore")
    assert "location" in " ".join(map(text_of, location)).lower()
    voice = citizen.says(type="voice")
    assert "type" in " ".join(map(text_of, voice)).lower()
    sticker = citizen.says(type="sticker")
    assert text_of(sticker[0])


def test_a_photo_is_downloaded_through_the_graph_media_flow(citizen):
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    replies = citizen.says(type="text", text="नमस्ते")
    assert replies
    answer = citizen.says(type="image", filename="kachra.png", content_base64=png, mime_type="image/png")
    assert "फ़ाइल" in " ".join(map(text_of, answer))


def test_an_oversized_body_is_refused_before_it_is_read(rasa_server):
    oversized = b"{" + b" " * (2 * 1024 * 1024) + b"}"
    response = requests.post(f"{rasa_server}/webhooks/whatsapp/webhook", data=oversized,
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 413
