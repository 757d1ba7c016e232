"""The complaint texts: both languages everywhere, WhatsApp-sized buttons,
date-times said the way people say them."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from actions import texts
from actions.complaints.content import NAME
from actions.complaints.when import spoken_datetime

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)  # 15:30 in Indore


def bilingual_entries():
    content = texts.content(NAME)
    yield from content["texts"].items()
    yield from content["statuses"].items()
    for key, rows in content["buttons"].items():
        yield from ((f"{key}[{n}]", row) for n, row in enumerate(rows))


@pytest.mark.parametrize("key,entry", list(bilingual_entries()))
def test_every_text_has_hindi_and_english(key, entry):
    assert DEVANAGARI.search(entry["hi"]) or "payload" in entry
    assert not DEVANAGARI.search(entry["en"])


def test_button_titles_fit_whatsapp():
    content = texts.content(NAME)
    titles = [row[language] for rows in content["buttons"].values() for row in rows for language in ("hi", "en")]
    titles += [entry[language] for entry in content["titles"].values() for language in ("hi", "en")]
    assert all(len(title) <= 20 for title in titles)


@pytest.mark.parametrize("value,hindi,english", [
    ("2026-11-24T14:05:00+05:30", "कल, दोपहर 2:05 बजे", "tomorrow, 2:05 pm"),
    ("2026-11-23T21:30:00+05:30", "आज, रात 9:30 बजे", "today, 9:30 pm"),
    ("2026-11-27T09:00:00+05:30", "शुक्रवार, 27 नवंबर, सुबह 9:00 बजे", "Fri 27 Nov, 9:00 am"),
    ("2027-01-02T00:10:00+05:30", "शनिवार, 2 जनवरी 2027, रात 12:10 बजे", "Sat 2 Jan 2027, 12:10 am"),
])
def test_expected_times_are_said_kindly_in_city_time(value, hindi, english):
    assert spoken_datetime(value, "hi", NOW) == hindi
    assert spoken_datetime(value, "en", NOW) == english


@pytest.mark.parametrize("value", [None, "", "soon", "2026-11-24T14:05:00"])
def test_missing_or_unclear_times_are_left_out(value):
    assert spoken_datetime(value, "en", NOW) is None
