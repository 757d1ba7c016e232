"""Emulator configuration, read from the environment (defaults: the local setup)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Tuple


def _float_list(text: str) -> Tuple[float, ...]:
    return tuple(float(part) for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8003
    access_token: str = "emulator-access-token"
    app_secret: str = "emulator-app-secret"
    verify_token: str = "emulator-verify-token"
    phone_number_id: str = "100000000000001"
    business_account_id: str = "100000000000000"
    display_number: str = "+91 755 000 0181"
    rasa_webhook_url: str = "http://127.0.0.1:5005/webhooks/whatsapp/webhook"
    media_dir: Path = Path("var/whatsapp_emulator/media")
    # Seconds between the sent, delivered and read statuses of a bot message.
    status_delay: float = 0.3
    # Waits before each retry of a failed webhook delivery (Meta backs off too).
    retry_delays: Tuple[float, ...] = field(default=(1, 2, 4, 8, 16, 32, 64))
    # Cloud API default throughput; 0 turns the 130429 limiter off.
    throughput_mps: float = 80.0

    @property
    def display_number_digits(self) -> str:
        """Webhook metadata carries the business number as digits only."""
        return re.sub(r"\D", "", self.display_number)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Settings":
        defaults = cls()
        return cls(
            port=int(env.get("EMULATOR_PORT", defaults.port)),
            access_token=env.get("WHATSAPP_ACCESS_TOKEN", defaults.access_token),
            app_secret=env.get("WHATSAPP_APP_SECRET", defaults.app_secret),
            verify_token=env.get("WHATSAPP_VERIFY_TOKEN", defaults.verify_token),
            phone_number_id=env.get("WHATSAPP_PHONE_NUMBER_ID", defaults.phone_number_id),
            business_account_id=env.get("WHATSAPP_BUSINESS_ACCOUNT_ID", defaults.business_account_id),
            display_number=env.get("WHATSAPP_DISPLAY_NUMBER", defaults.display_number),
            rasa_webhook_url=env.get("RASA_WEBHOOK_URL", defaults.rasa_webhook_url),
            media_dir=Path(env.get("EMULATOR_MEDIA_DIR", str(defaults.media_dir))),
            status_delay=float(env.get("EMULATOR_STATUS_DELAY", defaults.status_delay)),
            retry_delays=_float_list(env["EMULATOR_RETRY_DELAYS"])
            if "EMULATOR_RETRY_DELAYS" in env
            else defaults.retry_delays,
            throughput_mps=float(env.get("EMULATOR_THROUGHPUT_MPS", defaults.throughput_mps)),
        )
