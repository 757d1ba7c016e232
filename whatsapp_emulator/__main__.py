"""python -m whatsapp_emulator: serve the emulator on EMULATOR_PORT (default 8003) at 127.0.0.1."""
from __future__ import annotations

import logging

import uvicorn

from . import log_masking
from .app import create_app
from .settings import Settings


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log_masking.install()
    settings = Settings.from_env()
    logging.getLogger("whatsapp_emulator").info(
        "WhatsApp emulator: chat page http://%s:%d/ ; webhooks to %s", settings.host, settings.port,
        settings.rasa_webhook_url)
    # Long-polls of the chat page would otherwise hold a shutdown for up to their wait.
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info",
                timeout_graceful_shutdown=2)


if __name__ == "__main__":
    main()
