"""Shapes shared by every resource."""
from typing import List, Optional

from common.api_model import ApiModel

from ..texts import Bilingual

# Far beyond any list; it keeps the SQL offset of a page within the database's integers.
MAX_PAGE = 100_000


class FieldErrorOut(ApiModel):
    field: str
    code: str
    message_en: str
    message_hi: str


class ErrorBody(ApiModel):
    code: str
    message_en: str
    message_hi: str
    fields: Optional[List[FieldErrorOut]] = None


class ErrorResponse(ApiModel):
    error: ErrorBody


class CodeName(ApiModel):
    """A coded thing with its bilingual name (a service, a record type, a village)."""

    code: str
    name: Bilingual


class OfficerOut(ApiModel):
    role: str
    designation: Bilingual
    office: Bilingual
    name: Bilingual
