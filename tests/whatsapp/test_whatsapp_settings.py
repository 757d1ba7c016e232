"""Configuration: environment over credentials.yml over defaults; masking; loading by Rasa."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from rasa.shared.utils.common import class_from_module_path

from common.masking import mask_id
from jan_seva.whatsapp.connector import WhatsAppInput
from jan_seva.whatsapp.settings import WhatsAppConfigurationError, WhatsAppSettings

META_ENVIRONMENT = {
    "WHATSAPP_VERIFY_TOKEN": "verify-from-env",
    "WHATSAPP_APP_SECRET": "secret-from-env",
    "WHATSAPP_ACCESS_TOKEN": "EAAG-token",
    "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
}


def test_without_an_access_token_the_emulator_is_used(caplog):
    caplog.set_level(logging.INFO)
    settings = WhatsAppSettings.from_sources(None, {})
    assert settings.uses_emulator
    assert (settings.verify_token, settings.app_secret, settings.access_token, settings.phone_number_id) == (
        "emulator-verify-token", "emulator-app-secret", "emulator-access-token", "100000000000001")
    assert settings.graph_base == "http://127.0.0.1:8003/v20.0"
    assert settings.state_db_url == "sqlite:///rasa_tracker.db"
    assert settings.file_store_dir == Path("var/files")
    settings.log_mode()
    assert "EMULATOR mode" in caplog.text


def test_meta_credentials_from_the_environment(caplog):
    caplog.set_level(logging.INFO)
    settings = WhatsAppSettings.from_sources(None, {**META_ENVIRONMENT, "WHATSAPP_API_VERSION": "v21.0"})
    assert not settings.uses_emulator
    assert settings.graph_base == "https://graph.facebook.com/v21.0"
    assert settings.app_secret == "secret-from-env"
    settings.log_mode()
    assert "META mode" in caplog.text and "106540352242922" not in caplog.text


def test_environment_wins_over_credentials_file():
    credentials = {"verify_token": "from-file", "app_secret": "file-secret", "access_token": "file-token",
                   "phone_number_id": "111", "api_url": "https://graph.example/"}
    settings = WhatsAppSettings.from_sources(credentials, {"WHATSAPP_VERIFY_TOKEN": "from-env"})
    assert settings.verify_token == "from-env"
    assert settings.access_token == "file-token" and settings.phone_number_id == "111"
    assert settings.api_url == "https://graph.example"


def test_meta_mode_with_missing_credentials_refuses_to_start():
    with pytest.raises(WhatsAppConfigurationError, match="WHATSAPP_APP_SECRET, WHATSAPP_PHONE_NUMBER_ID"):
        WhatsAppSettings.from_sources({"verify_token": "v"}, {"WHATSAPP_ACCESS_TOKEN": "EAAG-token"})


@pytest.mark.parametrize("environment, url", [
    ({"WHATSAPP_STATE_DB_URL": "postgresql://db/state", "TRACKER_DB_URL": "postgresql://db/tracker"},
     "postgresql://db/state"),
    ({"TRACKER_DB_URL": "postgresql://db/tracker"}, "postgresql://db/tracker"),
])
def test_state_database_defaults_to_the_tracker_store(environment, url):
    assert WhatsAppSettings.from_sources(None, environment).state_db_url == url


@pytest.mark.parametrize("value, masked", [
    ("919876543210", "91******3210"),
    ("IN.1648738043044942", "IN*************4942"),
    ("12345", "*****"),
    (None, "<none>"),
])
def test_masking(value, masked):
    assert mask_id(value) == masked


def test_rasa_loads_the_channel_by_class_path(tmp_path, monkeypatch):
    monkeypatch.setenv("WHATSAPP_STATE_DB_URL", f"sqlite:///{tmp_path / 'state.db'}")
    for name in META_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    # what rasa.core.run._create_single_channel does for a custom channel (that module imports TensorFlow)
    channel_class = class_from_module_path("jan_seva.whatsapp.connector.WhatsAppInput")
    channel = channel_class.from_credentials({"verify_token": "from-file"})
    assert isinstance(channel, WhatsAppInput)
    assert channel.url_prefix() == "whatsapp"
    assert channel.settings.verify_token == "from-file" and channel.settings.uses_emulator
