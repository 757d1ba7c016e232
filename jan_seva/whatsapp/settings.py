"""Where the WhatsApp channel's settings come from.

Each value is read from the environment first, then from the channel's
section in credentials.yml, then from a default. Without an access token
(`WHATSAPP_ACCESS_TOKEN`) the channel runs against the local Graph API
emulator with its fixed development credentials; with one, it talks to Meta
and every other credential must be set as well, so that a half-configured
production server fails at start instead of trusting emulator secrets.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Mapping, Optional, Set, Tuple

from common.masking import mask_id

logger = logging.getLogger(__name__)

META_API_URL = "https://graph.facebook.com"
DEFAULT_API_VERSION = "v20.0"
DEFAULT_STATE_DB_URL = "sqlite:///rasa_tracker.db"
DEFAULT_FILE_STORE_DIR = "var/files"

# The emulator's development credentials; only used when no access token is set.
EMULATOR_DEFAULTS = {
    "verify_token": "emulator-verify-token",
    "app_secret": "emulator-app-secret",
    "access_token": "emulator-access-token",
    "phone_number_id": "100000000000001",
    "api_url": "http://127.0.0.1:8003",
}

# setting name -> environment variable (the credentials.yml key is the setting name)
ENVIRONMENT_NAMES = {
    "verify_token": "WHATSAPP_VERIFY_TOKEN",
    "app_secret": "WHATSAPP_APP_SECRET",
    "access_token": "WHATSAPP_ACCESS_TOKEN",
    "phone_number_id": "WHATSAPP_PHONE_NUMBER_ID",
    "api_url": "WHATSAPP_API_URL",
    "api_version": "WHATSAPP_API_VERSION",
}
META_REQUIRED = ("verify_token", "app_secret", "access_token", "phone_number_id")


class WhatsAppConfigurationError(ValueError):
    pass


def webhook_secrets(environ: Optional[Mapping[str, str]] = None) -> List[Tuple[str, Optional[str], Set[str]]]:
    """What an exposed webhook must not run with: the emulator's signing secret and verify token
    (common.exposure's Secret tuples)."""
    environ = os.environ if environ is None else environ
    return [(ENVIRONMENT_NAMES[name], environ.get(ENVIRONMENT_NAMES[name]), {EMULATOR_DEFAULTS[name]})
            for name in ("app_secret", "verify_token")]


@dataclass(frozen=True)
class WhatsAppSettings:
    verify_token: str
    app_secret: str
    access_token: str
    phone_number_id: str
    api_url: str
    api_version: str
    state_db_url: str
    file_store_dir: Path
    uses_emulator: bool

    @classmethod
    def from_sources(
        cls,
        credentials: Optional[Mapping[str, Any]] = None,
        environ: Optional[Mapping[str, str]] = None,
    ) -> "WhatsAppSettings":
        environ = os.environ if environ is None else environ
        credentials = credentials or {}

        def configured(name: str) -> Optional[str]:
            value = environ.get(ENVIRONMENT_NAMES[name]) or credentials.get(name)
            return str(value).strip() if value not in (None, "") else None

        values = {name: configured(name) for name in ENVIRONMENT_NAMES}
        uses_emulator = values["access_token"] is None
        if uses_emulator:
            for name, default in EMULATOR_DEFAULTS.items():
                values[name] = values[name] or default
        else:
            missing = [ENVIRONMENT_NAMES[name] for name in META_REQUIRED if not values[name]]
            if missing:
                raise WhatsAppConfigurationError(
                    "WHATSAPP_ACCESS_TOKEN is set, so the channel talks to Meta, "
                    f"but these settings are missing: {', '.join(missing)}"
                )
            values["api_url"] = values["api_url"] or META_API_URL
        return cls(
            verify_token=values["verify_token"],
            app_secret=values["app_secret"],
            access_token=values["access_token"],
            phone_number_id=values["phone_number_id"],
            api_url=values["api_url"].rstrip("/"),
            api_version=values["api_version"] or DEFAULT_API_VERSION,
            state_db_url=(
                environ.get("WHATSAPP_STATE_DB_URL")
                or environ.get("TRACKER_DB_URL")
                or DEFAULT_STATE_DB_URL
            ),
            file_store_dir=Path(environ.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR),
            uses_emulator=uses_emulator,
        )

    @property
    def graph_base(self) -> str:
        return f"{self.api_url}/{self.api_version}"

    def log_mode(self) -> None:
        if self.uses_emulator:
            logger.warning(
                "WhatsApp channel in EMULATOR mode (no WHATSAPP_ACCESS_TOKEN): Graph API at %s, "
                "development credentials; set the WHATSAPP_* variables to talk to Meta.",
                self.graph_base,
            )
        else:
            logger.info(
                "WhatsApp channel in META mode: Graph API at %s, phone number id %s.",
                self.graph_base,
                mask_id(self.phone_number_id),
            )
