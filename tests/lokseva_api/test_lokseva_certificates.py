"""Issued certificates: a bilingual PDF with shaped Devanagari, and a public
verification code."""
from __future__ import annotations

from datetime import date

from lokseva_helpers import advance, assert_error, submit
from pdf_text import extract_text, multi_character_glyphs

from lokseva_api.certificates import certificate_wording
from lokseva_api.models import Application
from lokseva_api.pdf.fonts import find_fonts
from lokseva_api.pdf.layout import BilingualPdf

CONJUNCTS = {"प्र", "त्र", "श्र", "क्ष"}


def issued(client, **overrides):
    number = submit(client, **overrides)["application_id"]
    return advance(client, number, "start_review", "approve", "issue")


def test_the_certificate_pdf_carries_the_applicants_details_in_both_languages(sqlite_client):
    application = issued(sqlite_client)
    response = sqlite_client.get(f"/api/v1/applications/{application['application_id']}/certificate")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="LS-2026-000001.pdf"' in response.headers["content-disposition"]
    text = extract_text(response.content)
    code = application["certificate"]["verification_code"]
    for expected in (
        "आय प्रमाण पत्र", "Income Certificate", "LS-2026-000001", "05-01-2026",
        "सुनीता भूरिया", "रमेश भूरिया", "Agriculture", "(खेती)", "1,20,000", "457661",
        "Tehsildar", "तहसीलदार", "श्री राकेश सोलंकी",
        f"{code[:5]}-{code[5:]}", application["certificate"]["verification_url"],
    ):
        assert expected in text, expected


def test_devanagari_is_shaped_into_conjuncts(sqlite_client):
    application = issued(sqlite_client, applicant={
        "name": "श्रीमती क्षमा प्रजापति", "mobile": "9876543210", "address": "ग्राम पिटोल, क्षेत्र झाबुआ",
        "pincode": "457661",
    })
    pdf = sqlite_client.get(f"/api/v1/applications/{application['application_id']}/certificate").content

    assert CONJUNCTS <= multi_character_glyphs(pdf)
    assert "श्रीमती क्षमा प्रजापति" in extract_text(pdf)


def test_without_shaping_there_would_be_no_conjunct_glyphs():
    """The control for the test above: the same text drawn unshaped has one glyph per character."""
    pdf = BilingualPdf(find_fonts(), title="control")
    pdf.set_text_shaping(False)
    pdf.paragraph("प्रमाण पत्र श्रीमती क्षेत्र")
    assert not CONJUNCTS & multi_character_glyphs(pdf.to_bytes())


def test_verification_of_a_genuine_certificate(sqlite_client):
    application = issued(sqlite_client)
    code = application["certificate"]["verification_code"]
    printed = f"{code[:5]}-{code[5:]}"

    for typed in (printed, code.lower(), f" {code[:5]} {code[5:]}"):
        result = sqlite_client.get(f"/api/v1/certificates/verify/{typed}").json()
        assert result["valid"] is True
    assert result["application_id"] == "LS-2026-000001"
    assert result["holder_name_masked"] == "सु*** भू***"
    assert "सुनीता" not in str(result)
    assert result["service"]["name"]["en"] == "Income Certificate"
    assert result["issued_on"] == "2026-01-05"
    assert result["issuing_officer"] == {"hi": "तहसीलदार", "en": "Tehsildar"}
    assert application["certificate"]["verification_url"].endswith(f"/api/v1/certificates/verify/{printed}")


def test_an_unknown_code_is_reported_invalid(sqlite_client):
    result = sqlite_client.get("/api/v1/certificates/verify/ABCDE-FGHJK").json()
    assert result["valid"] is False
    assert result["message"]["hi"] and result["message"]["en"]
    assert result["holder_name_masked"] is None


def test_no_certificate_before_issue(sqlite_client):
    number = submit(sqlite_client)["application_id"]
    error = assert_error(sqlite_client.get(f"/api/v1/applications/{number}/certificate"), 404,
                         "certificate_not_issued")
    assert number in error["message_hi"]


def test_every_catalogue_service_fills_its_certificate_wording(reference):
    """Each service's placeholders are its own field names: nothing is left unfilled."""
    for service in reference.catalogue.page(1, 100):
        application = Application(
            applicant_name="Kalu Meda", address="Pitol", pincode="457775", application_number="LS-2026-000001",
            answers={field.name: _sample_answer(field) for field in service.fields},
        )
        wording = certificate_wording(reference.district, service, application, date(2026, 1, 5))
        for text in (wording.body.hi, wording.body.en):
            assert "—" not in text and "{" not in text, (service.code, text)
            assert "Kalu Meda" in text or "Pitol" in text, service.code


def _sample_answer(field):
    """A canonical answer of the field's type (as stored after validation)."""
    if field.type == "choice":
        return field.choices[0].value
    if field.type == "number":
        return field.min or 1
    return {"date": "1950-01-01", "name": "Mangu Meda"}.get(field.type, "Pitol")
