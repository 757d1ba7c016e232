from typing import Optional

from fastapi import APIRouter, Depends, Header, Query, Response
from sqlalchemy.orm import Session

from .. import applications
from ..auth import require_client, require_key_or_signed_link
from ..context import ApiContext, get_ctx, get_session
from ..errors import ApiError, error_responses
from ..schemas.applications import ApplicationIn, ApplicationList, ApplicationOut, AttachIn
from ..schemas.common import MAX_PAGE
from ..views import application_out, application_summary
from .responses import PDF_RESPONSE, pdf_file

router = APIRouter(prefix="/api/v1/applications", tags=["applications"])
# Personal data: the action server's key (or an officer's) on every route but the signed certificate link.
CLIENT = [Depends(require_client)]


@router.post(
    "",
    dependencies=CLIENT,
    response_model=ApplicationOut,
    status_code=201,
    responses={200: {"model": ApplicationOut, "description": "Replay of an earlier submission with the same key"},
               **error_responses(401, 404, 409, 422)},
    summary="Submit an application (idempotent with Idempotency-Key or client_key)",
)
def submit_application(
    body: ApplicationIn,
    response: Response,
    idempotency_key: Optional[str] = Header(None, max_length=200),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> ApplicationOut:
    application, created = applications.submit(session, ctx, body, idempotency_key or body.client_key)
    if not created:
        response.status_code = 200
    return application_out(ctx, application)


@router.get("", dependencies=CLIENT, response_model=ApplicationList, responses=error_responses(401, 422),
            summary="A citizen's applications")
def my_applications(
    wa_id: Optional[str] = Query(None, max_length=32),
    mobile: Optional[str] = Query(None, max_length=20),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(20, ge=1, le=100),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> ApplicationList:
    rows, total = applications.list_for_citizen(session, ctx, wa_id, mobile, page, page_size)
    return ApplicationList(items=[application_summary(ctx, row) for row in rows], page=page, page_size=page_size,
                           total=total)


@router.get("/{application_id}", dependencies=CLIENT, response_model=ApplicationOut, responses=error_responses(401, 404))
def get_application(
    application_id: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> ApplicationOut:
    return application_out(ctx, applications.find_application(session, application_id))


@router.post(
    "/{application_id}/documents",
    dependencies=CLIENT,
    response_model=ApplicationOut,
    responses=error_responses(401, 404, 409, 422),
    summary="Add uploaded documents (e.g. those an officer asked for)",
)
def attach_documents(
    application_id: str, body: AttachIn, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> ApplicationOut:
    application = applications.find_application(session, application_id)
    return application_out(ctx, applications.attach(session, ctx, application, body.document_ids))


@router.get("/{application_id}/certificate", dependencies=[Depends(require_key_or_signed_link)], response_class=Response,
            responses={**PDF_RESPONSE, **error_responses(401, 404)})
def download_certificate(
    application_id: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> Response:
    application = applications.find_application(session, application_id)
    if application.certificate is None:
        raise ApiError(404, "certificate_not_issued", application_id=application.application_number)
    return pdf_file(ctx, application.certificate.storage_key, f"{application.application_number}.pdf")
