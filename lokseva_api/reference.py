"""All read-only reference data of a running API, loaded once at start-up."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List

from pydantic import BaseModel

from .catalogue import Catalogue, load_catalogue
from .datafiles import ReferenceDataError, load_yaml_model
from .fields import FieldSpec
from .land_records import LandRecordBook, load_land_records
from .profile import DistrictProfile, load_district
from .settings import Settings

APPLICANT_FIELDS_FILE = Path(__file__).with_name("data") / "applicant_fields.yml"


class _ApplicantFieldsFile(BaseModel):
    fields: List[FieldSpec]


@dataclass(frozen=True)
class ReferenceData:
    district: DistrictProfile
    catalogue: Catalogue
    land_records: LandRecordBook
    applicant_fields: List[FieldSpec]


def load_reference_data(settings: Settings) -> ReferenceData:
    district = load_district(settings.profile_dir)
    land_records = load_land_records(settings.profile_dir)
    if land_records.issuing_officer not in district.officers:
        raise ReferenceDataError(f"land_records.yml: officer role '{land_records.issuing_officer}' is not in district.yml")
    return ReferenceData(
        district=district,
        catalogue=load_catalogue(settings.catalogue_path, district.officers),
        land_records=land_records,
        applicant_fields=load_yaml_model(APPLICANT_FIELDS_FILE, _ApplicantFieldsFile).fields,
    )
