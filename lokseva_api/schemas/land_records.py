from datetime import datetime
from typing import List, Optional

from pydantic import Field, constr

from common.api_model import ApiModel

from ..land_records import RECORD_TYPES
from ..texts import Bilingual
from .common import CodeName


class CertifiedCopyIn(ApiModel):
    record_type: constr(regex="^(" + "|".join(RECORD_TYPES) + ")$") = Field(  # type: ignore[valid-type]
        description=" | ".join(RECORD_TYPES)
    )
    village: constr(strip_whitespace=True, min_length=1, max_length=60) = Field(  # type: ignore[valid-type]
        description="Village code or its Hindi/English name"
    )
    khasra_number: constr(strip_whitespace=True, min_length=1, max_length=20)  # type: ignore[valid-type]
    wa_id: Optional[constr(strip_whitespace=True, max_length=32)] = None  # type: ignore[valid-type]


class OwnerOut(ApiModel):
    name: Bilingual
    relative: Bilingual
    share: str


class CertifiedCopyOut(ApiModel):
    copy_number: str
    record_type: CodeName
    village: CodeName
    khasra_number: str
    owners: List[OwnerOut]
    pdf_url: str
    created_at: datetime


class VillageOut(ApiModel):
    code: str
    name: Bilingual
    patwari_halka: int
    khasra_numbers: List[str]
