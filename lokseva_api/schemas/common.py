"""Shapes shared by every resource."""
from typing import List, Optional

from pydantic import BaseModel

from ..texts import Bilingual


class FieldErrorOut(BaseModel):
    field: str
    code: str
    message_en: str
    message_hi: str


class ErrorBody(BaseModel):
    code: str
    message_en: str
    message_hi: str
    fields: Optional[List[FieldErrorOut]] = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class CodeName(BaseModel):
    """A coded thing with its bilingual name (a service, a record type, a village)."""

    code: str
    name: Bilingual


class OfficerOut(BaseModel):
    role: str
    designation: Bilingual
    office: Bilingual
    name: Bilingual
