import asyncio
from datetime import datetime

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import IST, ActionRequestHuman, within_office_hours


def request(tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRequestHuman().run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def test_request_is_recorded_in_the_conversation(tracker_for):
    messages, events = request(tracker_for("adhikari se baat karao", "human_handoff"))
    assert messages[0]["response"] in {"utter_handoff_recorded", "utter_handoff_recorded_after_hours"}
    [event] = events
    assert event["name"] == "handoff_requested_at"
    assert datetime.fromisoformat(event["value"]).utcoffset() == IST.utcoffset(None)


def test_a_second_request_is_not_recorded_twice(tracker_for):
    tracker = tracker_for("officer please", "human_handoff", slots={"handoff_requested_at": "2026-11-20T11:00:00+05:30"})
    messages, events = request(tracker)
    assert messages[0]["response"] == "utter_handoff_already_requested"
    assert events == []


@pytest.mark.parametrize("moment,open_", [
    (datetime(2026, 11, 23, 10, 0, tzinfo=IST), True),   # Monday morning
    (datetime(2026, 11, 28, 17, 59, tzinfo=IST), True),  # Saturday evening
    (datetime(2026, 11, 22, 12, 0, tzinfo=IST), False),  # Sunday
    (datetime(2026, 11, 23, 21, 0, tzinfo=IST), False),  # Monday night
])
def test_office_hours(moment, open_):
    assert within_office_hours(moment) is open_
