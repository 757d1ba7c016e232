"""The district profile (profiles/<district>/district.yml): names, helplines,
ID prefix and the officers the catalogue refers to by role."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from pydantic import BaseModel, constr

from .datafiles import load_yaml_model
from .texts import Bilingual


class Officer(BaseModel):
    designation: Bilingual
    office: Bilingual
    name: Bilingual


class Helpline(BaseModel):
    name: Bilingual
    number: str


class DistrictProfile(BaseModel):
    code: str
    name: Bilingual
    state: Bilingual
    government: Bilingual
    office: Bilingual
    id_prefix: constr(regex=r"^[A-Z]{2,5}$")  # type: ignore[valid-type]
    copy_prefix: constr(regex=r"^[A-Z]{2,5}$")  # type: ignore[valid-type]
    helplines: List[Helpline]
    officers: Dict[str, Officer]


def load_district(profile_dir: Path) -> DistrictProfile:
    return load_yaml_model(profile_dir / "district.yml", DistrictProfile)
