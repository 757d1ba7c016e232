"""Aggregate reports for officers (API key)."""
from typing import List, Optional

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ..auth import require_officer
from ..context import ApiContext, get_ctx, get_session
from ..errors import error_responses
from ..reports import application_report
from ..schemas.reports import ApplicationReport

router = APIRouter(prefix="/api/v1/reports", tags=["officer"], dependencies=[Depends(require_officer)],
                   responses=error_responses(401))


@router.get(
    "/applications",
    response_model=ApplicationReport,
    responses=error_responses(401, 422),
    summary="Applications by service and status, median days to decision and issue, share within the time limit",
)
def applications_report(
    department: Optional[List[str]] = Query(
        None, description="English department name as in the catalogue, repeatable; none: every department"
    ),
    ctx: ApiContext = Depends(get_ctx),
    session: Session = Depends(get_session),
) -> ApplicationReport:
    return application_report(session, ctx, department)
