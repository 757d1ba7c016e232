"""Small parts of the emulator on their own: signature, throughput limit, settings, log masking."""
from __future__ import annotations

import hashlib
import hmac
import logging

import pytest

from whatsapp_emulator.graph_errors import GraphError
from whatsapp_emulator.log_masking import PhoneMaskFilter, mask_phone_numbers
from whatsapp_emulator.settings import Settings
from whatsapp_emulator.signing import encode, signature, signed
from whatsapp_emulator.throughput import ThroughputLimiter


def test_signature_is_hmac_sha256_of_the_raw_body() -> None:
    body = b'{"object":"whatsapp_business_account"}'
    expected = hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    assert signature(body, "secret") == "sha256=" + expected


def test_signed_payload_is_compact_escaped_json() -> None:
    body, header = signed({"text": "नमस्ते", "n": 1}, "secret")
    assert body == b'{"text":"\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947","n":1}'
    assert header == signature(body, "secret") and body == encode({"text": "नमस्ते", "n": 1})


def test_throughput_limiter_allows_a_burst_then_refuses() -> None:
    limiter = ThroughputLimiter(per_second=5)
    assert [limiter.allow() for _ in range(6)] == [True] * 5 + [False]
    assert all(ThroughputLimiter(per_second=0).allow() for _ in range(1000))


def test_settings_defaults_and_environment() -> None:
    defaults = Settings.from_env({})
    assert (defaults.port, defaults.access_token, defaults.app_secret) == (8003, "emulator-access-token",
                                                                          "emulator-app-secret")
    assert defaults.phone_number_id == "100000000000001"
    assert defaults.rasa_webhook_url == "http://127.0.0.1:5005/webhooks/whatsapp/webhook"
    assert defaults.display_number_digits == "917550000181"
    custom = Settings.from_env({"EMULATOR_PORT": "9000", "EMULATOR_RETRY_DELAYS": "0.5, 1", "WHATSAPP_APP_SECRET": "s"})
    assert (custom.port, custom.retry_delays, custom.app_secret) == (9000, (0.5, 1.0), "s")


def test_phone_numbers_are_masked_in_logs() -> None:
    masked = mask_phone_numbers("GET /emulator/users/919876543210/messages")
    assert masked == "GET /emulator/users/91********10/messages"
    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s"', ("127.0.0.1:5", "GET",
                               "/emulator/users/919876543210/send"), None)
    PhoneMaskFilter().filter(record)
    assert "919876543210" not in record.getMessage() and "127.0.0.1:5" in record.getMessage()


UNMASKED = ["status at 1749416383 (1749416383123 ms), wait 3.14159265358 s, retry in 0.1234567891 s",
            "media 1234567890123456 of 16 digits; seq=12345678"]


@pytest.mark.parametrize("text, masked", [
    ("GET /emulator/users/919000000001/messages?since=12&wait=2.9912345678937",
     "GET /emulator/users/91********01/messages?since=12&wait=2.9912345678937"),
    *[(text, text) for text in UNMASKED],
])
def test_only_phone_numbers_are_masked_not_times_or_decimals(text: str, masked: str) -> None:
    assert mask_phone_numbers(text) == masked


@pytest.mark.parametrize("number, masked", [("+15551234567", "+15*******67"), ("+447911123456", "+44********56"),
                                            ("wa_id 4915112345678", "wa_id 49*********78")])
def test_numbers_of_any_country_are_masked(number: str, masked: str) -> None:
    assert mask_phone_numbers(number) == masked


def test_injected_codes_outside_the_catalogue_still_get_meta_shape() -> None:
    error = GraphError(131051)
    assert error.http_status == 400
    assert error.body()["error"]["message"] == "(#131051) Error 131051"
