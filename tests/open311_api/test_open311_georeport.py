"""GeoReport v2 endpoints in JSON and XML, as the spec words them."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from common.db import make_engine
from open311_api.models import ServiceRequest
from tests.open311_api.open311_test_data import (
    CLIENT_KEY,
    IST_OFFSET,
    OPERATOR,
    RAJWADA,
    VIJAY_NAGAR,
    children,
    xml_root,
)

CONTRACT_CATEGORIES = {
    "garbage", "streetlight", "water_supply", "drainage", "road_damage",
    "stray_animals", "dead_animal", "public_toilet", "encroachment", "mosquito_fogging",
}
SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
REQUEST_FIELDS = [
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
]
ATTRIBUTE_FIELDS = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"]


def _age(db_url: str, service_request_id: str, days: int) -> None:
    """Move a complaint's submission `days` into the past."""
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            update(ServiceRequest)
            .where(ServiceRequest.service_request_id == service_request_id)
            .values(requested_at=datetime.now(timezone.utc) - timedelta(days=days))
        )
    engine.dispose()


def test_discovery_names_the_georeport_v2_endpoint_in_json_and_xml(client):
    body = client.get("/open311/v2/discovery.json").json()
    endpoint = body["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    assert {"changeset", "contact", "key_service"} <= set(body)

    root = xml_root(client.get("/open311/v2/discovery.xml"))
    assert root.tag == "discovery"
    assert children(root) == ["changeset", "contact", "key_service", "endpoints"]
    endpoint = root.find("endpoints/endpoint")
    assert [f.text for f in endpoint.findall("formats/format")] == ["text/xml", "application/json"]


def test_service_list_has_the_contract_categories_with_spec_fields(client):
    response = client.get("/open311/v2/services.json")
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    services = response.json()
    assert {s["service_code"] for s in services} == CONTRACT_CATEGORIES
    garbage = next(s for s in services if s["service_code"] == "garbage")
    assert list(garbage) == SERVICE_FIELDS
    assert garbage["metadata"] is True and garbage["type"] == "realtime" and garbage["group"] == "sanitation"
    assert "kachra" in garbage["keywords"] and "कचरा" in garbage["keywords"]


def test_service_list_xml_has_service_elements(client):
    root = xml_root(client.get("/open311/v2/services.xml?jurisdiction_id=indore.mp.gov.in"))
    assert root.tag == "services"
    assert set(children(root)) == {"service"} and len(root) == len(CONTRACT_CATEGORIES)
    assert children(root[0]) == SERVICE_FIELDS
    assert root[0].find("metadata").text == "true"


def test_names_come_in_hindi_on_request(client):
    services = client.get("/open311/v2/services.json", params={"locale": "hi"}).json()
    assert next(s for s in services if s["service_code"] == "garbage")["service_name"] == "कचरा नहीं उठा"
    assert client.get("/open311/v2/services.json", params={"locale": "fr"}).status_code == 400


def test_service_definition_in_json(client):
    definition = client.get("/open311/v2/services/stray_animals.json").json()
    assert definition["service_code"] == "stray_animals"
    attribute = definition["attributes"][0]
    assert list(attribute) == ATTRIBUTE_FIELDS
    assert attribute["code"] == "animal_type" and attribute["datatype"] == "multivaluelist"
    assert attribute["order"] == 1 and attribute["required"] is False and attribute["variable"] is True
    assert {"key": "dogs", "name": "Dogs"} in attribute["values"]


def test_service_definition_in_xml(client):
    root = xml_root(client.get("/open311/v2/services/streetlight.xml", params={"locale": "hi"}))
    assert root.tag == "service_definition"
    assert children(root) == ["service_code", "attributes"]
    attributes = root.findall("attributes/attribute")
    assert [a.find("order").text for a in attributes] == ["1", "2"]
    assert children(attributes[0]) == ATTRIBUTE_FIELDS
    value = attributes[0].find("values/value")
    assert children(value) == ["key", "name"]
    assert value.find("name").text == "रात में बंद"
    assert attributes[1].find("datatype").text == "string"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_definition_is_404_in_the_error_format(client, fmt):
    response = client.get(f"/open311/v2/services/potholes_on_mars.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.json() == [{"code": 404, "description": "service_code potholes_on_mars not found"}]
    else:
        root = xml_root(response)
        assert root.tag == "errors" and children(root) == ["error"]
        assert children(root[0]) == ["code", "description"]
        assert root[0].find("code").text == "404"


def test_post_with_lat_long_returns_a_tracking_number(client):
    response = client.post(
        "/open311/v2/requests.json",
        data={"api_key": CLIENT_KEY, "service_code": "garbage", "lat": VIJAY_NAGAR[0], "long": VIJAY_NAGAR[1],
              "account_id": "wa-919827012345", "jurisdiction_id": "indore.mp.gov.in"},
    )
    assert response.status_code == 200
    [created] = response.json()
    assert list(created) == ["service_request_id", "service_notice", "account_id"]
    year = datetime.now(timezone.utc).astimezone(timezone(timedelta(hours=5, minutes=30))).year
    assert created["service_request_id"] == f"CMP-{year}-000001"
    assert created["account_id"] == "wa-919827012345"
    assert "Solid Waste Management Department" in created["service_notice"]


def test_post_answers_in_xml(client):
    response = client.post("/open311/v2/requests.xml", data={"api_key": CLIENT_KEY, "service_code": "drainage", "address_string": "12 MG Road, Indore"})
    root = xml_root(response)
    assert root.tag == "service_requests"
    assert children(root) == ["request"]
    assert children(root[0]) == ["service_request_id", "service_notice", "account_id"]
    assert root[0].find("service_request_id").text.startswith("CMP-")


def test_post_with_address_string_or_address_id_only(client, file_complaint):
    by_address = file_complaint("water_supply", at=None, address_string="Near Khajrana Ganesh Mandir")
    by_id = file_complaint("water_supply", at=None, address_id="IMC-ADDR-4411")
    shown = client.get(f"/open311/v2/requests/{by_address['service_request_id']}.json").json()[0]
    assert shown["address"] == "Near Khajrana Ganesh Mandir" and shown["lat"] is None
    assert client.get(f"/open311/v2/requests/{by_id['service_request_id']}.json").json()[0]["address_id"] == "IMC-ADDR-4411"


@pytest.mark.parametrize(
    "location",
    [{}, {"lat": "22.75"}, {"long": "75.89"}, {"address_string": "   "}],
    ids=["none", "lat-only", "long-only", "blank-address"],
)
def test_post_without_a_full_location_is_400(client, location):
    response = client.post("/open311/v2/requests.json", data={"api_key": CLIENT_KEY, "service_code": "garbage", **location})
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


@pytest.mark.parametrize("key", [None, "", "wrong-key"])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_without_a_valid_api_key_is_403(client, key, fmt):
    data = {"service_code": "garbage", "lat": RAJWADA[0], "long": RAJWADA[1]}
    if key is not None:
        data["api_key"] = key
    response = client.post(f"/open311/v2/requests.{fmt}", data=data)
    assert response.status_code == 403
    description = response.json()[0]["description"] if fmt == "json" else xml_root(response).find("error/description").text
    assert "api_key" in description


def test_post_unknown_service_code_is_404_missing_is_400(client):
    place = {"api_key": CLIENT_KEY, "lat": RAJWADA[0], "long": RAJWADA[1]}
    assert client.post("/open311/v2/requests.json", data={**place, "service_code": "graffiti"}).status_code == 404
    missing = client.post("/open311/v2/requests.json", data=place)
    assert missing.status_code == 400
    assert "service_code" in missing.json()[0]["description"]


def test_other_jurisdiction_is_404(client):
    assert client.get("/open311/v2/services.json", params={"jurisdiction_id": "sfgov.org"}).status_code == 404
    response = client.post("/open311/v2/requests.json", data={"api_key": CLIENT_KEY, "jurisdiction_id": "sfgov.org", "service_code": "garbage", "address_string": "x"})
    assert response.status_code == 404


def test_json_body_with_attributes_and_several_photos(client):
    response = client.post(
        "/open311/v2/requests.json",
        json={
            "api_key": CLIENT_KEY, "service_code": "stray_animals", "lat": RAJWADA[0], "long": RAJWADA[1],
            "attribute": {"animal_type": ["cattle", "dogs"]},
            "media_url": ["https://media.example.org/1.jpg", "https://media.example.org/2.jpg"],
        },
    )
    assert response.status_code == 200, response.text
    number = response.json()[0]["service_request_id"]
    shown = client.get(f"/api/v1/requests/{number}", headers=OPERATOR).json()
    assert shown["media_url"] == "https://media.example.org/1.jpg"
    assert [p["media_url"] for p in shown["extended_attributes"]["photos"]] == [
        "https://media.example.org/1.jpg", "https://media.example.org/2.jpg"]
    assert shown["extended_attributes"]["attributes"] == [
        {"code": "animal_type", "value": "cattle"}, {"code": "animal_type", "value": "dogs"}]


def test_form_attributes_as_the_spec_writes_them(client):
    form = (
        f"api_key={CLIENT_KEY}&service_code=public_toilet&address_string=Rajwada"
        "&attribute[toilet_problem][]=dirty&attribute[toilet_problem][]=no_water"
    )
    response = client.post("/open311/v2/requests.json", content=form,
                           headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    assert response.status_code == 200, response.text
    shown = client.get(f"/api/v1/requests/{response.json()[0]['service_request_id']}", headers=OPERATOR).json()
    assert [a["value"] for a in shown["extended_attributes"]["attributes"]] == ["dirty", "no_water"]


@pytest.mark.parametrize(
    "attributes, problem",
    [
        ({"attribute[garbage_type]": "spaceship"}, "must be one of"),
        ({"attribute[colour]": "red"}, "no such attribute"),
    ],
)
def test_attributes_are_checked_against_the_definition(client, attributes, problem):
    data = {"api_key": CLIENT_KEY, "service_code": "garbage", "address_string": "Palasia", **attributes}
    response = client.post("/open311/v2/requests.json", data=data)
    assert response.status_code == 400
    assert problem in response.json()[0]["description"]


@pytest.mark.parametrize(
    "fields",
    [
        {"lat": "abc", "long": "75.8"},
        {"lat": "nan", "long": "75.8"},
        {"lat": "91", "long": "75.8"},
        {"description": "x" * 4001},
        {"description": "null byte \x00 here"},
        {"email": "not-an-email"},
        {"phone": "12"},
        {"media_url": "javascript:alert(1)"},
        {"first_name": "n" * 101},
    ],
)
def test_bad_fields_are_400_not_500(client, fields):
    data = {"api_key": CLIENT_KEY, "service_code": "garbage", "address_string": "Palasia", **fields}
    response = client.post("/open311/v2/requests.json", data=data)
    assert response.status_code == 400, response.text
    assert response.json()[0]["description"]


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (json.dumps({"api_key": CLIENT_KEY, "service_code": "garbage", "address_string": {"a": 1}}).encode(), "application/json"),
        (b"service_code=garbage", "text/plain"),
    ],
)
def test_bad_bodies_are_400(client, body, content_type):
    response = client.post("/open311/v2/requests.json", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 400, response.text


def test_file_uploads_are_refused_with_a_hint(client):
    response = client.post(
        "/open311/v2/requests.json",
        data={"api_key": CLIENT_KEY, "service_code": "garbage", "address_string": "Palasia"},
        files={"media": ("photo.jpg", b"\xff\xd8", "image/jpeg")},
    )
    assert response.status_code == 400
    assert "media_url" in response.json()[0]["description"]


@pytest.mark.parametrize(
    "path, status",
    [
        ("/open311/v2/requests/%00.json", 404),
        ("/open311/v2/requests/CMP-2026-999999.json", 404),
        ("/open311/v2/tokens/abc.json", 404),
        ("/open311/v2/services.html", 404),
        ("/open311/v2/requests.json?limit=0", 400),
        ("/open311/v2/requests.json?limit=many", 400),
        ("/open311/v2/requests.json?start_date=yesterday", 400),
        ("/open311/v2/requests.json?status=pending", 400),
        ("/open311/v2/requests.json?service_code=graffiti", 400),
        ("/open311/v2/requests.json?service_request_id=%00", 200),
        ("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400),
        ("/open311/v2/requests.json?start_date=2026-06-01&end_date=2026-01-01", 400),
        ("/open311/v2/requests.json?start_date=9999-12-31T00:00:00Z", 400),
        ("/open311/v2/requests.json?end_date=0001-01-02T00:00:00Z", 400),
        ("/open311/v2/requests.json?start_date=0001-01-01T00:00:00%2B05:30", 400),
        ("/open311/v2/requests.json?locale=&limit=&extensions=&jurisdiction_id=", 200),
    ],
)
def test_bad_queries_get_clear_errors(client, path, status):
    response = client.get(path)
    assert response.status_code == status, response.text
    if status != 200:
        assert response.json()[0]["code"] == status


def test_get_request_has_every_spec_field_with_ist_datetimes(client, file_complaint):
    number = file_complaint("garbage", description="Kachra", media_url="https://media.example.org/k.jpg")["service_request_id"]
    [shown] = client.get(f"/open311/v2/requests/{number}.json").json()
    assert list(shown) == REQUEST_FIELDS
    assert shown["status"] == "open"
    assert shown["agency_responsible"] == "Solid Waste Management Department"
    assert shown["media_url"] == "https://media.example.org/k.jpg"
    assert (shown["lat"], shown["long"]) == VIJAY_NAGAR
    for field in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert shown[field].endswith(IST_OFFSET)
        assert datetime.fromisoformat(shown[field]).utcoffset() == timedelta(hours=5, minutes=30)

    root = xml_root(client.get(f"/open311/v2/requests/{number}.xml"))
    assert root.tag == "service_requests" and children(root) == ["request"]
    assert children(root[0]) == REQUEST_FIELDS
    assert root[0].find("requested_datetime").text.endswith(IST_OFFSET)


def test_hindi_round_trips_in_json_and_xml(client):
    text = "गली नंबर 4 में कचरा पड़ा है, बदबू आ रही है"
    response = client.post(
        "/open311/v2/requests.json",
        content=f"api_key={CLIENT_KEY}&service_code=garbage&address_string=विजय नगर&description={text}".encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    number = response.json()[0]["service_request_id"]
    as_json = client.get(f"/open311/v2/requests/{number}.json", params={"locale": "hi"})
    assert text.encode("utf-8") in as_json.content  # raw UTF-8, not \u escapes
    [shown] = as_json.json()
    assert shown["description"] == text and shown["address"] == "विजय नगर"
    assert shown["agency_responsible"] == "ठोस अपशिष्ट प्रबंधन विभाग"
    root = xml_root(client.get(f"/open311/v2/requests/{number}.xml"))
    assert root.find("request/description").text == text


def test_filters_status_service_code_and_ids(client, file_complaint):
    garbage = file_complaint("garbage")["service_request_id"]
    light = file_complaint("streetlight", at=RAJWADA)["service_request_id"]
    client.post(f"/api/v1/requests/{light}/resolve", json={}, headers=OPERATOR)

    def ids(**params):
        return [r["service_request_id"] for r in client.get("/open311/v2/requests.json", params=params).json()]

    assert ids() == [light, garbage]  # newest first
    assert ids(status="open") == [garbage]
    assert ids(status="closed") == [light]
    assert ids(status="open,closed") == [light, garbage]
    assert ids(service_code="streetlight") == [light]
    assert ids(service_code="garbage,streetlight", limit=1) == [light]
    assert ids(status=["open", "closed"]) == [light, garbage]  # repeated instead of comma-separated
    assert ids(service_code=["garbage", "streetlight"]) == [light, garbage]
    assert ids(service_request_id=[garbage, light]) == [light, garbage]
    # service_request_id overrides every other argument
    assert ids(service_request_id=f"{garbage},{light.lower()}", status="closed", service_code="drainage") == [light, garbage]


def test_a_requests_own_datetime_selects_it_as_start_and_end(client, file_complaint):
    shown = file_complaint("garbage")
    [request] = client.get(f"/open311/v2/requests/{shown['service_request_id']}.json").json()
    moment = request["requested_datetime"]
    found = client.get("/open311/v2/requests.json", params={"start_date": moment, "end_date": moment}).json()
    assert [r["service_request_id"] for r in found] == [shown["service_request_id"]]


def test_date_window_defaults_to_90_days(client, file_complaint, db_url):
    old = file_complaint("garbage")["service_request_id"]
    recent = file_complaint("drainage")["service_request_id"]
    _age(db_url, old, days=120)
    _age(db_url, recent, days=10)

    def ids(**params):
        return [r["service_request_id"] for r in client.get("/open311/v2/requests.json", params=params).json()]

    assert ids() == [recent]
    assert ids(start_date=(datetime.now(timezone.utc) - timedelta(days=130)).isoformat()) == [old]
    assert ids(end_date=(datetime.now(timezone.utc) - timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%S+05:30")) == [recent]
    assert ids(service_request_id=old) == [old]


def test_get_requests_xml_lists_request_elements(client, file_complaint):
    file_complaint("garbage")
    file_complaint("dead_animal", at=RAJWADA)
    root = xml_root(client.get("/open311/v2/requests.xml"))
    assert root.tag == "service_requests"
    assert children(root) == ["request", "request"]
    assert children(root[0]) == REQUEST_FIELDS


def test_extensions_add_history_and_routing(client, file_complaint):
    number = file_complaint("garbage")["service_request_id"]
    [shown] = client.get(f"/open311/v2/requests/{number}.json", params={"extensions": "true"}).json()
    assert shown["extended_attributes"]["ward"]["code"] == "vijay_nagar"
    assert [note["type"] for note in shown["notes"]] == ["submitted"]
    assert "contact" not in shown  # citizens' details stay with the operators
    root = xml_root(client.get(f"/open311/v2/requests/{number}.xml", params={"extensions": "true"}))
    assert [n.tag for n in root.find("request/notes")] == ["note"]


def test_token_resolves_to_the_request(client, file_complaint):
    number = file_complaint()["service_request_id"]
    token = client.get(f"/api/v1/requests/{number}", headers=OPERATOR).json()["extended_attributes"]["token"]
    assert client.get(f"/open311/v2/tokens/{token}.json").json() == [{"service_request_id": number, "token": token}]
    root = xml_root(client.get(f"/open311/v2/tokens/{token}.xml"))
    assert root.tag == "service_requests" and children(root[0]) == ["service_request_id", "token"]
    assert client.get(f"/open311/v2/tokens/{'0' * 32}.json").status_code == 404


def test_status_maps_to_open_and_closed(client, file_complaint):
    number = file_complaint()["service_request_id"]

    def status() -> str:
        return client.get(f"/open311/v2/requests/{number}.json").json()[0]["status"]

    for internal, open311 in [("acknowledged", "open"), ("in_progress", "open"), ("resolved", "closed")]:
        client.post(f"/api/v1/requests/{number}/status", json={"status": internal}, headers=OPERATOR)
        assert status() == open311
    client.post(f"/api/v1/requests/{number}/reopen", json={"phone": "9827012345"}, headers=OPERATOR)
    assert status() == "open"
    client.post(f"/api/v1/requests/{number}/status", json={"status": "closed"}, headers=OPERATOR)
    assert status() == "closed"


def test_a_body_past_the_cap_is_413_in_georeport_form(client):
    response = client.post(
        f"/open311/v2/requests.json?api_key={CLIENT_KEY}",
        data={"service_code": "garbage", "address_string": "Palasia", "description": "x" * (300 * 1024)},
    )
    assert response.status_code == 413
    assert response.json()[0]["code"] == 413
