"""Certified copies of land records, made on request from land_records.yml."""
from __future__ import annotations

import logging
from typing import Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import INDIA

from .clock import to_db
from .context import ApiContext
from .errors import ApiError
from .land_records import LandRecord, Village
from .models import CertifiedCopy
from .numbering import next_number
from .pdf.certified_copy import CopyContent, render_certified_copy
from .schemas.land_records import CertifiedCopyIn

log = logging.getLogger(__name__)


def find_land_record(ctx: ApiContext, village_name: str, khasra_number: str) -> Tuple[Village, LandRecord]:
    book = ctx.ref.land_records
    village = book.village(village_name)
    if village is None:
        raise ApiError(404, "village_not_found", village=village_name, tehsil=book.tehsil)
    record = village.record(khasra_number)
    if record is None:
        raise ApiError(404, "land_record_not_found", village=village.name, khasra_number=khasra_number)
    return village, record


def make_copy(session: Session, ctx: ApiContext, request: CertifiedCopyIn) -> Tuple[CertifiedCopy, Village, LandRecord]:
    village, record = find_land_record(ctx, request.village, request.khasra_number)
    book, district = ctx.ref.land_records, ctx.ref.district
    signatory = district.officers[book.issuing_officer]
    now = ctx.clock()
    copy_number = next_number(session, district.copy_prefix, now.astimezone(INDIA).year)
    pdf = render_certified_copy(
        CopyContent(
            government=district.government,
            office=signatory.office,
            tehsil=book.tehsil,
            record_type=request.record_type,
            record_type_name=book.record_types[request.record_type],
            copy_number=copy_number,
            issue_date=now.astimezone(INDIA).date(),
            village=village,
            record=record,
            khata=village.khata(record.khata_number),
            officer_name=signatory.name,
            officer_designation=signatory.designation,
        ),
        ctx.fonts(),
    )
    copy = CertifiedCopy(
        copy_number=copy_number,
        record_type=request.record_type,
        village_code=village.code,
        khasra_number=record.khasra_number,
        wa_id=request.wa_id,
        storage_key=ctx.store.save("copies", f"{copy_number}.pdf", pdf),
        created_at=to_db(now),
    )
    session.add(copy)
    session.commit()
    log.info("certified copy %s: %s of %s/%s", copy_number, request.record_type, village.code, record.khasra_number)
    return copy, village, record


def find_copy(session: Session, copy_number: str) -> CertifiedCopy:
    number = copy_number.strip().upper()
    copy = session.execute(select(CertifiedCopy).where(CertifiedCopy.copy_number == number)).scalar_one_or_none()
    if copy is None:
        raise ApiError(404, "certified_copy_not_found", copy_number=number)
    return copy
