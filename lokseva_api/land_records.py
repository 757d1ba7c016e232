"""Sample land records of the district (land_records.yml): lookup of a
village by any of its names and of a record by khasra number."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional

from pydantic import BaseModel

from common.ids import fold_digits

from .datafiles import load_yaml_model
from .texts import Bilingual

RECORD_TYPES = ("khasra", "khatauni", "b1", "naksha")


class Owner(BaseModel):
    name: Bilingual
    relative: Bilingual
    share: str


class Boundaries(BaseModel):
    north: str
    south: str
    east: str
    west: str


class LandRecord(BaseModel):
    khasra_number: str
    khata_number: int
    area_hectare: float
    land_use: Bilingual
    irrigation: Bilingual
    owners: List[Owner]
    naksha_sheet: int
    boundaries: Boundaries


class Village(BaseModel):
    code: str
    name: Bilingual
    patwari_halka: int
    records: List[LandRecord]

    def record(self, khasra_number: str) -> Optional[LandRecord]:
        wanted = normalise_khasra(khasra_number)
        return next((r for r in self.records if normalise_khasra(r.khasra_number) == wanted), None)

    def khata(self, khata_number: int) -> List[LandRecord]:
        """Every khasra of one account: the rows of a khatauni or B-1."""
        return [record for record in self.records if record.khata_number == khata_number]


class LandRecordBook(BaseModel):
    tehsil: Bilingual
    issuing_officer: str
    record_types: Dict[str, Bilingual]
    villages: List[Village]

    def village(self, name: str) -> Optional[Village]:
        """By code, English name (any case) or Hindi name."""
        wanted = " ".join(name.split()).casefold()
        for village in self.villages:
            if wanted in (village.code, village.name.en.casefold(), village.name.hi):
                return village
        return None


def normalise_khasra(number: str) -> str:
    """'45 / 2', '४५/२' and '45/2' are the same khasra."""
    return re.sub(r"\s+", "", fold_digits(number))


def load_land_records(profile_dir: Path) -> LandRecordBook:
    return load_yaml_model(profile_dir / "land_records.yml", LandRecordBook)
