"""Database tables. Names start with open311_ so the tables can share a
database (and a schema) with other services."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import JSON, Column, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, declared_attr, relationship
from sqlalchemy.types import TypeDecorator

Base = declarative_base()


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out, stored as naive UTC on
    every database (SQLite has no time zone type)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime; use an aware one")
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class ServiceRequest(Base):
    __tablename__ = "open311_requests"

    id = Column(Integer, primary_key=True)
    service_request_id = Column(String(32), nullable=False, unique=True)  # CMP-2026-000045
    token = Column(String(32), nullable=False, unique=True)
    jurisdiction_id = Column(String(100), nullable=False)
    service_code = Column(String(64), nullable=False)
    status = Column(String(20), nullable=False)  # internal status, see statuses.py
    description = Column(Text)
    attributes = Column(JSON, nullable=False)  # {code: value or [values]}
    lat = Column(Float)
    long = Column(Float)
    address = Column(String(500))
    address_id = Column(String(100))
    ward_code = Column(String(64))
    zone_code = Column(String(64))
    department_code = Column(String(64), nullable=False)
    officer_code = Column(String(64), nullable=False)
    first_name = Column(String(100))
    last_name = Column(String(100))
    phone = Column(String(20))
    email = Column(String(254))
    device_id = Column(String(200))
    account_id = Column(String(200))
    requested_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)
    expected_at = Column(UTCDateTime, nullable=False)
    likely_duplicate_of = Column(String(32))
    rating = Column(Integer)
    rating_comment = Column(Text)
    rated_at = Column(UTCDateTime)

    photos = relationship("Photo", order_by="Photo.id", cascade="all, delete-orphan")
    history = relationship("StatusChange", order_by="StatusChange.id", cascade="all, delete-orphan")
    supporters = relationship("Supporter", order_by="Supporter.id", cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_open311_requests_code_status", "service_code", "status"),
        Index("ix_open311_requests_requested_at", "requested_at"),
        Index("ix_open311_requests_phone", "phone"),
    )


class _PartOfRequest:
    """Rows that belong to one complaint and go with it."""

    id = Column(Integer, primary_key=True)

    @declared_attr
    def request_id(cls):
        return Column(Integer, ForeignKey("open311_requests.id", ondelete="CASCADE"), nullable=False, index=True)


class Photo(_PartOfRequest, Base):
    __tablename__ = "open311_photos"

    media_url = Column(String(2000), nullable=False)
    kind = Column(String(20), nullable=False)  # report (citizen) | after (officer, on resolving)
    added_at = Column(UTCDateTime, nullable=False)


class StatusChange(_PartOfRequest, Base):
    """One dated line of a complaint's history."""

    __tablename__ = "open311_status_history"

    event = Column(String(20), nullable=False)  # a status, or "escalated"
    status = Column(String(20), nullable=False)  # status after the event
    note = Column(Text)  # the actor's own words; else the profile's text for the event
    officer_code = Column(String(64))  # the officer acting, or assigned by the event
    actor = Column(String(20), nullable=False)  # citizen | operator | system
    created_at = Column(UTCDateTime, nullable=False)


class Supporter(_PartOfRequest, Base):
    """A citizen who joined an existing complaint instead of filing a duplicate."""

    __tablename__ = "open311_supporters"

    phone = Column(String(20), nullable=False, index=True)
    name = Column(String(200))
    created_at = Column(UTCDateTime, nullable=False)

    __table_args__ = (UniqueConstraint("request_id", "phone", name="uq_open311_supporters_request_phone"),)


class Counter(Base):
    """Last number given out per sequence (e.g. CMP-2026)."""

    __tablename__ = "open311_counters"

    name = Column(String(32), primary_key=True)
    value = Column(Integer, nullable=False)
