"""Rasa's SQL tracker store, configured by one URL.

`TRACKER_DB_URL` (any SQLAlchemy URL, e.g.
`postgresql://user:pass@host:5432/rasa`) selects the database; without it
conversations go to a SQLite file in the project folder. Referenced from
endpoints.yml, so every Rasa command (run, shell, interactive) uses it.
"""
from __future__ import annotations

import os
from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
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
