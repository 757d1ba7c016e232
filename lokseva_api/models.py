"""Database tables. Every name starts with `lokseva_`: the 311 API may share
the PostgreSQL database. Times are naive UTC (clock.to_db)."""
from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class IdSequence(Base):
    """Last number handed out per scope ('LS', 'CC') and year."""

    __tablename__ = "lokseva_id_sequences"
    scope = Column(String(16), primary_key=True)
    year = Column(Integer, primary_key=True)
    last_value = Column(Integer, nullable=False)


class Application(Base):
    __tablename__ = "lokseva_applications"
    id = Column(Integer, primary_key=True)
    application_number = Column(String(24), nullable=False, unique=True)
    service_code = Column(String(64), nullable=False)
    status = Column(String(32), nullable=False)
    applicant_name = Column(String(200), nullable=False)
    mobile = Column(String(10), nullable=False, index=True)
    wa_id = Column(String(32), index=True)
    # Only the last four digits: the full Aadhaar number is never stored.
    aadhaar_last4 = Column(String(4))
    address = Column(String(300), nullable=False)
    pincode = Column(String(6), nullable=False)
    answers = Column(JSON, nullable=False)
    client_key = Column(String(200), unique=True)
    request_fingerprint = Column(String(64))
    submitted_at = Column(DateTime, nullable=False)
    due_date = Column(Date, nullable=False)
    rejection_reason = Column(Text)
    updated_at = Column(DateTime, nullable=False)
    # When the due date had passed undecided and the application went to the first appellate officer.
    escalated_at = Column(DateTime)

    events = relationship("ApplicationEvent", order_by="ApplicationEvent.id", cascade="all, delete-orphan")
    documents = relationship("Document", order_by="Document.uploaded_at", back_populates="application")
    certificate = relationship("Certificate", uselist=False, back_populates="application")
    delivery = relationship("Delivery", uselist=False, back_populates="application")


class ApplicationEvent(Base):
    """One dated step of an application's history."""

    __tablename__ = "lokseva_application_events"
    id = Column(Integer, primary_key=True)
    application_id = Column(Integer, ForeignKey("lokseva_applications.id", ondelete="CASCADE"), nullable=False, index=True)
    action = Column(String(32), nullable=False)
    status = Column(String(32), nullable=False)
    note = Column(Text)
    officer = Column(String(200))
    at = Column(DateTime, nullable=False)


class Document(Base):
    __tablename__ = "lokseva_documents"
    # Random and unguessable: a document id is all a client needs to attach it.
    id = Column(String(40), primary_key=True)
    content_type = Column(String(64), nullable=False)
    size_bytes = Column(Integer, nullable=False)
    sha256 = Column(String(64), nullable=False)
    filename = Column(String(200))
    storage_key = Column(String(300), nullable=False)
    wa_id = Column(String(32))
    application_id = Column(Integer, ForeignKey("lokseva_applications.id"), index=True)
    uploaded_at = Column(DateTime, nullable=False)

    application = relationship("Application", back_populates="documents")


class Certificate(Base):
    __tablename__ = "lokseva_certificates"
    id = Column(Integer, primary_key=True)
    application_id = Column(Integer, ForeignKey("lokseva_applications.id"), nullable=False, unique=True)
    verification_code = Column(String(16), nullable=False, unique=True)
    officer_name = Column(String(200), nullable=False)
    storage_key = Column(String(300), nullable=False)
    issued_at = Column(DateTime, nullable=False)

    application = relationship("Application", back_populates="certificate")


class CertifiedCopy(Base):
    __tablename__ = "lokseva_certified_copies"
    id = Column(Integer, primary_key=True)
    copy_number = Column(String(24), nullable=False, unique=True)
    record_type = Column(String(16), nullable=False)
    village_code = Column(String(64), nullable=False)
    khasra_number = Column(String(20), nullable=False)
    wa_id = Column(String(32))
    storage_key = Column(String(300), nullable=False)
    created_at = Column(DateTime, nullable=False)


class Delivery(Base):
    """Doorstep delivery of an issued certificate: requested → dispatched → delivered."""

    __tablename__ = "lokseva_deliveries"
    id = Column(Integer, primary_key=True)
    application_id = Column(Integer, ForeignKey("lokseva_applications.id"), nullable=False, unique=True)
    status = Column(String(16), nullable=False)
    address = Column(String(300), nullable=False)
    pincode = Column(String(6), nullable=False)
    mobile = Column(String(10), nullable=False)
    note = Column(Text)
    requested_at = Column(DateTime, nullable=False)
    dispatched_at = Column(DateTime)
    delivered_at = Column(DateTime)

    application = relationship("Application", back_populates="delivery")
