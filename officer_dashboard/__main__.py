"""`python -m officer_dashboard`: the officers' dashboard on DASHBOARD_HOST:DASHBOARD_PORT (127.0.0.1:8005)."""
import logging
import os

import uvicorn

from common.exposure import refuse_unsafe_start
from common.masking import install_log_masking

from .app import create_app
from .inbox import DEV_API_KEY as DEV_HANDOFF_KEY
from .settings import DEV_LOKSEVA_KEY, DEV_OPEN311_KEY, DEV_SECRET_KEY, Settings
from .users import password_secrets


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    install_log_masking()
    settings = Settings.from_env()
    refuse_unsafe_start("officer_dashboard", [settings.host], [
        ("DASHBOARD_SECRET_KEY", settings.secret_key, {DEV_SECRET_KEY}),
        ("LOKSEVA_OFFICER_API_KEY", settings.lokseva_key, {DEV_LOKSEVA_KEY}),
        ("OPEN311_OPERATOR_API_KEY", settings.open311_key, {DEV_OPEN311_KEY}),
        ("HANDOFF_API_KEY", os.environ.get("HANDOFF_API_KEY"), {DEV_HANDOFF_KEY}),
        ("RASA_API_TOKEN", settings.rasa_token, ()),
        *password_secrets(settings.users_file, os.environ),
    ])
    if settings.secret_key == DEV_SECRET_KEY:
        logging.getLogger(__name__).warning("DASHBOARD_SECRET_KEY is not set: using the development secret")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


if __name__ == "__main__":
    main()
