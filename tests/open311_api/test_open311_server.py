"""The real server process (`python -m open311_api`) driven by the PyPI
GeoReport v2 client `georeport` and by plain `requests`, as a city app would."""
from __future__ import annotations

import time

import pytest
import requests
from georeport import GeoReport

from tests.servers import free_port, running

API_KEY = "server-test-key"
JURISDICTION = "indore.mp.gov.in"
PHONE = "919827012345"


@pytest.fixture
def server(tmp_path):
    """Base URL of a fresh server on an empty SQLite file; yields (url, log file)."""
    port = free_port()
    log = tmp_path / "server.log"
    env = {
        "OPEN311_PORT": str(port),
        "OPEN311_DB_URL": f"sqlite:///{tmp_path / 'var' / 'open311.db'}",
        "OPEN311_API_KEYS": API_KEY,
        "OPEN311_BOT_API_KEYS": API_KEY,  # this client also lists a citizen's complaints, as the bot does
    }
    url = f"http://127.0.0.1:{port}"
    with running(["open311_api"], env, f"{url}/health", log):
        yield url, log


def _post(url: str, **fields) -> str:
    response = requests.post(
        f"{url}/open311/v2/requests.json",
        data={"api_key": API_KEY, "jurisdiction_id": JURISDICTION, "phone": PHONE, **fields},
        timeout=5,
    )
    assert response.status_code == 200, response.text
    return response.json()[0]["service_request_id"]


def test_a_georeport_client_works_against_the_server(server):
    url, log = server
    root = f"{url}/open311/v2"
    as_json = GeoReport(root, jurisdiction=JURISDICTION, api_key=API_KEY)
    as_xml = GeoReport(root, jurisdiction=JURISDICTION, api_key=API_KEY, output_format="xml")

    assert len(as_json.get_service_list()) == 10
    assert {s["service_code"] for s in as_xml.get_service_list()} >= {"garbage", "streetlight"}
    assert as_json.get_service_definition("garbage")["attributes"][0]["code"] == "garbage_type"
    assert as_xml.get_service_definition("streetlight")["attributes"]["attribute"][1]["code"] == "pole_number"

    first = _post(url, service_code="garbage", lat="22.7533", long="75.8937", description="गली में कचरा पड़ा है")
    second = _post(url, service_code="streetlight", address_string="Rajwada, Indore", email="ramesh@example.org")

    shown = as_json.get_service_request(first)
    assert shown["description"] == "गली में कचरा पड़ा है"
    assert shown["agency_responsible"] == "Solid Waste Management Department"
    assert shown["requested_datetime"].endswith("+05:30")
    assert as_xml.get_service_request(second)["service_code"] == "streetlight"
    assert [r["service_request_id"] for r in as_xml.get_service_requests(status="open")] == [second, first]
    assert [r["service_request_id"] for r in as_json.get_service_requests(service_request_id=first)] == [first]

    mine = requests.get(f"{url}/api/v1/requests", params={"phone": f"+{PHONE}"}, headers={"X-API-Key": API_KEY}, timeout=5)
    assert [r["service_request_id"] for r in mine.json()] == [second, first]

    time.sleep(0.2)  # let the access log reach the file
    logged = log.read_text(encoding="utf-8")
    assert "Running upgrade" in logged  # migrations ran at start-up
    assert f"complaint {first} (garbage)" in logged and "/api/v1/requests?phone=" in logged
    assert PHONE not in logged and "ramesh@" not in logged
    assert "********2345" in logged
