"""The whole system on free loopback ports, for whole conversations: the
WhatsApp emulator (standing in for Meta), the Rasa server with the WhatsApp
channel, the action server, the Lok Seva and 311 APIs, each with its own
fresh database in a folder of the run."""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Dict, Iterator, Tuple

from tests.conversations.world import Backends
from tests.servers import ROOT, free_port, running

RASA_TOKEN = "conversation-tests-token"


@contextmanager
def whole_system(folder: Path, tracker_db_url: str = "") -> Iterator[Tuple[Backends, str]]:
    """Yields the backends' addresses and the emulator's URL while everything runs."""
    if not list((ROOT / "models").glob("*.tar.gz")):
        raise RuntimeError("no trained model in models/: run `make model`")
    ports = {name: free_port() for name in ("rasa", "actions", "emulator", "lokseva", "open311")}
    url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    env: Dict[str, str] = {
        # Both sides of the WhatsApp link get the same settings, as Meta and the channel would.
        "WHATSAPP_ACCESS_TOKEN": "conversation-access-token", "WHATSAPP_APP_SECRET": "conversation-app-secret",
        "WHATSAPP_VERIFY_TOKEN": "conversation-verify-token", "WHATSAPP_PHONE_NUMBER_ID": "100000000000001",
        "WHATSAPP_API_URL": url["emulator"], "EMULATOR_PORT": str(ports["emulator"]),
        "EMULATOR_MEDIA_DIR": str(folder / "emulator_media"), "EMULATOR_STATUS_DELAY": "0.05",
        "RASA_WEBHOOK_URL": f"{url['rasa']}/webhooks/whatsapp/webhook", "RASA_API_TOKEN": RASA_TOKEN,
        "RASA_URL": url["rasa"], "TRACKER_DB_URL": tracker_db_url or f"sqlite:///{folder / 'tracker.db'}",
        "WHATSAPP_STATE_DB_URL": f"sqlite:///{folder / 'whatsapp.db'}", "REDIS_URL": "",
        "ACTION_SERVER_URL": f"{url['actions']}/webhook", "FILE_STORE_DIR": str(folder / "files"),
        "ACTIONS_DB_URL": f"sqlite:///{folder / 'actions.db'}", "COMPLAINT_PHOTO_DIR": str(folder / "photos"),
        "LOKSEVA_PORT": str(ports["lokseva"]), "LOKSEVA_DB_URL": f"sqlite:///{folder / 'lokseva.db'}",
        "LOKSEVA_API_URL": url["lokseva"],
        "OPEN311_PORT": str(ports["open311"]), "OPEN311_DB_URL": f"sqlite:///{folder / 'open311.db'}",
        "OPEN311_API_URL": f"{url['open311']}/open311/v2", "DASHBOARD_URL": "http://127.0.0.1:9",
    }
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with ExitStack() as system:
        for module, health in (("lokseva_api", f"{url['lokseva']}/api/v1/health"),
                               ("open311_api", f"{url['open311']}/open311/v2/discovery.json"),
                               ("whatsapp_emulator", f"{url['emulator']}/emulator/config")):
            system.enter_context(running([module], env, health, logs / f"{module}.log"))
        system.enter_context(running(["jan_seva.action_server"], {**env, "ACTION_SERVER_PORT": str(ports["actions"])},
                                     f"{url['actions']}/health", logs / "actions.log"))
        system.enter_context(running(["jan_seva.serve", "--model", "models", "--port", str(ports["rasa"])], env,
                                     f"{url['rasa']}/", logs / "rasa.log", seconds=300))
        backends = Backends(
            lokseva_url=f"{url['lokseva']}/api/v1", lokseva_client_key="local-client-key",
            lokseva_officer_key="local-officer-key", open311_url=f"{url['open311']}/open311/v2",
            open311_extras_url=f"{url['open311']}/api/v1", open311_key="dev-open311-key",
            open311_operator_key="dev-operator-key", jurisdiction="indore.mp.gov.in",
            rasa_url=url["rasa"], rasa_token=RASA_TOKEN)
        yield backends, url["emulator"]
