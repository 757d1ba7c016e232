"""`python -m lokseva_api`: the Lok Seva API on LOKSEVA_HOST:LOKSEVA_PORT (127.0.0.1:8001)."""
import logging.config

import uvicorn

from common.exposure import refuse_unsafe_start
from common.log_config import uvicorn_log_config

from .app import create_app
from .settings import Settings


def main() -> None:
    settings = Settings.from_env()
    refuse_unsafe_start("lokseva_api", [settings.host], settings.secrets())
    config = uvicorn_log_config(["lokseva_api"])
    # Configured before the app is built: start-up warnings go through it too.
    logging.config.dictConfig(config)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=config)


if __name__ == "__main__":
    main()
