from typing import Any, List, Optional

from pydantic import Field

from common.api_model import ApiModel

from ..catalogue import RequiredDocument
from ..fields import FieldSpec
from ..texts import Bilingual
from .common import OfficerOut


class ServiceSummary(ApiModel):
    code: str
    name: Bilingual
    department: Optional[Bilingual]
    fee_inr: int
    time_limit_days: int


class ServicePage(ApiModel):
    items: List[ServiceSummary]
    page: int
    page_size: int
    total: int
    pages: int


class ServiceDetail(ServiceSummary):
    description: Optional[Bilingual]
    eligibility: List[Bilingual]
    required_documents: List[RequiredDocument]
    applicant_fields: List[FieldSpec] = Field(description="Asked of every applicant; send them in `applicant`.")
    fields: List[FieldSpec] = Field(description="This service's own questions; send them in `answers`.")
    designated_officer: OfficerOut
    first_appellate_officer: OfficerOut


class FieldCheckIn(ApiModel):
    field: str = Field(description="A service field name, or `applicant.<name>` for an applicant detail.")
    value: Any


class FieldCheckOut(ApiModel):
    field: str
    valid: bool
    value: Any = Field(description="The canonical value to send in the application.")
