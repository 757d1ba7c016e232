"""The internals only our own processes may call: the action server behind its token, no trusted-sender channel
when exposed."""
from __future__ import annotations

import requests
import yaml

from jan_seva.serve import channels_file
from tests.servers import ROOT, free_port, running

TOKEN = "action-server-test-token"


def test_the_action_server_answers_only_calls_with_its_token(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"ACTION_SERVER_PORT": str(port), "ACTION_SERVER_TOKEN": TOKEN}
    with running(["jan_seva.action_server"], env, f"{url}/health", tmp_path / "actions.log"):
        assert requests.get(f"{url}/actions", timeout=30).status_code == 401
        assert requests.post(f"{url}/webhook", json={"next_action": "action_task", "sender_id": "919876543210"},
                             timeout=30).status_code == 401
        wrong = requests.get(f"{url}/actions", headers={"Authorization": "Bearer guessed"}, timeout=30)
        assert wrong.status_code == 401
        names = requests.get(f"{url}/actions", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30).json()
        assert "action_task" in {action["name"] for action in names}


def test_an_exposed_rasa_server_has_no_channel_that_trusts_the_sender_id():
    credentials = str(ROOT / "credentials.yml")
    assert channels_file(credentials, "127.0.0.1") == credentials  # local: the rest channel for tools and tests
    exposed = yaml.safe_load(open(channels_file(credentials, "0.0.0.0"), encoding="utf-8"))
    assert "rest" not in exposed
    assert "jan_seva.whatsapp.connector.WhatsAppInput" in exposed
