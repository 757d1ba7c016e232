"""The GeoReport v2 client's failures, against real servers: what is worth a
retry later and what is not."""
from __future__ import annotations

import pytest

from actions.clients.errors import BackendRejected
from actions.clients.open311 import FeatureUnavailable, Open311Client, Open311Settings
from common.backend_call import BackendUnavailable
from tests.servers import free_port

FIELDS = [("service_code", "garbage"), ("address_string", "Rajwada"), ("description", "kachra")]


def client(url: str, key: str = "complaint-test-key", extras: str = None) -> Open311Client:
    env = {"OPEN311_API_URL": f"{url}/open311/v2", "OPEN311_API_KEY": key}
    if extras:
        env["OPEN311_EXTRAS_URL"] = extras
    return Open311Client(Open311Settings.from_env(env))


def test_no_server_is_unavailable():
    with pytest.raises(BackendUnavailable):
        client(f"http://127.0.0.1:{free_port()}").create(FIELDS, "en")


def test_a_wrong_key_is_kept_for_later_not_refused(open311_server):
    with pytest.raises(BackendUnavailable):
        client(open311_server, key="wrong-key").create(FIELDS, "en")


def test_an_unknown_category_is_refused(open311_server):
    with pytest.raises(BackendRejected) as refused:
        client(open311_server).create([("service_code", "unicorns"), ("address_string", "Rajwada")], "en")
    assert refused.value.status == 404


def test_an_unknown_number_is_none_and_extras_can_be_switched_off(open311_server):
    assert client(open311_server).request("CMP-2020-000404", "en") is None
    with pytest.raises(FeatureUnavailable):
        client(open311_server, extras="off").my_requests("919800000051", "en")


def test_the_extras_default_to_the_georeport_host():
    settings = Open311Settings.from_env({"OPEN311_API_URL": "https://311.example.org/open311/v2/"})
    assert settings.api_url == "https://311.example.org/open311/v2"
    assert settings.extras_url == "https://311.example.org/api/v1"
