from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from .. import delivery
from ..applications import find_application
from ..auth import require_client
from ..context import ApiContext, get_ctx, get_session
from ..errors import error_responses
from ..schemas.applications import DeliveryIn, DeliveryOut
from ..views import delivery_out

router = APIRouter(prefix="/api/v1/applications/{application_id}/delivery", tags=["doorstep delivery"], dependencies=[Depends(require_client)],
                   responses=error_responses(401))


@router.post(
    "",
    response_model=DeliveryOut,
    status_code=201,
    responses={200: {"model": DeliveryOut, "description": "Already requested"}, **error_responses(404, 409, 422)},
    summary="Ask for doorstep delivery of an issued certificate",
)
def request_delivery(
    application_id: str, body: DeliveryIn, response: Response, ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> DeliveryOut:
    application = find_application(session, application_id)
    requested, created = delivery.request_delivery(session, ctx, application, body)
    if not created:
        response.status_code = 200
    return delivery_out(application, requested)


@router.get("", response_model=DeliveryOut, responses=error_responses(404))
def get_delivery(application_id: str, session: Session = Depends(get_session)) -> DeliveryOut:
    application = find_application(session, application_id)
    return delivery_out(application, delivery.find_delivery(application))
