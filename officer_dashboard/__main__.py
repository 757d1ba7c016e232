"""`python -m officer_dashboard`: the officers' dashboard on DASHBOARD_HOST:DASHBOARD_PORT (127.0.0.1:8005)."""
import logging

import uvicorn

from .app import create_app
from .settings import DEV_SECRET_KEY, Settings


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    settings = Settings.from_env()
    if settings.secret_key == DEV_SECRET_KEY:
        logging.getLogger(__name__).warning("DASHBOARD_SECRET_KEY is not set: using the development secret")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


if __name__ == "__main__":
    main()
