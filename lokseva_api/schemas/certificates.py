from datetime import date
from typing import Optional

from pydantic import BaseModel

from ..texts import Bilingual
from .common import CodeName


class VerificationOut(BaseModel):
    valid: bool
    message: Bilingual
    application_id: Optional[str] = None
    holder_name_masked: Optional[str] = None
    service: Optional[CodeName] = None
    issued_on: Optional[date] = None
    issuing_officer: Optional[Bilingual] = None
