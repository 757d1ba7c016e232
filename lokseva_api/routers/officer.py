"""Endpoints for officers (API key): listing all applications, moving applications and
deliveries on, sending overdue ones to the appellate officer, reading uploaded documents."""
from datetime import date
from typing import List, Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from .. import applications, delivery
from ..appeals import escalate_to_appellate
from ..auth import require_officer
from ..context import ApiContext, get_ctx, get_session
from ..daily_summary import daily_summary
from ..documents import find_document
from ..errors import error_responses
from ..lifecycle import ALL_STATUSES
from ..schemas.applications import ActionIn, ApplicationList, ApplicationOut, DeliveryActionIn, DeliveryOut
from ..schemas.common import MAX_PAGE
from ..schemas.officer import DailySummary
from ..views import application_out, application_summary, delivery_out

router = APIRouter(prefix="/api/v1", tags=["officer"], dependencies=[Depends(require_officer)],
                   responses=error_responses(401))


@router.get(
    "/officer/applications",
    response_model=ApplicationList,
    responses=error_responses(401, 422),
    summary="All applications, newest first, filtered (officers)",
)
def all_applications(
    status: Optional[str] = Query(None, regex="^(" + "|".join(ALL_STATUSES) + ")$"),
    service: Optional[str] = Query(None, max_length=64, description="Service code"),
    department: Optional[List[str]] = Query(
        None, description="English department name as in the catalogue, repeatable: any of them"
    ),
    overdue: Optional[bool] = Query(None, description="true: past the due date undecided; false: the others"),
    escalated: Optional[bool] = Query(None, description="true: already sent to the first appellate officer"),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(20, ge=1, le=100),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> ApplicationList:
    wanted = applications.OfficerFilter(status, service, department, overdue, escalated)
    rows, total = applications.list_for_officers(session, ctx, wanted, page, page_size)
    return ApplicationList(items=[application_summary(ctx, row) for row in rows], page=page, page_size=page_size,
                           total=total)


@router.get(
    "/officer/applications/summary",
    response_model=DailySummary,
    responses=error_responses(401, 422),
    summary="Per department: submitted, decided, sent to the appellate officer on a day; overdue now",
)
def applications_of_the_day(
    day: Optional[date] = Query(None, description="Default: today in India"),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> DailySummary:
    return daily_summary(session, ctx, day or ctx.today())


@router.post(
    "/applications/{application_id}/escalation",
    response_model=ApplicationOut,
    responses=error_responses(401, 404, 409),
    summary="Send an application past its due date undecided to the first appellate officer (once)",
)
def escalate_application(
    application_id: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)
) -> ApplicationOut:
    application = applications.find_application(session, application_id)
    return application_out(ctx, escalate_to_appellate(session, ctx, application))


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
