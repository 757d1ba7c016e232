"""Following an application, its certificate, certified copies of land
records and home delivery, against the real Lok Seva API."""
from __future__ import annotations

import pytest
import requests

from actions.follow_up import ActionFollowUp
from actions.lok_seva.certificates import ActionDownloadCertificate
from actions.lok_seva.status import ActionCheckApplicationStatus
from tests.actions.citizen_chat import asked, documents, keys, message, payloads, texts
from tests.lokseva_api.lokseva_helpers import CLIENT


def is_pdf(url: str) -> bool:
    response = requests.get(url, timeout=30)
    return response.status_code == 200 and response.content.startswith(b"%PDF-")


def status(citizen, text, **entities):
    return citizen.run(ActionCheckApplicationStatus(), message(text, "check_application_status", **entities))


def test_status_by_number_typed_any_way_and_limited_for_others(chat, application_of):
    citizen = chat(language="en")
    number = application_of(citizen)
    shown = status(citizen, f"status of {number}", application_id=number)
    assert keys(shown) == ["lok_seva.status.summary"] and number in texts(shown)
    typed = status(citizen, f"mera aavedan {number.lower().replace('-', ' ')} kahan tak pahucha")
    assert keys(typed) == ["lok_seva.status.summary"]
    stranger = chat()
    assert keys(status(stranger, "", application_id=number)) == ["lok_seva.status.limited"]  # its stage only
    when = stranger.run(ActionFollowUp(), message("how long?", "inform"))
    assert keys(when) == ["lok_seva.status.limited"]  # the one just shown, still limited
    missing = status(citizen, "", application_id="LS-2026-999999")
    assert keys(missing) == ["backend.rejected"]
    again = status(citizen, "", application_id="LS-2026-999998")
    assert "/human_handoff" in payloads(again)  # not found twice in a row: an officer is offered


def test_a_new_application_asked_for_beside_a_status_is_started_after_it(chat, application_of):
    citizen = chat()
    number = application_of(citizen)  # an income certificate
    replies = status(citizen, f"mera application {number} ka status batao aur ek naya caste certificate bhi banwana h",
                     application_id=number, service="caste_certificate")
    assert keys(replies)[:2] == ["lok_seva.status.summary", "lok_seva.application.started"]
    assert citizen.task["values"]["service"] == "caste_certificate" and len(citizen.task["values"]) == 1
    news = status(chat(), f"{number} income certificate, kuch naya hua?", application_id=number,
                  service="income_certificate")
    assert "lok_seva.application.started" not in keys(news)  # "anything new?" is no new request


def test_my_applications_by_whatsapp_number(chat, application_of):
    citizen = chat()
    assert keys(status(citizen, "मेरे आवेदन")) == ["lok_seva.status.none_found"]
    first = application_of(citizen)
    assert keys(status(citizen, "मेरे आवेदन")) == ["lok_seva.status.summary"]
    second = application_of(citizen, "caste_certificate", father_or_husband_name="रमेश भूरिया", category="st",
                            caste="भील")
    both = status(citizen, "मेरे आवेदन")
    assert keys(both) == ["lok_seva.status.mine"]
    assert {f'/check_application_status{{"application_id": "{n}"}}' for n in (first, second)} <= set(payloads(both))
    caste = status(citizen, "जाति वाला कब तक बनेगा", service="caste_certificate")
    assert second in texts(caste) and first not in texts(caste)  # the one of the service named
    other = citizen.run(ActionFollowUp(), message("और दूसरी वाली?", "info_covid19"))
    assert first in texts(other) and second not in texts(other)  # the other one than just shown


def test_a_follow_up_acts_on_the_application_just_shown(chat, application_of, officer):
    citizen = chat()
    number = application_of(citizen)
    officer(number, "start_review", "approve", "issue")
    status(citizen, "", application_id=number)
    when = citizen.run(ActionFollowUp(), message("kab tak milega?", "goodbye"))
    assert keys(when) == ["lok_seva.status.summary"] and number in texts(when)
    [certificate] = documents(citizen.run(ActionFollowUp(), message("iska praman patra bhej do", "apply_service")))
    assert certificate["filename"] == f"{number}.pdf"


def test_the_issued_certificate_arrives_as_a_document_only_for_its_applicant(chat, application_of, officer):
    citizen = chat()
    number = application_of(citizen)
    early = citizen.run(ActionDownloadCertificate(), message("", "download_certificate", application_id=number))
    assert keys(early) == ["lok_seva.certificate.not_issued"] and documents(early) == []
    officer(number, "start_review", "approve", "issue")
    shown = status(citizen, "", application_id=number)
    assert f'/download_certificate{{"application_id": "{number}"}}' in payloads(shown)
    assert f'/doorstep_delivery{{"application_id": "{number}"}}' in payloads(shown)
    [document] = documents(citizen.run(ActionDownloadCertificate(), message("मेरा प्रमाण पत्र भेजो", "download_certificate")))
    assert document["filename"] == f"{number}.pdf" and is_pdf(document["link"])
    refused = chat().run(ActionDownloadCertificate(), message("", "download_certificate", application_id=number))
    assert documents(refused) == [] and keys(refused) == ["lok_seva.certificate.not_yours"]


def test_a_certificate_asked_for_with_no_application_for_it_is_applied_for(chat, application_of):
    citizen = chat()
    application_of(citizen)  # an income certificate: no birth certificate applied for
    replies = citizen.run(ActionDownloadCertificate(), message("beti ka janm praman ptr chahiye", "download_certificate",
                                                               service="birth_certificate"))
    assert keys(replies)[:2] == ["lok_seva.certificate.not_applied", "lok_seva.application.started"]
    assert citizen.task["values"]["service"] == "birth_certificate"


def test_a_certified_copy_asked_for_in_one_line(chat):
    citizen = chat(language="en")
    [copy] = documents(citizen.says("I need a certified B-1 copy for Gopalpura village, khasra 17", "certified_copy",
                                    service="land_record_copy", location="Gopalpura"))
    assert copy["filename"].startswith("CC-") and is_pdf(copy["link"]) and citizen.task is None


def test_a_certified_copy_question_by_question(chat):
    citizen = chat()
    first = citizen.says("खसरे की नकल चाहिए", "certified_copy", service="land_record_copy")
    assert asked(first) == "village"  # "खसरे" names the record, no khasra number follows it
    assert asked(citizen.says("Indore")) == "village"
    assert asked(citizen.says("कलिदेवी")) == "khasra_number"  # a typo of Kalidevi
    assert "tasks.invalid.khasra" in keys(citizen.says("99"))
    [copy] = documents(citizen.says("45 / 2"))
    assert "45/2" in copy["caption"]


@pytest.mark.parametrize("village, named", [("गाँव भगोर", "भगोर"), ("Raipuria", "Raipuria")])
def test_a_village_whose_records_are_not_online_is_named_with_where_to_go(chat, village, named):
    citizen = chat()
    citizen.says("खसरे की नकल चाहिए", "certified_copy", service="land_record_copy")
    replies = citizen.says(village)
    assert keys(replies)[0] == "lok_seva.copy.village.unknown" and named in texts(replies)
    assert asked(replies) == "village" and "tasks.invalid.choice" not in keys(replies)


def test_a_village_not_on_the_list_corrected_to_one_that_is(chat):
    citizen = chat()
    citizen.says("khasra ki nakal chahiye", "certified_copy", service="land_record_copy")
    assert asked(citizen.says("gaon Indore, khasra number 45/2")) == "village"  # no land records of Indore here
    assert asked(citizen.says("maine galat bataya, gaon Indore nahi Kalidevi hai")) is None  # the copy is made
    assert citizen.task is None


def test_home_delivery_to_the_applicants_address_with_one_tap(chat, application_of, officer, api_url):
    citizen = chat()
    number = application_of(citizen)
    not_yet = citizen.says("घर पर भेज दो", "doorstep_delivery", application_id=number)
    assert citizen.task is None and keys(not_yet)
    officer(number, "start_review", "approve", "issue")
    offered = citizen.says("घर पर भेज दो", "doorstep_delivery", application_id=number)
    assert asked(offered) == "address"
    summary = citizen.taps("affirm", field="address")
    assert asked(summary) == "confirm" and citizen.mobile not in texts(summary)
    assert "lok_seva.delivery.requested" in keys(citizen.taps("affirm", do="submit"))
    delivery = requests.get(f"{api_url}/api/v1/applications/{number}/delivery", headers=CLIENT, timeout=10).json()
    assert delivery["status"] == "requested" and delivery["pincode"] == "457661"
