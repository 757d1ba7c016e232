"""Doorstep delivery of issued certificates: requested → dispatched → delivered."""
from __future__ import annotations

from typing import Tuple

from sqlalchemy.orm import Session

from . import lifecycle
from .applications import next_status, record
from .clock import to_db
from .context import ApiContext
from .errors import ApiError, validation_failed
from .fields import validate_answers
from .models import Application, Delivery
from .schemas.applications import DeliveryActionIn, DeliveryIn
from .texts import messages

# The delivery address is asked with the same questions as the applicant's.
ADDRESS_FIELDS = ("address", "pincode", "mobile")


def request_delivery(session: Session, ctx: ApiContext, application: Application, body: DeliveryIn) -> Tuple[Delivery, bool]:
    """The delivery and whether it is new; asking again returns the existing one."""
    if application.delivery is not None:
        return application.delivery, False
    if application.status != lifecycle.ISSUED:
        raise ApiError(409, "delivery_not_available", status=messages().application_status(application.status))
    specs = [spec for spec in ctx.ref.applicant_fields if spec.name in ADDRESS_FIELDS]
    # What the request leaves out is the applicant's own: the address and mobile on the application.
    own = {"address": application.address, "pincode": application.pincode, "mobile": application.mobile}
    given = {name: value for name, value in body.dict().items() if value not in (None, "")}
    values, errors = validate_answers(specs, {**own, **given}, ctx.today())
    if errors:
        raise validation_failed(errors)
    delivery = Delivery(
        status=lifecycle.DELIVERY_REQUESTED,
        address=values["address"],
        pincode=values["pincode"],
        mobile=values["mobile"],
        requested_at=to_db(ctx.clock()),
    )
    application.delivery = delivery
    session.commit()
    return delivery, True


def find_delivery(application: Application) -> Delivery:
    if application.delivery is None:
        raise ApiError(404, "delivery_not_found", application_id=application.application_number)
    return application.delivery


def act_on_delivery(session: Session, ctx: ApiContext, application: Application, body: DeliveryActionIn) -> Delivery:
    delivery = find_delivery(application)
    try:
        status = lifecycle.DELIVERY.next_status(delivery.status, body.action)
    except lifecycle.IllegalTransition:
        raise ApiError(409, "illegal_transition", status=messages().delivery_status(delivery.status),
                       action=messages().action(body.action)) from None
    delivered = status == lifecycle.DELIVERY_DELIVERED
    # Handing over the certificate at home completes the application too.
    application_status = next_status(application, "deliver") if delivered else None
    now = ctx.clock()
    delivery.status = status
    delivery.note = body.note or delivery.note
    if delivered:
        delivery.delivered_at = to_db(now)
        record(application, "deliver", application_status, now, note=body.note, officer=body.officer)
    else:
        delivery.dispatched_at = to_db(now)
    session.commit()
    return delivery
