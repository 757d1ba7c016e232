from typing import List

from pydantic import BaseModel

from ..texts import Bilingual


class HelplineOut(BaseModel):
    name: Bilingual
    number: str


class DistrictOut(BaseModel):
    code: str
    name: Bilingual
    state: Bilingual
    office: Bilingual
    id_prefix: str
    helplines: List[HelplineOut]
