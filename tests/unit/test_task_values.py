"""Values as citizens type them (actions/tasks/values.py): amounts in words,
dates in any usual form, mobile numbers, the last four digits of Aadhaar, names."""
from __future__ import annotations

from datetime import date

import pytest

from actions.tasks import values

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize("typed, value", [
    ("80 हजार", 80000), ("80 हज़ार", 80000), ("1.5 lakh", 150000), ("1 लाख 20 हजार", 120000),
    ("₹ 1,20,000 रुपये", 120000), ("salana 90 hazar rupaye", 90000), ("१ लाख", 100000), ("2 crore", 20000000),
])
def test_amounts_as_citizens_write_them(typed, value):
    assert values.amount(typed) == value


def test_an_amount_inside_a_sentence_and_no_amount_where_there_is_none():
    assert values.amount_inside("saal ki 60 hazar kamai hai") == 60000
    assert values.amount("12 34") is None and values.amount("1.2345 hazar") is None


@pytest.mark.parametrize("typed", ["15-08-1990", "15/08/1990", "1990-08-15", "१५-०८-१९९०", "15 अगस्त 1990",
                                   "१५ अगस्त १९९०", "15th Aug 1990", "August 15, 1990", "janam 15 august 1990"])
def test_dates_in_indian_and_iso_forms(typed):
    assert values.a_date(typed, TODAY) == date(1990, 8, 15)


@pytest.mark.parametrize("typed", ["31-02-1990", "अगस्त 1990", "kal"])
def test_no_date_is_guessed(typed):
    assert values.a_date(typed, TODAY) is None


@pytest.mark.parametrize("typed, day_month", [
    ("12 march ko hua", (12, 3)), ("12/3", (12, 3)), ("१२ मार्च", (12, 3)), ("29 feb", (29, 2)),
    ("12-03-2025", None), ("12 march 2025", None), ("31/2", None), ("khasra 45/2", None), ("kal", None),
])
def test_a_day_and_month_told_without_the_year(typed, day_month):
    found = values.day_and_month(typed)
    assert ((found.day, found.month) if found else None) == day_month


@pytest.mark.parametrize("typed, year", [("2025", 2025), ("सन २०२५ में", 2025), ("2031", None), ("12 2025", None)])
def test_a_year_told_alone(typed, year):
    assert values.a_year(typed, TODAY) == year


@pytest.mark.parametrize("typed", ["98765 43210", "+91 98765-43210", "098765 43210", "मोबाइल ९८७६५४३२१०"])
def test_mobile_numbers_written_any_usual_way(typed):
    assert values.mobile(typed) == "9876543210"


def test_only_the_last_four_digits_of_aadhaar_are_kept():
    assert values.aadhaar_last4("XXXX XXXX 4321") == "4321" and values.aadhaar_last4("4321") == "4321"
    assert values.aadhaar_last4("98765 43210") is None


@pytest.mark.parametrize("name,ok", [("Sunita Bhuria", True), ("सुनीता भूरिया", True), ("se mere naam", False),
                                      ("for bank loan", False), ("9876543210", False), ("He", False)])
def test_names(name, ok):
    assert values.is_name(name) is ok


def test_words_beside_other_answers_are_a_name_only_when_written_as_one():
    assert values.written_as_name("Ankit Bhabhor") and values.written_as_name("अंकित भाभोर")
    assert not values.written_as_name("I can't hear properly")


def test_a_place_is_shown_by_its_name_never_as_its_record():
    from actions.tasks.fields import LOCATION, Field
    from actions.tasks.kinds.base import shown_value
    place = Field("location", LOCATION, {"hi": "जगह", "en": "Place"}, {"hi": "", "en": ""})
    assert shown_value(place, {"address": "Rajwada", "lat": None, "long": None}, "en") == "Rajwada"
    assert "{" not in shown_value(place, {"lat": 22.71, "long": 75.85}, "hi")


@pytest.mark.parametrize("text, number", [("three", 3), ("teen", 3), ("do hazar", 2000), ("kar do", None)])
def test_small_numbers_written_as_words(text, number):
    from actions.tasks.values import amount
    assert amount(text) == number


@pytest.mark.parametrize("written, old, new, changed", [
    ("Scheme 54, Vijay Nagar, C block", "scheme 54", "Scheme 78", "Scheme 78, Vijay Nagar, C block"),
    ("रेखा बाई भूरिया", "रेखा", "रेशमा", "रेशमा बाई भूरिया"),
    ("ग्राम कालीदेवी, तहसील झाबुआ", "sorry गाँव कालीदेवी", "रामा", "ग्राम रामा, तहसील झाबुआ"),
    ("Rameshwar Damor", "Ramesh", "Rajesh", "Rajesh"),  # a part of a word is not the part named
    ("", "Ranapur", "Rajpur", "Rajpur"),
    ("Roopsingh Kushwaha", "Roopsingh", "Rooplal Kushwaha", "Rooplal Kushwaha"),  # the new part says the rest
    ("Geeta Bhawan, Palasia side", "Palasia", "Manoramaganj side", "Geeta Bhawan, Manoramaganj side"),
    ("ग्राम रामा तहसील झाबुआ", "रामा", "ग्राम पिटोल", "ग्राम पिटोल तहसील झाबुआ"),  # "ग्राम" not said twice
    ("Ward 9, Bajrang Colony", "Ward 11", "Ward 9", "Ward 9, Bajrang Colony"),  # it says so already
])
def test_a_correction_changes_only_the_part_it_names(written, old, new, changed):
    assert values.PartChanged(old, new).applied_to(written) == changed
