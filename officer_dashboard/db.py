"""The dashboard's own tables: the audit log, assignments, citizen notifications still to send, handoffs,
officers' sessions."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import JSON, Column, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, sessionmaker

from common.clock import utc_now_naive
from common.db import make_engine, make_sessionmaker
from common.migrations import Migrations

Base = declarative_base()
# Schema changes are migrations in ./migrations (Alembic), applied when the dashboard opens its database.
MIGRATIONS = Migrations(Path(__file__).with_name("migrations"), "dashboard_alembic_version",
                        adopts="dashboard_audit_log")


class AuditEntry(Base):
    __tablename__ = "dashboard_audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, default=utc_now_naive)
    username = Column(String(64), nullable=False)
    department = Column(String(64), index=True)  # the officer's dashboard department; none for an admin or "sla"
    kind = Column(String(16), nullable=False)  # application | complaint | handoff | session
    item_id = Column(String(64), nullable=False, index=True)  # a session's: the username
    action = Column(String(32), nullable=False)
    note = Column(Text)
    outcome = Column(String(16), nullable=False)  # ok | failed | blocked (a login over the limit)
    new_status = Column(String(32))
    # The backend's department of the item (311 department code, Lok Seva department name), so a
    # department head sees every action on their items, whoever took it.
    item_department = Column(String(128), index=True)


class Assignment(Base):
    """Which officer works on an item; the backends have no such field."""

    __tablename__ = "dashboard_assignments"
    __table_args__ = (UniqueConstraint("kind", "item_id"),)

    id = Column(Integer, primary_key=True)
    kind = Column(String(16), nullable=False)
    item_id = Column(String(64), nullable=False)
    username = Column(String(64), nullable=False)
    assigned_by = Column(String(64), nullable=False)
    at = Column(DateTime, nullable=False, default=utc_now_naive)


class PendingNotification(Base):
    __tablename__ = "dashboard_pending_notifications"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime, nullable=False, default=utc_now_naive)
    wa_id = Column(String(32), nullable=False)
    payload = Column(JSON, nullable=False)
    attempts = Column(Integer, nullable=False, default=1)
    last_error = Column(Text)


class Handoff(Base):
    """A citizen's request to talk to a person, from the bot's request until an officer closes it."""

    __tablename__ = "dashboard_handoffs"

    id = Column(Integer, primary_key=True)
    request_id = Column(String(200), nullable=False, unique=True)  # the bot's key: a retried request is one handoff
    wa_id = Column(String(32), nullable=False, index=True)
    name = Column(String(128))  # WhatsApp profile name, if known
    language = Column(String(8), nullable=False)
    requested_at = Column(DateTime, nullable=False)  # UTC, as every time here
    waiting_since = Column(DateTime)  # the citizen's oldest message not yet answered; none once answered
    officer = Column(String(64))  # who handles it
    closed_at = Column(DateTime, index=True)
    closed_by = Column(String(64))


class OfficerSession(Base):
    """A logged-in officer. The cookie carries only the token; logging out deletes the row, so a
    copied cookie is worthless afterwards."""

    __tablename__ = "dashboard_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)  # SHA-256: a leaked table opens no session
    username = Column(String(64), nullable=False, index=True)
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)


def open_dashboard_db(db_url: str) -> sessionmaker:
    """Sessions on the dashboard's tables, created or brought up to date first."""
    engine = make_engine(db_url)
    MIGRATIONS.upgrade(engine)
    return make_sessionmaker(engine)
