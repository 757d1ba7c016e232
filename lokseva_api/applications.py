"""Submitting applications, finding them, and moving them through their
lifecycle (officers' actions, documents added later)."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from common.clock import INDIA
from common.ids import find_tracking_numbers
from common.masking import mask_for_log, masked_aadhaar

from . import lifecycle
from .catalogue import Service
from .certificates import issue_certificate
from .clock import to_db
from .context import ApiContext
from .errors import ApiError, validation_failed
from .fields import FieldInvalid, FieldType, field_error, validate_answers, validate_value
from .models import Application, ApplicationEvent, Document
from .numbering import next_number
from .schemas.applications import ActionIn, ApplicationIn
from .texts import messages

log = logging.getLogger(__name__)


def canonical_application_id(raw: str) -> str:
    """'ls 2026 123' -> 'LS-2026-000123' (the same tolerance as the chatbot's NLU)."""
    found = [number.value for number in find_tracking_numbers(raw) if number.entity == "application_id"]
    return found[0] if found else raw.strip().upper()


def find_application(session: Session, raw_id: str) -> Application:
    number = canonical_application_id(raw_id)
    application = session.execute(
        select(Application).where(Application.application_number == number)
    ).scalar_one_or_none()
    if application is None:
        raise ApiError(404, "application_not_found", application_id=number)
    return application


def service_of(ctx: ApiContext, code: str) -> Service:
    service = ctx.ref.catalogue.get(code)
    if service is None:
        raise ApiError(404, "service_not_found", service=code)
    return service


def record(application: Application, action: str, status: str, now: datetime, note: Optional[str] = None,
           officer: Optional[str] = None) -> None:
    """Move to `status` and keep the dated step in the history."""
    application.status = status
    application.updated_at = to_db(now)
    application.events.append(ApplicationEvent(action=action, status=status, note=note, officer=officer, at=to_db(now)))


def documents_to_attach(session: Session, ids: Iterable[str], application: Optional[Application] = None) -> List[Document]:
    documents = []
    for document_id in ids:
        document = session.get(Document, document_id)
        if document is None:
            raise ApiError(422, "document_not_found", document_id=document_id)
        if document.application_id is not None and (application is None or document.application_id != application.id):
            raise ApiError(409, "document_in_use", document_id=document_id)
        documents.append(document)
    return documents


def _fingerprint(payload: ApplicationIn) -> str:
    """Tells a retry from a different application under the same key. Personal numbers are
    masked first: a hash of an Aadhaar number could be reversed by trying them all."""
    canonical = json.dumps(payload.dict(exclude={"client_key"}), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(mask_for_log(canonical).encode()).hexdigest()


def _replay(session: Session, key: str, fingerprint: str) -> Optional[Application]:
    existing = session.execute(select(Application).where(Application.client_key == key)).scalar_one_or_none()
    if existing is not None and existing.request_fingerprint != fingerprint:
        raise ApiError(409, "idempotency_conflict")
    return existing


def _stored_answers(service: Service, answers: dict) -> dict:
    """Answers as kept in the database: Aadhaar-type answers only as their last 4 digits."""
    masked = {spec.name for spec in service.fields if spec.type == FieldType.aadhaar}
    return {name: masked_aadhaar(value) if name in masked else value for name, value in answers.items()}


def submit(session: Session, ctx: ApiContext, payload: ApplicationIn, key: Optional[str]) -> Tuple[Application, bool]:
    """The application and whether it is new; a retried submission (same key) returns the first one."""
    fingerprint = _fingerprint(payload)
    if key:
        existing = _replay(session, key, fingerprint)
        if existing is not None:
            return existing, False

    service = service_of(ctx, payload.service)
    today = ctx.today()
    applicant, errors = validate_answers(
        ctx.ref.applicant_fields, payload.applicant.dict(exclude={"wa_id"}), today, "applicant."
    )
    answers, answer_errors = validate_answers(service.fields, payload.answers, today, "answers.")
    if errors or answer_errors:
        raise validation_failed(errors + answer_errors)
    documents = documents_to_attach(session, payload.document_ids)

    now = ctx.clock()
    application = Application(
        application_number=next_number(session, ctx.ref.district.id_prefix, now.astimezone(INDIA).year),
        service_code=service.code,
        applicant_name=applicant["name"],
        mobile=applicant["mobile"],
        wa_id=payload.applicant.wa_id or None,
        aadhaar_last4=applicant["aadhaar"][-4:] if "aadhaar" in applicant else None,
        address=applicant["address"],
        pincode=applicant["pincode"],
        answers=_stored_answers(service, answers),
        client_key=key,
        request_fingerprint=fingerprint,
        submitted_at=to_db(now),
        due_date=today + timedelta(days=service.time_limit_days),
    )
    record(application, "submit", lifecycle.SUBMITTED, now)
    for document in documents:
        document.application = application
    session.add(application)
    try:
        session.commit()
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its application.
        session.rollback()
        existing = _replay(session, key, fingerprint) if key else None
        if existing is None:
            raise
        return existing, False
    log.info("application %s submitted for %s", application.application_number, service.code)
    return application, True


def is_overdue(application: Application, today: date) -> bool:
    """Past its due date and not settled: the statutory time limit has been missed."""
    return application.status not in lifecycle.SETTLED and today > application.due_date


def overdue_clause(today: date) -> ColumnElement:
    """is_overdue as a query condition."""
    return and_(Application.status.notin_(lifecycle.SETTLED), Application.due_date < today)


def _page(session: Session, query: Select, page: int, page_size: int) -> Tuple[List[Application], int]:
    """One page of `query`, newest first, and how many there are in all."""
    total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = session.execute(
        query.order_by(Application.submitted_at.desc(), Application.id.desc()).offset((page - 1) * page_size).limit(page_size)
    ).scalars().all()
    return list(rows), total


def list_for_citizen(session: Session, ctx: ApiContext, wa_id: Optional[str], mobile: Optional[str], page: int,
                     page_size: int) -> Tuple[List[Application], int]:
    """A citizen's applications, newest first, by WhatsApp id or mobile number (either matches)."""
    conditions = []
    if wa_id:
        conditions.append(Application.wa_id == wa_id.strip())
    if mobile:
        spec = next(spec for spec in ctx.ref.applicant_fields if spec.type == FieldType.mobile)
        try:
            conditions.append(Application.mobile == validate_value(spec, mobile, ctx.today()))
        except FieldInvalid as invalid:
            raise validation_failed([field_error("mobile", spec.label, invalid)]) from invalid
    if not conditions:
        raise ApiError(422, "filter_required")
    return _page(session, select(Application).where(or_(*conditions)), page, page_size)


@dataclass(frozen=True)
class OfficerFilter:
    """What officers narrow the list of all applications by; None: no condition."""

    status: Optional[str] = None
    service: Optional[str] = None
    departments: Optional[Sequence[str]] = None  # English names, any of them
    overdue: Optional[bool] = None
    escalated: Optional[bool] = None  # already with the first appellate officer


def list_for_officers(session: Session, ctx: ApiContext, wanted: OfficerFilter, page: int,
                      page_size: int) -> Tuple[List[Application], int]:
    query = select(Application)
    if wanted.status:
        query = query.where(Application.status == wanted.status)
    if wanted.service:
        query = query.where(Application.service_code == wanted.service)
    if wanted.departments:
        query = query.where(Application.service_code.in_(ctx.ref.catalogue.codes_in_departments(wanted.departments)))
    if wanted.overdue is not None:
        overdue = overdue_clause(ctx.today())
        query = query.where(overdue if wanted.overdue else not_(overdue))
    if wanted.escalated is not None:
        escalated = Application.escalated_at.is_not(None)
        query = query.where(escalated if wanted.escalated else not_(escalated))
    return _page(session, query, page, page_size)


def _illegal(status: str, action: str) -> ApiError:
    return ApiError(409, "illegal_transition", status=messages().application_status(status), action=messages().action(action))


def next_status(application: Application, action: str) -> str:
    try:
        return lifecycle.APPLICATION.next_status(application.status, action)
    except lifecycle.IllegalTransition:
        raise _illegal(application.status, action) from None


def act(session: Session, ctx: ApiContext, application: Application, body: ActionIn) -> Application:
    """An officer's action; `issue` also produces the certificate."""
    status = next_status(application, body.action)
    if body.action == "reject" and not body.reason:
        raise ApiError(422, "reason_required")
    if body.action == "request_documents" and not body.note:
        raise ApiError(422, "note_required")
    now = ctx.clock()
    if body.action == "issue":
        issue_certificate(ctx, application, service_of(ctx, application.service_code), body.officer, now)
    if body.action == "reject":
        application.rejection_reason = body.reason
    record(application, body.action, status, now, note=body.reason or body.note, officer=body.officer)
    session.commit()
    log.info("application %s: %s -> %s", application.application_number, body.action, status)
    return application


def attach(session: Session, ctx: ApiContext, application: Application, document_ids: List[str]) -> Application:
    """Documents added after submission; those asked for put the application back under review."""
    if application.status not in lifecycle.OPEN_FOR_DOCUMENTS:
        raise ApiError(409, "documents_not_attachable", status=messages().application_status(application.status))
    for document in documents_to_attach(session, document_ids, application):
        document.application = application
    if application.status == lifecycle.DOCUMENTS_REQUESTED:
        record(application, "documents_received", lifecycle.UNDER_REVIEW, ctx.clock())
    session.commit()
    return application
