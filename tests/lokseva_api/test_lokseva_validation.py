"""Server-side validation of answers by field type, errors in both languages."""
from __future__ import annotations

from datetime import date

import pytest
from lokseva_helpers import VALID_AADHAAR, assert_error, income_application

from common import verhoeff
from lokseva_api.fields import FieldInvalid, FieldSpec, validate_value

TODAY = date(2026, 1, 5)


def spec(type_: str, **extra) -> FieldSpec:
    label = {"hi": "क्षेत्र", "en": "Field"}
    return FieldSpec(name="f", type=type_, label=label, question=label, **extra)


def invalid_code(field: FieldSpec, raw) -> str:
    with pytest.raises(FieldInvalid) as failure:
        validate_value(field, raw, TODAY)
    return failure.value.code


def test_verhoeff_known_values():
    # Wikipedia's worked example: the check digit of 236 is 3.
    assert verhoeff.check_digit("236") == "3"
    assert verhoeff.is_valid("2363")
    assert not verhoeff.is_valid("2364")
    assert verhoeff.is_valid(VALID_AADHAAR)


@pytest.mark.parametrize("typed", ["9876543210", "+91 98765 43210", "098765-43210", "919876543210", "९८७६५४३२१०"])
def test_mobile_numbers_as_citizens_type_them(typed):
    assert validate_value(spec("mobile"), typed, TODAY) == "9876543210"


@pytest.mark.parametrize("typed", ["5876543210", "98765", "98765432101", "phone"])
def test_bad_mobile_numbers(typed):
    assert invalid_code(spec("mobile"), typed) == "invalid_mobile"


def test_pincode():
    assert validate_value(spec("pincode"), "457 661", TODAY) == "457661"
    assert validate_value(spec("pincode"), 457661, TODAY) == "457661"
    for bad in ("057661", "45766", "4576611"):
        assert invalid_code(spec("pincode"), bad) == "invalid_pincode"


def test_aadhaar_length_and_checksum():
    grouped = f"{VALID_AADHAAR[:4]} {VALID_AADHAAR[4:8]} {VALID_AADHAAR[8:]}"
    assert validate_value(spec("aadhaar"), grouped, TODAY) == VALID_AADHAAR
    wrong_check = VALID_AADHAAR[:-1] + str((int(VALID_AADHAAR[-1]) + 1) % 10)
    assert invalid_code(spec("aadhaar"), wrong_check) == "aadhaar_checksum"
    assert invalid_code(spec("aadhaar"), "12345") == "invalid_aadhaar"
    # Valid checksum, but UIDAI numbers never start with 0 or 1.
    starts_with_one = "12345678901" + verhoeff.check_digit("12345678901")
    assert invalid_code(spec("aadhaar"), starts_with_one) == "aadhaar_checksum"


def test_dates_in_indian_and_iso_forms():
    field = spec("date", not_in_future=True)
    for typed in ("15-08-1990", "15/08/1990", "1990-08-15", "१५-०८-१९९०", "15.08.1990"):
        assert validate_value(field, typed, TODAY) == "1990-08-15"
    assert invalid_code(field, "31-02-1990") == "invalid_date"
    assert invalid_code(field, "15 अगस्त 1990") == "invalid_date"  # words are the client's to read
    assert invalid_code(field, "06-01-2026") == "date_in_future"


def test_numbers_with_indian_grouping_and_bounds():
    field = spec("number", min=1, max=30)
    assert validate_value(spec("number"), "1,20,000", TODAY) == 120000
    assert validate_value(field, 4, TODAY) == 4
    assert invalid_code(field, "0") == "number_out_of_range"
    assert invalid_code(field, "four") == "invalid_number"
    assert invalid_code(field, "20 kg") == "invalid_number"
    assert invalid_code(field, True) == "invalid_text"


@pytest.mark.parametrize("typed", ["80 हजार", "1.5 lakh", "Rs. 45000/-"])
def test_amounts_in_words_are_the_clients_to_read(typed):
    assert invalid_code(spec("number"), typed) == "invalid_number"


def test_choice_by_value_or_either_label():
    field = spec("choice", choices=[{"value": "agriculture", "hi": "खेती", "en": "Agriculture"}])
    assert {validate_value(field, typed, TODAY) for typed in ("agriculture", "खेती", "AGRICULTURE")} == {"agriculture"}
    assert invalid_code(field, "mining") == "invalid_choice"


def test_names_letters_of_either_script():
    assert validate_value(spec("name"), "  श्रीमती   सुनीता  ", TODAY) == "श्रीमती सुनीता"
    assert validate_value(spec("name"), "D'Souza-Patel Jr.", TODAY) == "D'Souza-Patel Jr."
    assert invalid_code(spec("name"), "R2D2") == "invalid_name"
    assert invalid_code(spec("text", max_length=5), "too long text") == "too_long"


def test_application_with_bad_details_lists_every_field_in_both_languages(sqlite_client):
    body = income_application()
    body["applicant"].update(mobile="12345", pincode="4576", aadhaar=VALID_AADHAAR[:-1] + "0")
    body["answers"].update(income_source="mining", annual_income="lots", shoe_size="9")
    del body["answers"]["father_or_husband_name"]

    error = assert_error(sqlite_client.post("/api/v1/applications", json=body), 422, "validation_failed")
    fields = {item["field"]: item for item in error["fields"]}
    assert {name: item["code"] for name, item in fields.items()} == {
        "applicant.mobile": "invalid_mobile",
        "applicant.pincode": "invalid_pincode",
        "applicant.aadhaar": "aadhaar_checksum",
        "answers.father_or_husband_name": "required",
        "answers.annual_income": "invalid_number",
        "answers.income_source": "invalid_choice",
        "answers.shoe_size": "unknown_field",
    }
    mobile = fields["applicant.mobile"]
    assert mobile["message_en"] == "Mobile number: enter a 10-digit mobile number starting with 6, 7, 8 or 9."
    assert mobile["message_hi"] == "मोबाइल नंबर: 6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का मोबाइल नंबर लिखें।"
    assert "खेती" in fields["answers.income_source"]["message_hi"]
    assert "Agriculture" in fields["answers.income_source"]["message_en"]
    # Nothing was stored.
    assert sqlite_client.get("/api/v1/applications", params={"mobile": "9876543210"}).json()["total"] == 0


def test_aadhaar_may_be_left_out(sqlite_client):
    body = income_application()
    del body["applicant"]["aadhaar"]
    created = sqlite_client.post("/api/v1/applications", json=body)
    assert created.status_code == 201
    assert created.json()["applicant"]["aadhaar_masked"] is None


def test_one_answer_checked_while_the_form_is_filled(sqlite_client):
    url = "/api/v1/services/income_certificate/validate"
    ok = sqlite_client.post(url, json={"field": "applicant.mobile", "value": "+91 98765 43210"}).json()
    assert ok == {"field": "applicant.mobile", "valid": True, "value": "9876543210"}
    choice = sqlite_client.post(url, json={"field": "income_source", "value": "Salary"}).json()
    assert choice["value"] == "salary"

    error = assert_error(sqlite_client.post(url, json={"field": "applicant.pincode", "value": "12"}), 422,
                         "validation_failed")
    assert error["fields"][0]["message_hi"] == "पिन कोड: 6 अंकों का पिन कोड लिखें।"
    unknown = assert_error(sqlite_client.post(url, json={"field": "colour", "value": "red"}), 422, "validation_failed")
    assert unknown["fields"][0]["code"] == "unknown_field"


def test_malformed_bodies_get_the_same_error_shape(sqlite_client):
    error = assert_error(sqlite_client.post("/api/v1/applications", json={"applicant": "me"}), 422,
                         "validation_failed")
    assert {item["field"] for item in error["fields"]} == {"service", "applicant"}
    broken_json = sqlite_client.post("/api/v1/applications", content=b"{not json",
                                     headers={"Content-Type": "application/json"})
    assert_error(broken_json, 422, "validation_failed")


def test_unknown_routes_and_methods(sqlite_client):
    assert_error(sqlite_client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(sqlite_client.delete("/api/v1/services"), 405, "method_not_allowed")
