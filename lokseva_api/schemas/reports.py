"""The officers' aggregate report of applications."""
from datetime import datetime
from typing import Dict, List, Optional

from pydantic import Field

from common.api_model import ApiModel
from common.deadlines import DeadlineOut

from ..texts import Bilingual
from .common import CodeName


class ReportFigures(ApiModel):
    total: int
    by_status: Dict[str, int]
    median_days_to_decision: Optional[float] = Field(description="submission to approval or rejection")
    median_days_to_issue: Optional[float] = Field(description="submission to the certificate's issue")
    time_limit: DeadlineOut = Field(description="the statutory time limit of the MP Lok Seva Guarantee Act")


class ServiceReport(ReportFigures):
    service: CodeName
    department: Optional[Bilingual]
    time_limit_days: Optional[int]


class ApplicationReport(ApiModel):
    generated_at: datetime
    departments: Optional[List[str]] = Field(description="the departments asked for; null: all")
    totals: ReportFigures
    services: List[ServiceReport] = Field(description="services with applications, most applications first")
