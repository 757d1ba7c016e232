"""Officers' overview of all applications."""
from datetime import date
from typing import List

from pydantic import Field

from common.api_model import ApiModel

from ..texts import Bilingual


class DepartmentDay(ApiModel):
    department: Bilingual
    new: int = Field(description="submitted that day")
    decided: int = Field(description="approved or rejected that day")
    escalated: int = Field(description="sent to the first appellate officer that day")
    overdue: int = Field(description="past the due date undecided now")


class DailySummary(ApiModel):
    day: date
    departments: List[DepartmentDay] = Field(description="every department of the catalogue, by English name")
