from typing import List

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ..auth import require_client, require_key_or_signed_link
from ..certified_copies import find_copy, make_copy
from ..context import ApiContext, get_ctx, get_session
from ..errors import error_responses
from ..schemas.land_records import CertifiedCopyIn, CertifiedCopyOut, VillageOut
from ..views import certified_copy_out, village_out
from .responses import PDF_RESPONSE, pdf_file

router = APIRouter(prefix="/api/v1", tags=["land records"])


@router.get("/villages", response_model=List[VillageOut], summary="Villages with land records and their khasra numbers")
def villages(ctx: ApiContext = Depends(get_ctx)) -> List[VillageOut]:
    return [village_out(village) for village in ctx.ref.land_records.villages]


@router.post(
    "/certified-copies",
    dependencies=[Depends(require_client)],
    response_model=CertifiedCopyOut,
    status_code=201,
    responses=error_responses(401, 404, 422, 503),
    summary="Make a certified copy (khasra, khatauni, b1, naksha); the PDF is at pdf_url",
)
def certified_copy(
    body: CertifiedCopyIn, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> CertifiedCopyOut:
    return certified_copy_out(ctx, *make_copy(session, ctx, body))


@router.get("/certified-copies/{copy_number}/pdf", dependencies=[Depends(require_key_or_signed_link)],
            response_class=Response, responses={**PDF_RESPONSE, **error_responses(401, 404)})
def certified_copy_pdf(
    copy_number: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> Response:
    copy = find_copy(session, copy_number)
    return pdf_file(ctx, copy.storage_key, f"{copy.copy_number}.pdf")
