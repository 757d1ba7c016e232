
from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ..auth import require_client
from ..context import ApiContext, get_ctx, get_session
from ..documents import find_document, store_upload
from ..errors import ApiError, FieldError, error_responses, validation_failed
from ..schemas.documents import DocumentOut
from ..texts import messages
from ..views import document_out

MAX_FORM_FIELDS = 2  # file and wa_id
MAX_WA_ID_LENGTH = 32
# How the upload is sent, for the API's documentation (the form itself is read in the handler).
UPLOAD_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"},
                   "wa_id": {"type": "string", "maxLength": MAX_WA_ID_LENGTH}}}}}}}

router = APIRouter(prefix="/api/v1/documents", tags=["documents"], dependencies=[Depends(require_client)],
                   responses=error_responses(401))


@router.post(
    "",
    response_model=DocumentOut,
    status_code=201,
    responses=error_responses(413, 415, 422),
    summary="Upload a photo (JPEG/PNG) or PDF; attach it by its document_id",
    openapi_extra=UPLOAD_FORM,
)
async def upload_document(
    request: Request,
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> DocumentOut:
    # The form is read here, after the router's key check: declared as File()/Form() parameters,
    # FastAPI would read and spool the whole upload before any dependency ran.
    async with request.form(max_files=1, max_fields=MAX_FORM_FIELDS) as form:
        upload, wa_id = form.get("file"), form.get("wa_id")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "file_required")
        if wa_id is not None and (not isinstance(wa_id, str) or len(wa_id) > MAX_WA_ID_LENGTH):
            message = messages().field_error("too_long", label="wa_id", max_length=MAX_WA_ID_LENGTH)
            raise validation_failed([FieldError("wa_id", "too_long", message)])
        return document_out(await run_in_threadpool(store_upload, session, ctx, upload, wa_id or None))


@router.get("/{document_id}", response_model=DocumentOut, responses=error_responses(404))
def get_document(document_id: str, session: Session = Depends(get_session)) -> DocumentOut:
    return document_out(find_document(session, document_id))
