"""Issuing certificates (PDF + verification code) and verifying them."""
from __future__ import annotations

import re
import secrets
from datetime import date, datetime
from typing import Any, Dict, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import INDIA

from .catalogue import CertificateTemplate, Service
from .clock import to_db
from .context import ApiContext
from .fields import FieldType
from .models import Application, Certificate
from .pdf.certificate import CertificateContent, render_certificate
from .profile import DistrictProfile
from .texts import Bilingual, messages

# Crockford's base32 without I, L, O, U: nothing to misread when typed from paper.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 10


def new_verification_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """As printed ('7K2M9-QX4HP'), typed in lower case or with spaces: the stored form."""
    return re.sub(r"[\s-]", "", raw).upper()


def printed_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def indian_grouping(number: int) -> str:
    """1200000 -> '12,00,000' (lakh/crore grouping as on Indian documents)."""
    digits = str(number)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs = [head[max(i - 2, 0):i] for i in range(len(head), 0, -2)][::-1]
    return ",".join(pairs) + "," + tail


def _answer_params(service: Service, answers: Dict[str, Any]) -> Dict[str, Any]:
    """Answers as they read on paper: choices by their label, dates as DD-MM-YYYY, grouped numbers."""
    params: Dict[str, Any] = {}
    for spec in service.fields:
        value = answers.get(spec.name)
        if value is None:
            continue
        if spec.type == FieldType.choice:
            choice = next((c for c in spec.choices or [] if c.value == value), None)
            params[spec.name] = Bilingual(hi=choice.hi, en=choice.en) if choice else value
        elif spec.type == FieldType.date:
            params[spec.name] = date.fromisoformat(value).strftime("%d-%m-%Y")
        elif spec.type == FieldType.number:
            params[spec.name] = indian_grouping(value)
        else:
            params[spec.name] = value
    return params


def certificate_wording(district: DistrictProfile, service: Service, application: Application,
                        issued_on: date) -> CertificateTemplate:
    """Title and body of the certificate, the service's placeholders filled from the application."""
    template = service.certificate or CertificateTemplate(
        title=service.name, body=messages().get("certificate", "generic_body")
    )
    body = template.body.format(
        applicant_name=application.applicant_name,
        address=application.address,
        pincode=application.pincode,
        application_id=application.application_number,
        district=district.name,
        issue_date=issued_on.strftime("%d-%m-%Y"),
        **_answer_params(service, application.answers),
    )
    return CertificateTemplate(title=template.title, body=body)


def issue_certificate(ctx: ApiContext, application: Application, service: Service, officer: Optional[str],
                      now: datetime) -> Certificate:
    district = ctx.ref.district
    issued_on = now.astimezone(INDIA).date()
    code = new_verification_code()
    signatory = district.officers[service.designated_officer]
    wording = certificate_wording(district, service, application, issued_on)
    officer_name = officer or f"{signatory.name.hi} / {signatory.name.en}"
    pdf = render_certificate(
        CertificateContent(
            government=district.government,
            office=signatory.office,
            title=wording.title,
            body=wording.body,
            application_number=application.application_number,
            applicant_name=application.applicant_name,
            issue_date=issued_on,
            officer_name=officer_name,
            officer_designation=signatory.designation,
            verification_code=printed_code(code),
            verification_url=verification_url(ctx, code),
        ),
        ctx.fonts(),
    )
    storage_key = ctx.store.save("certificates", f"{application.application_number}.pdf", pdf)
    certificate = Certificate(verification_code=code, officer_name=officer_name, storage_key=storage_key,
                              issued_at=to_db(now))
    application.certificate = certificate
    return certificate


def verification_url(ctx: ApiContext, code: str) -> str:
    return ctx.url(f"/api/v1/certificates/verify/{printed_code(code)}")


def find_by_code(session: Session, raw_code: str) -> Optional[Certificate]:
    return session.execute(
        select(Certificate).where(Certificate.verification_code == normalise_code(raw_code))
    ).scalar_one_or_none()
