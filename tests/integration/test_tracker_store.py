"""Conversations survive in Rasa's SQL tracker store, SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import uuid

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from jan_seva.stores.tracker_store import UrlSQLTrackerStore, conversation_forgetter

DOMAIN = Domain.load("domain.yml")


def _conversation(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in [
        ActionExecuted("action_listen"),
        UserUttered("मेरा आवेदन LS-2026-000123 कहाँ है?", {"name": "check_application_status", "confidence": 0.9}),
        SlotSet("language", "hi"),
        BotUttered("आपका आवेदन जांच में है।"),
    ]:
        tracker.update(event)
    return tracker


def _round_trip(store: UrlSQLTrackerStore) -> None:
    sender = f"test-{uuid.uuid4().hex}"
    asyncio.run(store.save(_conversation(sender)))
    loaded = asyncio.run(store.retrieve(sender))
    assert loaded is not None
    assert loaded.latest_message.text == "मेरा आवेदन LS-2026-000123 कहाँ है?"
    assert loaded.get_slot("language") == "hi"
    assert [e for e in loaded.events if isinstance(e, BotUttered)][0].text == "आपका आवेदन जांच में है।"


def test_sqlite_is_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    store = UrlSQLTrackerStore(DOMAIN)
    assert store.engine.url.drivername == "sqlite"
    _round_trip(store)
    assert (tmp_path / "rasa_tracker.db").exists()


def test_postgresql_from_tracker_db_url(postgres_url, monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", postgres_url)
    store = UrlSQLTrackerStore(DOMAIN)
    assert store.engine.url.drivername.startswith("postgresql")
    _round_trip(store)
    with create_engine(postgres_url).connect() as connection:
        count = connection.execute(text("select count(*) from events where type_name = 'user'")).scalar()
    assert count >= 1


def test_endpoints_file_selects_this_store():
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints

    endpoints = AvailableEndpoints.read_endpoints("endpoints.yml")
    store = TrackerStore.create(endpoints.tracker_store, DOMAIN)
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, UrlSQLTrackerStore)


def test_an_erased_conversation_leaves_no_event_and_spares_others(postgres_url):
    store = UrlSQLTrackerStore(DOMAIN, url=postgres_url)
    erased, kept = f"test-{uuid.uuid4().hex}", f"test-{uuid.uuid4().hex}"
    for sender in (erased, kept):
        asyncio.run(store.save(_conversation(sender)))
    asyncio.run(conversation_forgetter(store)(erased))
    with store.engine.connect() as connection:
        count = text("SELECT count(*) FROM events WHERE sender_id = :sender")
        assert connection.execute(count, {"sender": erased}).scalar() == 0
        assert connection.execute(count, {"sender": kept}).scalar() > 0
