from fastapi import APIRouter, Depends

from ..context import ApiContext, get_ctx
from ..schemas.district import DistrictOut

router = APIRouter(prefix="/api/v1", tags=["district"])


@router.get("/health")
def health() -> dict:
    return {"status": "ok"}


@router.get("/district", response_model=DistrictOut, summary="District profile: names, helplines, ID prefix")
def district(ctx: ApiContext = Depends(get_ctx)) -> DistrictOut:
    return DistrictOut(**ctx.ref.district.dict(include=set(DistrictOut.__fields__)))
