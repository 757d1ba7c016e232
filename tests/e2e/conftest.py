"""Starts the real system once per test run: WhatsApp emulator, action server, Rasa
server (conversations and WhatsApp state in PostgreSQL, its HTTP API behind a token)
and the officers' dashboard (its inbox, for human handoff)."""
from __future__ import annotations

from contextlib import ExitStack

import pytest

from tests.conftest import POSTGRES_URL, require_server
from tests.servers import ROOT, running

RASA_PORT, ACTIONS_PORT, EMULATOR_PORT, DASHBOARD_PORT = 5105, 5155, 8103, 8105
EMULATOR_URL = f"http://127.0.0.1:{EMULATOR_PORT}"
DASHBOARD_URL = f"http://127.0.0.1:{DASHBOARD_PORT}"
RASA_TOKEN = "e2e-rasa-api-token"
# Both sides of the WhatsApp link get the same settings, as Meta and the channel would.
WHATSAPP = {"WHATSAPP_ACCESS_TOKEN": "e2e-access-token", "WHATSAPP_APP_SECRET": "e2e-app-secret",
            "WHATSAPP_VERIFY_TOKEN": "e2e-verify-token", "WHATSAPP_PHONE_NUMBER_ID": "100000000000001",
            "WHATSAPP_API_URL": EMULATOR_URL}


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory):
    postgres = require_server(POSTGRES_URL)
    if not list((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make model` (make test does it)")
    logs = tmp_path_factory.mktemp("logs")
    env = {**WHATSAPP, "TRACKER_DB_URL": postgres, "WHATSAPP_STATE_DB_URL": postgres, "REDIS_URL": "",
           "ACTION_SERVER_URL": f"http://127.0.0.1:{ACTIONS_PORT}/webhook", "FILE_STORE_DIR": str(logs / "files"),
           "EMULATOR_PORT": str(EMULATOR_PORT), "EMULATOR_MEDIA_DIR": str(logs / "emulator_media"),
           "RASA_WEBHOOK_URL": f"http://127.0.0.1:{RASA_PORT}/webhooks/whatsapp/webhook",
           "RASA_API_TOKEN": RASA_TOKEN, "RASA_URL": f"http://127.0.0.1:{RASA_PORT}",
           "DASHBOARD_PORT": str(DASHBOARD_PORT), "DASHBOARD_URL": DASHBOARD_URL,
           "DASHBOARD_DB_URL": f"sqlite:///{logs / 'dashboard.db'}", "ACTIONS_DB_URL": f"sqlite:///{logs / 'actions.db'}"}
    with ExitStack() as system:
        system.enter_context(running(["whatsapp_emulator"], env, f"{EMULATOR_URL}/emulator/config",
                                     logs / "emulator.log"))
        system.enter_context(running(["officer_dashboard"], env, f"{DASHBOARD_URL}/health", logs / "dashboard.log"))
        system.enter_context(running(["jan_seva.action_server"], {**env, "ACTION_SERVER_PORT": str(ACTIONS_PORT)},
                                     f"http://127.0.0.1:{ACTIONS_PORT}/health", logs / "actions.log"))
        system.enter_context(running(["jan_seva.serve", "--model", "models", "--port", str(RASA_PORT)], env,
                                     f"http://127.0.0.1:{RASA_PORT}/", logs / "rasa.log", seconds=300))  # / needs no token
        yield f"http://127.0.0.1:{RASA_PORT}"
