import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.complaints.backend import open311
from actions.status_updates import ActionAnnounceStatusChange
from tests.servers import free_port


def entities(kind, number, status):
    return [{"entity": "record_kind", "value": kind}, {"entity": "record_id", "value": number},
            {"entity": "new_status", "value": status}]


@pytest.fixture
def no_311_system(monkeypatch):
    monkeypatch.setenv("OPEN311_API_URL", f"http://127.0.0.1:{free_port()}/open311/v2")  # nothing listens there
    open311.cache_clear()
    yield
    open311.cache_clear()


@pytest.mark.parametrize("language, expected", [("hi", "हल हो गई"), ("en", "resolved")])
def test_complaint_update_is_told_in_the_citizens_language_even_without_the_311_system(
        tracker_for, no_311_system, language, expected):
    dispatcher = CollectingDispatcher()
    tracker = tracker_for(intent="EXTERNAL_status_changed", entities=entities("complaint", "CMP-2026-000045", "resolved"),
                          slots={"language": language})
    asyncio.run(ActionAnnounceStatusChange().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1
    assert "CMP-2026-000045" in dispatcher.messages[0]["text"] and expected in dispatcher.messages[0]["text"]


def test_a_trigger_without_the_dashboards_entities_says_nothing(tracker_for):
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnnounceStatusChange().run(dispatcher, tracker_for(intent="EXTERNAL_status_changed"), {}))
    assert dispatcher.messages == []
