"""Rasa's SQL tracker store, configured by one URL.

`TRACKER_DB_URL` (any SQLAlchemy URL, e.g.
`postgresql://user:pass@host:5432/rasa`) selects the database; without it
conversations go to a SQLite file in the project folder. Referenced from
endpoints.yml, so every Rasa command (run, shell, interactive) uses it.
"""
from __future__ import annotations

import asyncio
import os
from typing import Any, Awaitable, Callable, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from sqlalchemy.engine.url import make_url

DEFAULT_TRACKER_DB_URL = "sqlite:///rasa_tracker.db"


def tracker_db_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_TRACKER_DB_URL


class UrlSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[str] = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("host", None)  # Rasa passes the endpoint's `url` as `host`
        parsed = make_url(url or tracker_db_url())
        super().__init__(
            domain=domain,
            dialect=parsed.drivername,
            host=parsed.host,
            port=parsed.port,
            db=parsed.database,
            username=parsed.username,
            password=parsed.password,
            event_broker=event_broker,
            query=dict(parsed.query) or None,
        )


def _innermost(store: TrackerStore) -> TrackerStore:
    """The store that keeps the events, inside Rasa's fail-safe and awaitable wrappers."""
    while hasattr(store, "_tracker_store"):
        store = store._tracker_store
    return store


def handled_checker(store: TrackerStore) -> Callable[[str, str], Awaitable[bool]]:
    """Whether a conversation already holds a message id: a message taken over from a stopped
    worker is not answered twice when Rasa had finished it."""

    async def handled(sender_id: str, message_id: str) -> bool:
        tracker = await store.retrieve_full_tracker(sender_id)
        return tracker is not None and any(
            isinstance(event, UserUttered) and event.message_id == message_id for event in tracker.events)

    return handled


def conversation_forgetter(store: TrackerStore) -> Callable[[str], Awaitable[None]]:
    """Erases one conversation's events (the citizen's right to erasure; Rasa's stores have no delete)."""
    kept = _innermost(store)

    def delete_events(sender_id: str) -> None:
        if isinstance(kept, SQLTrackerStore):
            with kept.session_scope() as session:
                session.query(kept.SQLEvent).filter(kept.SQLEvent.sender_id == sender_id).delete()
                session.commit()
        elif isinstance(kept, InMemoryTrackerStore):
            kept.store.pop(sender_id, None)

    async def forget(sender_id: str) -> None:
        await asyncio.to_thread(delete_events, sender_id)

    return forget
