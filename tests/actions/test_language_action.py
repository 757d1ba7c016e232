import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.language import ActionDetectLanguage


def run(tracker):
    return asyncio.run(ActionDetectLanguage().run(CollectingDispatcher(), tracker, {}))


def slots(events):
    return {e["name"]: e["value"] for e in events}


def test_detected_language_replaces_the_old_one(tracker_for):
    assert slots(run(tracker_for("What is my application status", "check_application_status", detected="en"))) == {"language": "en"}


def test_same_language_sets_nothing(tracker_for):
    assert run(tracker_for("namaste", detected="hi")) == []


@pytest.mark.parametrize("detected", [None, "xx"])
def test_messages_without_words_keep_the_language(tracker_for, detected):
    assert run(tracker_for("👍", "affirm", detected=detected)) == []


def test_choosing_a_language_locks_it(tracker_for):
    entities = [{"entity": "language", "value": "en"}]
    events = run(tracker_for("Hindi nahi, English me batao", "set_language", entities, detected="hi"))
    assert slots(events) == {"language": "en", "language_locked": True}


def test_locked_language_ignores_detection(tracker_for):
    tracker = tracker_for("mera certificate kab milega", "check_application_status",
                          slots={"language": "en", "language_locked": True}, detected="hi")
    assert run(tracker) == []


def test_set_language_without_a_language_switches_to_the_other(tracker_for):
    assert slots(run(tracker_for("/set_language", "set_language", slots={"language": "hi"}))) == {
        "language": "en", "language_locked": True}
    assert slots(run(tracker_for("/set_language", "set_language", slots={"language": "en"})))["language"] == "hi"
