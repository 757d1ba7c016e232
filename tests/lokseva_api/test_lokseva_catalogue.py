"""The service catalogue is data: 12 contract services, and any number more."""
from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient
from lokseva_helpers import assert_error, make_settings

from lokseva_api.app import create_app
from lokseva_api.datafiles import ReferenceDataError
from lokseva_api.reference import load_reference_data

CONTRACT_SERVICES = {
    "income_certificate", "domicile_certificate", "caste_certificate", "birth_certificate", "death_certificate",
    "marriage_registration", "land_record_copy", "mutation", "demarcation", "old_age_pension",
    "disability_certificate", "ration_card",
}


def test_the_jhabua_catalogue_has_every_contract_service_in_both_languages(reference):
    codes = {service.code for service in reference.catalogue.page(1, 100)}
    assert codes == CONTRACT_SERVICES
    for service in reference.catalogue.page(1, 100):
        assert service.name.hi != service.name.en
        assert 1 <= service.time_limit_days <= 90
        assert service.required_documents and service.fields and service.certificate
        for field in service.fields:
            assert field.question.hi.strip() and field.question.en.strip()


def test_service_detail_has_form_fields_documents_and_officers(sqlite_client):
    detail = sqlite_client.get("/api/v1/services/caste_certificate").json()
    assert detail["name"] == {"hi": "जाति प्रमाण पत्र", "en": "Caste Certificate"}
    assert detail["time_limit_days"] == 30
    assert detail["designated_officer"]["designation"]["en"] == "Sub-Divisional Officer (Revenue)"
    assert detail["first_appellate_officer"]["designation"]["hi"] == "अपर कलेक्टर"
    category = next(field for field in detail["fields"] if field["name"] == "category")
    assert category["type"] == "choice"
    assert {"value": "st", "hi": "अनुसूचित जनजाति", "en": "Scheduled Tribe"} in category["choices"]
    assert [field["name"] for field in detail["applicant_fields"]] == ["name", "mobile", "aadhaar", "address", "pincode"]
    assert detail["required_documents"][0]["name"]["hi"] == "आधार कार्ड"


def test_unknown_service_code(sqlite_client):
    error = assert_error(sqlite_client.get("/api/v1/services/passport"), 404, "service_not_found")
    assert "passport" in error["message_en"]


def _generated_catalogue(count: int) -> dict:
    return {
        "services": [
            {
                "code": f"service_{number:03d}",
                "name": {"hi": f"सेवा {number}", "en": f"Service {number}"},
                "fields": [
                    {
                        "name": "detail",
                        "type": "text",
                        "label": {"hi": "विवरण", "en": "Detail"},
                        "question": {"hi": "विवरण लिखिए", "en": "Write the detail"},
                    }
                ],
                "fee_inr": number,
                "time_limit_days": 1 + number % 30,
                "designated_officer": "tehsildar",
                "first_appellate_officer": "sdm_revenue",
            }
            for number in range(1, count + 1)
        ]
    }


def test_a_new_service_is_only_a_catalogue_entry_100_services_paged(tmp_path, sqlite_url, monkeypatch):
    catalogue = tmp_path / "services.yml"
    catalogue.write_text(yaml.safe_dump(_generated_catalogue(100), allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("LOKSEVA_CATALOGUE", str(catalogue))
    monkeypatch.setenv("LOKSEVA_DB_URL", sqlite_url)
    monkeypatch.setenv("FILE_STORE_DIR", str(tmp_path / "files"))

    with TestClient(create_app()) as client:
        seen, page = [], 1
        while True:
            body = client.get("/api/v1/services", params={"page": page, "page_size": 7}).json()
            assert body["total"] == 100 and body["pages"] == 15
            if not body["items"]:
                break
            seen += [item["code"] for item in body["items"]]
            page += 1
        assert seen == [f"service_{n:03d}" for n in range(1, 101)]
        assert page == 16

        # The new services are usable end to end.
        detail = client.get("/api/v1/services/service_042").json()
        assert detail["fee_inr"] == 42 and detail["fields"][0]["name"] == "detail"


def test_page_size_is_bounded(sqlite_client):
    error = assert_error(sqlite_client.get("/api/v1/services", params={"page_size": 500}), 422, "validation_failed")
    assert error["fields"][0]["field"] == "page_size"


def test_a_catalogue_naming_an_unknown_officer_fails_at_start_up(tmp_path):
    data = _generated_catalogue(2)
    data["services"][1]["designated_officer"] = "maharaja"
    data["services"].append(dict(data["services"][0]))
    catalogue = tmp_path / "broken.yml"
    catalogue.write_text(yaml.safe_dump(data), encoding="utf-8")
    settings = make_settings(tmp_path, "sqlite://", LOKSEVA_CATALOGUE=str(catalogue))
    with pytest.raises(ReferenceDataError) as failure:
        load_reference_data(settings)
    assert "broken.yml" in str(failure.value)
    assert "maharaja" in str(failure.value)
    assert "service_001' appears twice" in str(failure.value)


def test_a_malformed_field_is_reported_with_the_file(tmp_path):
    data = _generated_catalogue(1)
    data["services"][0]["fields"][0]["type"] = "choice"  # a choice without choices
    catalogue = tmp_path / "services.yml"
    catalogue.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="choices"):
        load_reference_data(make_settings(tmp_path, "sqlite://", LOKSEVA_CATALOGUE=str(catalogue)))


def test_district_profile_endpoint(sqlite_client):
    district = sqlite_client.get("/api/v1/district").json()
    assert district["name"] == {"hi": "झाबुआ", "en": "Jhabua"}
    assert district["id_prefix"] == "LS"
    assert {"name": {"hi": "सीएम हेल्पलाइन", "en": "CM Helpline"}, "number": "181"} in district["helplines"]
