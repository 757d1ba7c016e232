from typing import Optional

from fastapi import APIRouter, Depends, File, Form, UploadFile
from sqlalchemy.orm import Session

from ..auth import require_client
from ..context import ApiContext, get_ctx, get_session
from ..documents import find_document, store_upload
from ..errors import error_responses
from ..schemas.documents import DocumentOut
from ..views import document_out

router = APIRouter(prefix="/api/v1/documents", tags=["documents"], dependencies=[Depends(require_client)])


@router.post(
    "",
    response_model=DocumentOut,
    status_code=201,
    responses=error_responses(413, 415, 422),
    summary="Upload a photo (JPEG/PNG) or PDF; attach it by its document_id",
)
def upload_document(
    file: UploadFile = File(...),
    wa_id: Optional[str] = Form(None, max_length=32),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> DocumentOut:
    return document_out(store_upload(session, ctx, file, wa_id))


@router.get("/{document_id}", response_model=DocumentOut, responses=error_responses(404))
def get_document(document_id: str, session: Session = Depends(get_session)) -> DocumentOut:
    return document_out(find_document(session, document_id))
