from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ..certificates import find_by_code
from ..context import ApiContext, get_ctx, get_session
from ..schemas.certificates import VerificationOut
from ..views import verification_out

router = APIRouter(prefix="/api/v1/certificates", tags=["certificates"])


@router.get("/verify/{code}", response_model=VerificationOut, summary="Public check of a certificate's code")
def verify(code: str, ctx: ApiContext = Depends(get_ctx), session: Session = Depends(get_session)) -> VerificationOut:
    return verification_out(ctx, find_by_code(session, code))
