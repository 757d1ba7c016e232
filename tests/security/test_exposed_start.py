"""Nothing starts beyond loopback, or with Meta credentials, while a secret is missing or at its development value.

Each process is started for real, the way the Procfile starts it, bound to
0.0.0.0 with no configuration: it must exit with REFUSED before listening and
name every variable to set. Locally (loopback, no Meta token) the same
processes start with their development values, as the README's run command does.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from common.exposure import REFUSED, is_exposed, refuse_unsafe_start, unsafe_secrets
from tests.servers import ROOT

PROCESSES = {
    "lokseva_api": ({"LOKSEVA_HOST": "0.0.0.0"},
                    ["LOKSEVA_OFFICER_API_KEY", "LOKSEVA_CLIENT_API_KEY", "LOKSEVA_LINK_SECRET"]),
    "open311_api": ({"OPEN311_HOST": "0.0.0.0"},
                    ["OPEN311_API_KEYS", "OPEN311_BOT_API_KEYS", "OPEN311_OPERATOR_API_KEY"]),
    "officer_dashboard": ({"DASHBOARD_HOST": "0.0.0.0"},
                          ["DASHBOARD_SECRET_KEY", "HANDOFF_API_KEY", "RASA_API_TOKEN", "DASHBOARD_PASSWORD_ADMIN"]),
    "jan_seva.action_server": ({"ACTION_SERVER_HOST": "0.0.0.0"}, ["ACTION_SERVER_TOKEN", "OPEN311_API_KEY"]),
    "jan_seva.serve": ({"RASA_INTERFACE": "0.0.0.0"}, ["RASA_API_TOKEN", "WHATSAPP_APP_SECRET"]),
    "jan_seva.whatsapp.ingest": ({"WHATSAPP_INGEST_HOST": "0.0.0.0"}, ["WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"]),
}
SECRET_WORDS = ("TOKEN", "KEY", "SECRET", "PASSWORD")


def started(module: str, env: dict) -> subprocess.CompletedProcess:
    clean = {name: value for name, value in os.environ.items()
             if not any(word in name for word in SECRET_WORDS)}
    return subprocess.run([sys.executable, "-m", module], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**clean, "PYTHONPATH": str(ROOT), **env})


@pytest.mark.parametrize("module", sorted(PROCESSES))
def test_an_exposed_process_with_development_secrets_refuses_to_start(module):
    env, named = PROCESSES[module]
    result = started(module, env)
    assert result.returncode == REFUSED, result.stderr[-2000:]
    for variable in named:
        assert variable in result.stderr


def test_meta_credentials_expose_a_process_bound_to_loopback():
    result = started("lokseva_api", {"LOKSEVA_HOST": "127.0.0.1", "WHATSAPP_ACCESS_TOKEN": "EAAG-real-token"})
    assert result.returncode == REFUSED and "LOKSEVA_LINK_SECRET" in result.stderr


@pytest.mark.parametrize("api_url, exposed", [(None, True), ("https://graph.facebook.com", True),
                                              ("http://127.0.0.1:8003", False)])
def test_a_token_for_the_local_emulator_is_not_meta(api_url, exposed):
    env = {"WHATSAPP_ACCESS_TOKEN": "a-token", **({"WHATSAPP_API_URL": api_url} if api_url else {})}
    assert is_exposed(["127.0.0.1"], env=env) is exposed


@pytest.mark.parametrize("host, exposed", [("127.0.0.1", False), ("::1", False), ("localhost", False),
                                           ("[::1]", False), ("0.0.0.0", True), ("10.0.0.5", True),
                                           ("bot.example.in", True)])
def test_only_loopback_is_unexposed(host, exposed):
    assert is_exposed([host], env={}) is exposed


def test_secrets_set_to_their_own_values_let_an_exposed_process_start():
    secrets = [("A_KEY", "long-random-value", {"dev-key"}), ("B_TOKEN", "another-value", ())]
    assert unsafe_secrets(secrets) == []
    refuse_unsafe_start("test", ["0.0.0.0"], secrets, env={})  # returns: nothing to refuse


def test_a_missing_or_development_secret_is_unsafe():
    secrets = [("A_KEY", "dev-key", {"dev-key"}), ("B_TOKEN", None, ()), ("C_SECRET", "", ()), ("D_OK", "x", ())]
    assert unsafe_secrets(secrets) == ["A_KEY", "B_TOKEN", "C_SECRET"]
    with pytest.raises(SystemExit) as refused:
        refuse_unsafe_start("test", ["0.0.0.0"], secrets, env={})
    assert refused.value.code == REFUSED
