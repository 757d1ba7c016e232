"""Database rows and reference data turned into response bodies."""
from __future__ import annotations

from typing import Optional

from common.masking import masked_aadhaar, masked_number

from . import lifecycle
from .applications import is_overdue
from .catalogue import Service
from .certificates import verification_url
from .clock import from_db
from .context import ApiContext
from .land_records import LandRecord, Village
from .masking import mask_name
from .models import Application, Certificate, CertifiedCopy, Delivery, Document
from .schemas.applications import (
    ApplicantOut,
    ApplicationOut,
    ApplicationSummary,
    CertificateRef,
    DeliveryOut,
    HistoryEntry,
)
from .schemas.certificates import VerificationOut
from .schemas.common import CodeName, OfficerOut
from .schemas.documents import DocumentOut
from .schemas.land_records import CertifiedCopyOut, OwnerOut, VillageOut
from .schemas.services import ServiceDetail, ServiceSummary
from .texts import Bilingual, messages


def service_name(ctx: ApiContext, code: str) -> CodeName:
    service = ctx.ref.catalogue.get(code)
    # An application outlives a service dropped from the catalogue.
    return CodeName(code=code, name=service.name if service else Bilingual(hi=code, en=code))


def officer(ctx: ApiContext, role: str) -> OfficerOut:
    return OfficerOut(role=role, **ctx.ref.district.officers[role].dict())


def service_summary(service: Service) -> ServiceSummary:
    return ServiceSummary(**service.dict(include=set(ServiceSummary.__fields__)))


def service_detail(ctx: ApiContext, service: Service) -> ServiceDetail:
    return ServiceDetail(
        **service.dict(exclude={"designated_officer", "first_appellate_officer", "certificate"}),
        applicant_fields=ctx.ref.applicant_fields,
        designated_officer=officer(ctx, service.designated_officer),
        first_appellate_officer=officer(ctx, service.first_appellate_officer),
    )


def application_summary(ctx: ApiContext, application: Application) -> ApplicationSummary:
    service = ctx.ref.catalogue.get(application.service_code)
    return ApplicationSummary(
        application_id=application.application_number,
        service=service_name(ctx, application.service_code),
        status=application.status,
        status_label=messages().application_status(application.status),
        submitted_at=from_db(application.submitted_at),
        due_date=application.due_date,
        overdue=is_overdue(application, ctx.today()),
        department=service.department if service else None,
        escalated_at=from_db(application.escalated_at) if application.escalated_at else None,
    )


def delivery_out(application: Application, delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        application_id=application.application_number,
        status=delivery.status,
        status_label=messages().delivery_status(delivery.status),
        address=delivery.address,
        pincode=delivery.pincode,
        mobile_masked=masked_number(delivery.mobile),
        note=delivery.note,
        requested_at=from_db(delivery.requested_at),
        dispatched_at=from_db(delivery.dispatched_at) if delivery.dispatched_at else None,
        delivered_at=from_db(delivery.delivered_at) if delivery.delivered_at else None,
    )


def _certificate(ctx: ApiContext, application: Application) -> Optional[CertificateRef]:
    certificate = application.certificate
    if certificate is None:
        return None
    return CertificateRef(
        verification_code=certificate.verification_code,
        verification_url=verification_url(ctx, certificate.verification_code),
        download_url=ctx.signed_url(f"/api/v1/applications/{application.application_number}/certificate"),
        issued_at=from_db(certificate.issued_at),
    )


def application_out(ctx: ApiContext, application: Application) -> ApplicationOut:
    settled = application.status in lifecycle.SETTLED
    service = ctx.ref.catalogue.get(application.service_code)
    return ApplicationOut(
        **application_summary(ctx, application).dict(),
        days_remaining=None if settled else (application.due_date - ctx.today()).days,
        officer=officer(ctx, service.designated_officer) if service else None,
        appellate_officer=officer(ctx, service.first_appellate_officer) if service else None,
        applicant=ApplicantOut(
            name=application.applicant_name,
            mobile_masked=masked_number(application.mobile),
            aadhaar_masked=masked_aadhaar(application.aadhaar_last4) if application.aadhaar_last4 else None,
            wa_id=application.wa_id,
            address=application.address,
            pincode=application.pincode,
        ),
        answers=application.answers,
        document_ids=[document.id for document in application.documents],
        documents=[document_out(document) for document in application.documents],
        rejection_reason=application.rejection_reason,
        history=[
            HistoryEntry(
                action=event.action,
                status=event.status,
                status_label=messages().application_status(event.status),
                at=from_db(event.at),
                note=event.note,
                officer=event.officer,
            )
            for event in application.events
        ],
        allowed_actions=list(lifecycle.APPLICATION.allowed_actions(application.status)),
        certificate=_certificate(ctx, application),
        delivery=delivery_out(application, application.delivery) if application.delivery else None,
    )


def document_out(document: Document) -> DocumentOut:
    return DocumentOut(
        document_id=document.id,
        content_type=document.content_type,
        size_bytes=document.size_bytes,
        filename=document.filename,
        uploaded_at=from_db(document.uploaded_at),
        attached_to=document.application.application_number if document.application else None,
    )


def verification_out(ctx: ApiContext, certificate: Optional[Certificate]) -> VerificationOut:
    """What anyone holding the paper may learn: genuine or not, and whose (name masked)."""
    if certificate is None:
        return VerificationOut(valid=False, message=messages().get("verification", "invalid"))
    application = certificate.application
    service = ctx.ref.catalogue.get(application.service_code)
    return VerificationOut(
        valid=True,
        message=messages().get("verification", "valid"),
        application_id=application.application_number,
        holder_name_masked=mask_name(application.applicant_name),
        service=service_name(ctx, application.service_code),
        issued_on=from_db(certificate.issued_at).date(),
        issuing_officer=ctx.ref.district.officers[service.designated_officer].designation if service else None,
    )


def village_out(village: Village) -> VillageOut:
    return VillageOut(code=village.code, name=village.name, patwari_halka=village.patwari_halka,
                      khasra_numbers=[record.khasra_number for record in village.records])


def certified_copy_out(ctx: ApiContext, copy: CertifiedCopy, village: Village, record: LandRecord) -> CertifiedCopyOut:
    book = ctx.ref.land_records
    return CertifiedCopyOut(
        copy_number=copy.copy_number,
        record_type=CodeName(code=copy.record_type, name=book.record_types[copy.record_type]),
        village=CodeName(code=village.code, name=village.name),
        khasra_number=copy.khasra_number,
        owners=[OwnerOut(**owner.dict()) for owner in record.owners],
        pdf_url=ctx.signed_url(f"/api/v1/certified-copies/{copy.copy_number}/pdf"),
        created_at=from_db(copy.created_at),
    )
