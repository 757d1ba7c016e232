from typing import Tuple

from fastapi import APIRouter, Depends, Query

from ..applications import service_of
from ..catalogue import Service
from ..context import ApiContext, get_ctx
from ..errors import error_responses, validation_failed
from ..fields import FieldInvalid, FieldSpec, field_error, validate_value
from ..schemas.common import MAX_PAGE
from ..schemas.services import FieldCheckIn, FieldCheckOut, ServiceDetail, ServicePage
from ..texts import Bilingual
from ..views import service_detail, service_summary

router = APIRouter(prefix="/api/v1/services", tags=["services"])
APPLICANT_PREFIX = "applicant."


@router.get("", response_model=ServicePage, summary="The service catalogue, page by page")
def list_services(
    page: int = Query(1, ge=1, le=MAX_PAGE), page_size: int = Query(20, ge=1, le=100), ctx: ApiContext = Depends(get_ctx)
) -> ServicePage:
    catalogue = ctx.ref.catalogue
    return ServicePage(
        items=[service_summary(service) for service in catalogue.page(page, page_size)],
        page=page,
        page_size=page_size,
        total=len(catalogue),
        pages=catalogue.page_count(page_size),
    )


@router.get("/{code}", response_model=ServiceDetail, responses=error_responses(404))
def get_service(code: str, ctx: ApiContext = Depends(get_ctx)) -> ServiceDetail:
    return service_detail(ctx, service_of(ctx, code))


def _form_field(ctx: ApiContext, service: Service, name: str) -> Tuple[str, FieldSpec]:
    if name.startswith(APPLICANT_PREFIX):
        specs, short = ctx.ref.applicant_fields, name[len(APPLICANT_PREFIX):]
    else:
        specs, short = service.fields, name
    spec = next((spec for spec in specs if spec.name == short), None)
    if spec is None:
        raise validation_failed([field_error(name, Bilingual(hi=name, en=name), FieldInvalid("unknown_field"))])
    return name, spec


@router.post(
    "/{code}/validate",
    response_model=FieldCheckOut,
    responses=error_responses(404, 422),
    summary="Check one answer while the citizen fills the form",
)
def check_field(code: str, body: FieldCheckIn, ctx: ApiContext = Depends(get_ctx)) -> FieldCheckOut:
    name, spec = _form_field(ctx, service_of(ctx, code), body.field)
    try:
        value = validate_value(spec, body.value, ctx.today())
    except FieldInvalid as invalid:
        raise validation_failed([field_error(name, spec.label, invalid)]) from invalid
    return FieldCheckOut(field=name, valid=True, value=value)
