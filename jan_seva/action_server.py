"""`python -m jan_seva.action_server`: Rasa SDK's action server, closed by default.

It listens on ACTION_SERVER_HOST:ACTION_SERVER_PORT (127.0.0.1:5055); the SDK's
own launcher binds 0.0.0.0 with no authentication, and a tracker posted to it
by anyone would act as any citizen. With ACTION_SERVER_TOKEN set, every call
but the health check must carry `Authorization: Bearer <token>`, which the
Rasa server sends (jan_seva.serve); beyond loopback the token is required.
"""
from __future__ import annotations

import hmac
import logging
import os
from typing import Callable, Optional

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from actions.clients.dashboard import DEFAULT_KEY as DEV_HANDOFF_KEY
from actions.clients.lokseva import DEFAULT_CLIENT_API_KEY as DEV_LOKSEVA_KEY
from actions.clients.open311 import DEV_API_KEY as DEV_OPEN311_KEY
from common.exposure import refuse_unsafe_start
from common.masking import install_log_masking

OPEN_PATHS = frozenset({"/health"})  # for load balancers and start-up checks
# Longer than the Rasa server's aiohttp keep-alive (15 s): with Sanic's 5 s, a connection Rasa was
# about to reuse could be closed under it, and the turn failed with "Cannot write to closing transport".
KEEP_ALIVE_SECONDS = 75


def bearer_guard(token: str) -> Callable[[Request], Optional[HTTPResponse]]:
    """Sanic request middleware: 401 unless the request carries the token."""
    expected = f"Bearer {token}".encode()

    def guard(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        given = (request.headers.get("Authorization") or "").encode("utf-8", "replace")
        if hmac.compare_digest(given, expected):
            return None
        return json({"error": "unauthorized"}, status=401)

    return guard


def build_app(token: Optional[str]) -> Sanic:
    app = create_app("actions", cors_origins=None)  # only the Rasa server calls it, never a browser
    app.config.KEEP_ALIVE_TIMEOUT = KEEP_ALIVE_SECONDS
    if token:
        app.register_middleware(bearer_guard(token), "request")
    return app


def main() -> None:
    host = os.environ.get("ACTION_SERVER_HOST") or "127.0.0.1"
    port = int(os.environ.get("ACTION_SERVER_PORT") or 5055)
    token = os.environ.get("ACTION_SERVER_TOKEN") or None
    refuse_unsafe_start("action server", [host], [
        ("ACTION_SERVER_TOKEN", token, ()),
        ("LOKSEVA_CLIENT_API_KEY", os.environ.get("LOKSEVA_CLIENT_API_KEY"), {DEV_LOKSEVA_KEY}),
        ("OPEN311_API_KEY", os.environ.get("OPEN311_API_KEY"), {DEV_OPEN311_KEY}),
        ("HANDOFF_API_KEY", os.environ.get("HANDOFF_API_KEY"), {DEV_HANDOFF_KEY}),
    ])
    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    install_log_masking(("", "rasa_sdk", "sanic.access"))
    build_app(token).run(host, port, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main()
