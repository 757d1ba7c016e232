from datetime import date
from typing import Optional

from common.api_model import ApiModel

from ..texts import Bilingual
from .common import CodeName


class VerificationOut(ApiModel):
    valid: bool
    message: Bilingual
    application_id: Optional[str] = None
    holder_name_masked: Optional[str] = None
    service: Optional[CodeName] = None
    issued_on: Optional[date] = None
    issuing_officer: Optional[Bilingual] = None
