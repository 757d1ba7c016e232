"""Who may read what: personal data needs the action server's (or an officer's)
key; certificates and certified copies also open with the signed link WhatsApp
fetches; the catalogue, villages and verification are public."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from lokseva_helpers import CLIENT, OFFICER, advance, assert_error, submit

NO_KEY = {"X-API-Key": ""}
WRONG_KEY = {"X-API-Key": "guessed"}


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize("headers", [NO_KEY, WRONG_KEY])
def test_personal_data_needs_a_key(sqlite_client, headers):
    number = submit(sqlite_client)["application_id"]
    for method, url in [("GET", f"/api/v1/applications/{number}"), ("GET", "/api/v1/applications?mobile=9876543210"),
                        ("POST", "/api/v1/applications"), ("POST", f"/api/v1/applications/{number}/documents"),
                        ("GET", f"/api/v1/applications/{number}/delivery"), ("POST", "/api/v1/certified-copies"),
                        ("GET", "/api/v1/documents/any"), ("GET", f"/api/v1/applications/{number}/certificate")]:
        response = sqlite_client.request(method, url, json={}, headers=headers)
        assert response.status_code == 401, (method, url)


def test_the_officer_key_opens_what_the_client_key_opens(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    assert sqlite_client.get(f"/api/v1/applications/{number}", headers=OFFICER).status_code == 200
    assert sqlite_client.get(f"/api/v1/applications/{number}", headers=CLIENT).status_code == 200


def test_the_catalogue_villages_district_and_verification_are_public(sqlite_client):
    for url in ("/api/v1/services", "/api/v1/services/income_certificate", "/api/v1/villages", "/api/v1/district"):
        assert sqlite_client.get(url, headers=NO_KEY).status_code == 200, url


def test_the_signed_certificate_link_opens_for_a_week_only_its_own_file(sqlite_client, clock):
    first = submit(sqlite_client)["application_id"]
    second = submit(sqlite_client)["application_id"]
    issued = advance(sqlite_client, first, "start_review", "approve", "issue")
    advance(sqlite_client, second, "start_review", "approve", "issue")
    link = path_of(issued["certificate"]["download_url"])

    opened = sqlite_client.get(link, headers=NO_KEY)
    assert opened.status_code == 200 and opened.content.startswith(b"%PDF-")
    assert_error(sqlite_client.get(link.replace(first, second), headers=NO_KEY), 401, "link_unauthorized")
    assert_error(sqlite_client.get(link[:-4] + "0000", headers=NO_KEY), 401, "link_unauthorized")
    assert_error(sqlite_client.get(link[:-4] + "%C3%A4", headers=NO_KEY), 401, "link_unauthorized")  # not a 500
    clock.advance(days=8)
    expired = assert_error(sqlite_client.get(link, headers=NO_KEY), 401, "link_unauthorized")
    assert "WhatsApp" in expired["message_en"]
    assert sqlite_client.get(link.split("?")[0], headers=CLIENT).status_code == 200  # the key needs no link


def test_a_certified_copy_opens_by_its_signed_link(sqlite_client):
    copy = sqlite_client.post("/api/v1/certified-copies", json={
        "record_type": "khasra", "village": "kalidevi", "khasra_number": "45/2", "wa_id": "919876543210"}).json()
    assert sqlite_client.get(path_of(copy["pdf_url"]), headers=NO_KEY).content.startswith(b"%PDF-")
    assert sqlite_client.get(path_of(copy["pdf_url"]).split("?")[0], headers=NO_KEY).status_code == 401
