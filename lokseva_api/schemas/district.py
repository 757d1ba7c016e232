from typing import List

from common.api_model import ApiModel

from ..texts import Bilingual


class HelplineOut(ApiModel):
    name: Bilingual
    number: str


class DistrictOut(ApiModel):
    code: str
    name: Bilingual
    state: Bilingual
    office: Bilingual
    id_prefix: str
    helplines: List[HelplineOut]
