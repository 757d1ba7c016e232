"""Following an application, getting its certificate, certified copies of
land records and home delivery, against the real Lok Seva API."""
from __future__ import annotations

import requests

from actions.lok_seva.certificates import ActionDownloadCertificate
from actions.lok_seva.status import ActionCheckApplicationStatus
from tests.actions.lok_seva.chat import documents, message, payloads, texts
from tests.lokseva_api.lokseva_helpers import CLIENT


def is_pdf(url: str) -> bool:
    response = requests.get(url, timeout=30)
    return response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_status_by_number_in_both_languages(chat, application_of):
    citizen = chat(language="en")
    number = application_of(citizen)
    english = citizen.run(ActionCheckApplicationStatus(), message(f"status of {number}", "check_application_status",
                                                                  application_id=number))
    assert number in texts(english) and "Submitted" in texts(english) and "Income Certificate" in texts(english)
    assert "day(s) left" in texts(english) and "Tehsildar" in texts(english)
    typed = chat(language="hi").run(ActionCheckApplicationStatus(), message(
        f"mera aavedan {number.lower().replace('-', ' ')} kahan tak pahucha", "check_application_status"))
    assert "आवेदन प्राप्त" in texts(typed)  # found from the typed number, for anyone who has it
    missing = citizen.run(ActionCheckApplicationStatus(), message("", "inform", application_id="LS-2026-999999"))
    assert "No application LS-2026-999999 was found" in texts(missing)


def test_my_applications_by_whatsapp_number(chat, application_of):
    citizen = chat()
    none = citizen.run(ActionCheckApplicationStatus(), message("मेरे आवेदन", "check_application_status"))
    assert "कोई आवेदन नहीं मिला" in texts(none)
    first = application_of(citizen)
    only = citizen.run(ActionCheckApplicationStatus(), message("मेरे आवेदन", "check_application_status"))
    assert first in texts(only) and "आवेदन प्राप्त" in texts(only)
    second = application_of(citizen, "caste_certificate", father_or_husband_name="रमेश भूरिया", category="st",
                            caste="भील")
    both = citizen.run(ActionCheckApplicationStatus(), message("मेरे आवेदन", "check_application_status"))
    assert "आपके 2 आवेदन" in texts(both) and "जाति प्रमाण पत्र" in texts(both)
    assert {f'/check_application_status{{"application_id": "{n}"}}' for n in (first, second)} <= set(payloads(both))


def test_the_issued_certificate_arrives_as_a_document_only_for_its_applicant(chat, application_of, officer):
    citizen = chat()
    number = application_of(citizen)
    early = citizen.run(ActionDownloadCertificate(), message("", "download_certificate", application_id=number))
    assert "अभी जारी नहीं हुआ" in texts(early) and documents(early) == []

    officer(number, "start_review", "approve", "issue")
    status = citizen.run(ActionCheckApplicationStatus(), message("", "check_application_status", application_id=number))
    assert "प्रमाण पत्र जारी" in texts(status)
    assert f'/download_certificate{{"application_id": "{number}"}}' in payloads(status)
    assert f'/doorstep_delivery{{"application_id": "{number}"}}' in payloads(status)

    sent = citizen.run(ActionDownloadCertificate(), message("मेरा प्रमाण पत्र भेजो", "download_certificate"))
    [document] = documents(sent)
    assert document["type"] == "document" and document["filename"] == f"{number}.pdf"
    assert number in document["caption"] and is_pdf(document["link"])

    stranger = chat()
    refused = stranger.run(ActionDownloadCertificate(), message("", "download_certificate", application_id=number))
    assert documents(refused) == [] and "सुरक्षा के लिए" in texts(refused)


def test_a_certified_copy_of_a_land_record(chat):
    citizen = chat(language="en")
    first = citizen.start("certified_copy", "I need a certified copy", service="land_record_copy")
    assert '/inform{"option": "khatauni"}' in payloads(first)
    assert not citizen.claimed("what is samadhan ek din", "info_samadhan_ek_din")
    village = citizen.says_misread("khasra", "certified_copy", service="land_record_copy")
    assert "In which village" in texts(village) and '/inform{"option": "kalidevi"}' in payloads(village)
    assert "not in our land records" in texts(citizen.says("Indore"))
    assert "khasra number" in texts(citizen.says("Kalidevi"))
    assert "not found in Kalidevi" in texts(citizen.says("99"))
    done = citizen.says("45 / 2")
    [copy] = documents(done)
    assert copy["filename"].startswith("CC-") and "Khasra" in copy["caption"] and "Kalidevi" in copy["caption"]
    assert is_pdf(copy["link"]) and citizen.active_loop is None


def test_the_record_and_the_village_can_come_with_the_request(chat):
    citizen = chat()
    first = citizen.start("certified_copy", "gaon Pitol ki B-1 nakal chahiye", location="Pitol")
    assert "खसरा नंबर लिखें" in texts(first)  # neither the record nor the village is asked
    [copy] = documents(citizen.says("१२८"))
    assert "पिटोल" in copy["caption"] and "बी-1" in copy["caption"]


def test_two_records_named_at_once_are_asked_for_one_by_one(chat):
    citizen = chat()
    first = citizen.start("certified_copy", "kalidevi ke khasra aur khatauni ki nakal")
    assert "किस अभिलेख" in texts(first) and "किस गाँव" not in texts(citizen.says("खतौनी"))


def test_home_delivery_of_an_issued_certificate(chat, application_of, officer, api_url):
    citizen = chat()
    number = application_of(citizen)
    not_yet = citizen.start("doorstep_delivery", "घर पर भेज दो", application_id=number)
    assert "अभी जारी नहीं हुआ" in texts(not_yet)
    citizen.says("रद्द करो")

    officer(number, "start_review", "approve", "issue")
    started = citizen.start("doorstep_delivery", "घर पर भेज दो", application_id=number)
    assert number in texts(started) and "आपका पूरा पता" in texts(started)  # the catalogue's question
    citizen.says("मकान 12, ग्राम कालीदेवी")
    assert "6 अंकों का पिन कोड लिखें" in texts(citizen.says("4576"))
    citizen.says("457661")
    summary = citizen.says(citizen.mobile)
    assert f"XXXXXX{citizen.mobile[-4:]}" in texts(summary) and citizen.mobile not in texts(summary)
    booked = citizen.taps("affirm")
    assert "घर पहुँच सेवा दर्ज हो गई" in texts(booked)
    delivery = requests.get(f"{api_url}/api/v1/applications/{number}/delivery", headers=CLIENT, timeout=10).json()
    assert delivery["status"] == "requested" and delivery["pincode"] == "457661"

    again = citizen.start("doorstep_delivery", "", application_id=number)
    assert "पहले से दर्ज" in texts(again)
