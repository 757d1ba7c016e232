"""Certified copies of land records from the sample villages of Jhabua."""
from __future__ import annotations

import pytest
from lokseva_helpers import assert_error
from pdf_text import extract_text


def find_land_record_in(reference, village, khasra):
    found = reference.land_records.village(village)
    return found, found.record(khasra)

URL = "/api/v1/certified-copies"


def request_copy(client, record_type="khasra", village="kalidevi", khasra_number="45/2", **extra):
    return client.post(URL, json={"record_type": record_type, "village": village, "khasra_number": khasra_number,
                                  "wa_id": "919876543210", **extra})


def test_copies_get_sequential_numbers_per_year(client, clock):
    numbers = []
    for record_type in ("khasra", "naksha"):
        response = request_copy(client, record_type)
        assert response.status_code == 201, response.text
        numbers.append(response.json()["copy_number"])
    clock.advance(days=365)
    numbers.append(request_copy(client).json()["copy_number"])
    assert numbers == ["CC-2026-000001", "CC-2026-000002", "CC-2027-000001"]


def test_a_khasra_copy_names_owners_and_area_in_both_languages(sqlite_client):
    copy = request_copy(sqlite_client).json()
    assert copy["record_type"] == {"code": "khasra", "name": {"hi": "खसरा", "en": "Khasra"}}
    assert copy["village"] == {"code": "kalidevi", "name": {"hi": "कालीदेवी", "en": "Kalidevi"}}
    assert [owner["name"]["en"] for owner in copy["owners"]] == ["Ramesh Bhuria", "Sunita Bhuria"]

    pdf = sqlite_client.get(copy["pdf_url"].split("8001", 1)[1])
    assert pdf.headers["content-type"] == "application/pdf"
    text = extract_text(pdf.content)
    for expected in ("प्रमाणित प्रतिलिपि: खसरा", "Certified copy: Khasra", copy["copy_number"], "कालीदेवी / Kalidevi",
                     "45/2", "0.810", "रमेश भूरिया", "Ramesh Bhuria", "Tehsildar"):
        assert expected in text, expected


def test_khatauni_and_b1_list_the_whole_account(sqlite_client):
    for record_type in ("khatauni", "b1"):
        copy = request_copy(sqlite_client, record_type).json()
        text = extract_text(sqlite_client.get(f"{URL}/{copy['copy_number']}/pdf").content)
        # Khata 112 holds khasra 45/2 (0.81 ha) and 52 (0.40 ha).
        assert "52" in text and "1.210" in text


def test_naksha_shows_the_neighbours(sqlite_client):
    copy = request_copy(sqlite_client, "naksha", village="Pitol", khasra_number="128").json()
    text = extract_text(sqlite_client.get(f"{URL}/{copy['copy_number']}/pdf").content)
    assert "Naksha" in text
    for neighbour in ("127", "131", "132", "126"):
        assert neighbour in text


@pytest.mark.parametrize("village, khasra", [("कालीदेवी", "४५/२"), ("KALIDEVI", "45 / 2"), ("kalidevi", "45/2")])
def test_village_and_khasra_as_citizens_type_them(reference, village, khasra):
    found_village, record = find_land_record_in(reference, village, khasra)
    assert (found_village.code, record.khasra_number) == ("kalidevi", "45/2")


def test_missing_record_is_a_clear_404_in_both_languages(sqlite_client):
    error = assert_error(request_copy(sqlite_client, khasra_number="999"), 404, "land_record_not_found")
    assert error["message_en"] == "No land record with khasra number 999 was found in village Kalidevi."
    assert error["message_hi"] == "ग्राम कालीदेवी में खसरा नंबर 999 का कोई भू-अभिलेख नहीं मिला।"
    error = assert_error(request_copy(sqlite_client, village="Atlantis"), 404, "village_not_found")
    assert "Atlantis" in error["message_hi"]


def test_unknown_record_type_and_copy_number(sqlite_client):
    error = assert_error(request_copy(sqlite_client, record_type="passport"), 422, "validation_failed")
    assert error["fields"][0]["field"] == "record_type"
    assert_error(sqlite_client.get(f"{URL}/CC-2026-999999/pdf"), 404, "certified_copy_not_found")


def test_villages_list_for_the_bot(sqlite_client):
    villages = sqlite_client.get("/api/v1/villages").json()
    kalidevi = next(village for village in villages if village["code"] == "kalidevi")
    assert kalidevi["name"]["hi"] == "कालीदेवी"
    assert kalidevi["khasra_numbers"] == ["45/2", "52", "61"]
