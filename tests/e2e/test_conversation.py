"""Chats with the running assistant through its REST channel, as a citizen would."""
from __future__ import annotations

import random
import re
import uuid

import pytest
import requests
from sqlalchemy import create_engine, text

from common.rasa_api import auth_headers
from tests.conftest import POSTGRES_URL
from tests.e2e.conftest import RASA_TOKEN

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


class Citizen:
    def __init__(self, server: str):
        self.server = server
        self.sender = f"e2e-{uuid.uuid4().hex[:10]}"

    def says(self, message: str) -> list:
        response = requests.post(f"{self.server}/webhooks/rest/webhook",
                                 json={"sender": self.sender, "message": message}, timeout=60)
        assert response.status_code == 200, response.text
        replies = response.json()
        assert replies, f"no answer to {message[:40]!r}"
        return replies

    def tracker(self) -> dict:
        return requests.get(f"{self.server}/conversations/{self.sender}/tracker", headers=auth_headers("e2e", RASA_TOKEN),
                            timeout=30).json()


def words(replies: list) -> str:
    """What the replies say, a location request's question too."""
    return " ".join(r.get("text") or ((r.get("custom") or {}).get("whatsapp") or {}).get("text", "") for r in replies)


def in_hindi(replies: list) -> bool:
    return bool(DEVANAGARI.search(words(replies)))


@pytest.fixture
def citizen(rasa_server):
    return Citizen(rasa_server)


def test_hindi_greeting_gets_a_hindi_menu(citizen):
    replies = citizen.says("नमस्ते जी")
    assert in_hindi(replies)
    buttons = [b for r in replies for b in r.get("buttons", [])]
    assert "/register_complaint" in {b["payload"] for b in buttons}


def test_romanized_hindi_gets_devanagari_replies(citizen):
    assert in_hindi(citizen.says("jansunwai kab hoti hai bhai"))


def test_english_gets_english_replies(citizen):
    replies = citizen.says("Hello, what can you do for me?")
    assert not in_hindi(replies)


def test_language_follows_the_citizen_until_one_is_chosen(citizen):
    assert not in_hindi(citizen.says("How do I update my Aadhaar address?"))
    assert in_hindi(citizen.says("आधार में पता कैसे बदलें"))
    assert not in_hindi(citizen.says("English please"))
    assert not in_hindi(citizen.says("jansunwai kab hoti hai"))  # chosen language sticks
    assert in_hindi(citizen.says("हिंदी में बात करो"))


@pytest.mark.parametrize("message", [
    "", "   ", "😀😀😀", "👍", "12345", "००७", "?!?!", "a" * 5000, "नमस्ते " * 800,
    "".join(chr(random.Random(7).randint(0x20, 0x2FFF)) for _ in range(300)),
    "mera 🚮 kachra вопрос 問題 نہیں",
])
def test_bad_input_gets_a_polite_answer_in_the_conversation_language(citizen, message):
    assert in_hindi(citizen.says("namaste"))
    replies = citizen.says(message)
    assert words(replies).strip()
    if not DEVANAGARI.search(message) and not re.search(r"[a-zA-Z]", message):
        assert in_hindi(replies), "a message without words keeps the conversation's language"


def test_english_conversation_stays_english_after_an_emoji(citizen):
    citizen.says("Hello, I need some help please")
    assert not in_hindi(citizen.says("👍"))


def test_human_handoff_is_recorded_and_stored_in_postgresql(citizen):
    replies = citizen.says("kisi adhikari se baat karni hai")
    assert in_hindi(replies) and "181" in words(replies)
    assert citizen.tracker()["slots"]["handoff_requested_at"]
    with create_engine(POSTGRES_URL).connect() as connection:
        stored = connection.execute(
            text("select count(*) from events where sender_id = :s and type_name = 'slot' and data like '%handoff_requested_at%'"),
            {"s": citizen.sender}).scalar()
    assert stored == 1


def test_low_confidence_offers_options_instead_of_guessing(citizen):
    replies = citizen.says("xq zzv blorf 77")
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert payloads, "an unclear message gets options to choose from"
