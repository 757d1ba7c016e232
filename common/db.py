"""Database engines, one way for every process: SQLite by default (a file
under var/), PostgreSQL in production."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, future=True, pool_pre_ping=True)
    in_memory = not parsed.database or parsed.database == ":memory:"
    if in_memory:
        return create_engine(url, future=True)
    Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # Several threads and processes (API workers, the action server and the
    # submission worker) write one file: they wait for each other instead of
    # failing with "database is locked". Pooled connections: a fresh one per
    # request (SQLAlchemy 1.4's default for files) costs a WAL checkpoint on
    # every close.
    engine = create_engine(url, future=True, poolclass=QueuePool,
                           connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe after a crash, fewer fsyncs
    cursor.close()
