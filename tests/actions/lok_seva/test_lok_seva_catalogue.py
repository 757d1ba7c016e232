"""The catalogue drives the bot: a new field is asked without a code change,
a long catalogue is shown page by page, a service's details come from it."""
from __future__ import annotations

import copy
from typing import Any, Dict, Iterator

import pytest

from actions.fallback import ActionOfferLikelyOptions
from actions.information import ActionShowInformation
from actions.lok_seva.catalogue import SERVICES_PER_PAGE
from actions.lok_seva.services import ActionListServices, ActionServiceInfo
from tests.actions.citizen_chat import asked, message, payloads, texts
from tests.actions.lok_seva.lokseva_server import lokseva_api, write_catalogue

SERVICES = 100
NEW_FIELD = {
    "name": "ward_number",
    "type": "number",
    "min": 1,
    "max": 60,
    "label": {"hi": "वार्ड क्रमांक", "en": "Ward number"},
    "question": {"hi": "आपका वार्ड क्रमांक क्या है?", "en": "What is your ward number?"},
}


def hundred_services(catalogue: Dict[str, Any]) -> None:
    """The income certificate asks one more question; 99 more services follow it."""
    income = catalogue["services"][0]
    income["fields"].insert(0, NEW_FIELD)
    extra = []
    for number in range(len(catalogue["services"]) + 1, SERVICES + 1):
        service = copy.deepcopy(income)
        service.update(code=f"service_{number:03d}", name={"hi": f"सेवा {number:03d}", "en": f"Service {number:03d}"})
        extra.append(service)
    catalogue["services"] += extra


@pytest.fixture(scope="module")
def long_catalogue_api(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("long_catalogue")
    with lokseva_api(folder, write_catalogue(folder / "services.yml", hundred_services)) as base:
        yield base


@pytest.fixture
def long_catalogue(monkeypatch, actions_env, long_catalogue_api) -> None:
    monkeypatch.setenv("LOKSEVA_API_URL", long_catalogue_api)


def test_a_field_added_to_the_catalogue_is_asked(chat, long_catalogue):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    for typed in ("Sunita Bhuria", citizen.mobile, "skip", "Kalidevi village", "457661"):
        replies = citizen.says(typed)
    assert asked(replies) == "ward_number"
    assert asked(citizen.says("75")) == "ward_number"  # out of its range: asked again
    assert asked(citizen.says("12")) == "father_or_husband_name"
    assert citizen.task["values"]["answers.ward_number"] == 12


def test_services_are_listed_page_by_page(chat, long_catalogue):
    citizen = chat(language="en")
    first = citizen.run(ActionListServices(), message("which services are there", "list_services"))
    assert len(payloads(first)) == SERVICES_PER_PAGE + 1  # a WhatsApp list holds ten rows
    assert payloads(first)[0] == '/service_info{"service": "income_certificate"}'
    assert payloads(first)[-1] == '/list_services{"page": 2}' and "(page 1 of 12)" in texts(first)

    last = citizen.run(ActionListServices(), message('/list_services{"page": 12}', "list_services", page=12))
    assert payloads(last) == ['/service_info{"service": "service_100"}'] and "(page 12 of 12)" in texts(last)

    in_form = chat(language="en")
    in_form.says("apply", "apply_service")
    second = in_form.taps("inform", do="more", field="service")
    assert '/inform{"field": "service", "value": "service_018"}' in payloads(second)
    assert asked(in_form.taps("inform", field="service", value="service_013")) == "name"
    assert in_form.task["context"]["service"]["code"] == "service_013"


def test_service_details_come_from_the_catalogue(chat):
    english = chat(language="en").run(ActionServiceInfo(), message("documents for income certificate",
                                                                   "service_info", service="income_certificate"))
    shown = texts(english)
    for detail in ("Income Certificate", "Samagra ID", "Salary slip", "(if any)", "Fee: ₹30", "15 days",
                   "Tehsildar", "Sub-Divisional Officer (Revenue)"):
        assert detail in shown
    assert payloads(english) == ['/apply_service{"service": "income_certificate"}', "/list_services"]

    hindi = chat().run(ActionServiceInfo(), message("जाति प्रमाण पत्र के लिए क्या लगेगा", "service_info"))
    assert "जाति प्रमाण पत्र" in texts(hindi) and "शुल्क: ₹30" in texts(hindi)  # found by its typed name
    unknown = chat().run(ActionServiceInfo(), message("", "service_info", service="passport"))
    assert "सूची में नहीं मिली" in texts(unknown) and payloads(unknown)


@pytest.mark.parametrize("asked", ["kaunse documents lgte h iske liye?", "paisa lgta h kya bnwane me"])
def test_a_service_question_naming_none_right_after_a_scheme_is_about_that_scheme(chat, asked):
    citizen = chat()
    citizen.run(ActionShowInformation(), message("ayushman card kaise bnega", "info_ayushman_bharat"))
    replies = citizen.run(ActionServiceInfo(), message(asked, "service_info"))
    assert [reply["key"] for reply in replies] == ["information.ayushman_bharat.card"]


@pytest.mark.parametrize("picked", ["the income one", "income wala"])
def test_a_service_picked_in_words_under_the_list_shows_its_details(chat, picked):
    citizen = chat(language="en")
    citizen.run(ActionListServices(), message("which services are there", "list_services"))
    [details] = citizen.run(ActionOfferLikelyOptions(), message(picked, "nlu_fallback"))
    assert details["key"] == "lok_seva.services.details"
    assert "/apply_service" in details["buttons"][0]["payload"] and "income_certificate" in details["buttons"][0]["payload"]


def test_words_naming_no_service_under_the_list_are_not_understood(chat):
    citizen = chat(language="en")
    citizen.run(ActionListServices(), message("which services are there", "list_services"))
    [reply] = citizen.run(ActionOfferLikelyOptions(), message("the blue one", "nlu_fallback"))
    assert reply["response"] == "utter_not_understood"


def test_a_service_picked_under_the_list_and_read_as_applying_is_applied_for(chat):
    citizen = chat(language="en")
    citizen.run(ActionListServices(), message("which services are there", "list_services"))
    citizen.says("the income one", "apply_service")
    assert citizen.task["values"].get("service") == "income_certificate"
