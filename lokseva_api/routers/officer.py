"""Endpoints for officers (API key): moving applications and deliveries on,
reading uploaded documents."""
from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from .. import applications, delivery
from ..auth import require_officer
from ..context import ApiContext, get_ctx, get_session
from ..documents import find_document
from ..errors import error_responses
from ..schemas.applications import ActionIn, ApplicationOut, DeliveryActionIn, DeliveryOut
from ..views import application_out, delivery_out

router = APIRouter(prefix="/api/v1", tags=["officer"], dependencies=[Depends(require_officer)])


@router.post(
    "/applications/{application_id}/actions",
    response_model=ApplicationOut,
    responses=error_responses(401, 404, 409, 422, 503),
    summary="Officer action: start_review, request_documents, approve, reject, issue, deliver",
)
def act_on_application(
    application_id: str, body: ActionIn, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> ApplicationOut:
    application = applications.find_application(session, application_id)
    return application_out(ctx, applications.act(session, ctx, application, body))


@router.post(
    "/applications/{application_id}/delivery/actions",
    response_model=DeliveryOut,
    responses=error_responses(401, 404, 409, 422),
    summary="Officer action on a doorstep delivery: dispatch, deliver",
)
def act_on_delivery(
    application_id: str, body: DeliveryActionIn, ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> DeliveryOut:
    application = applications.find_application(session, application_id)
    return delivery_out(application, delivery.act_on_delivery(session, ctx, application, body))


@router.get("/documents/{document_id}/content", response_class=FileResponse, responses=error_responses(401, 404))
def document_content(
    document_id: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> FileResponse:
    document = find_document(session, document_id)
    return FileResponse(ctx.store.path(document.storage_key), media_type=document.content_type)
