"""The service catalogue (services.yml): one entry per Lok Seva service.

A new service is a new entry in the file; nothing in the code names a
service. Officer roles are resolved against the district profile at load
time, so a typo fails at start-up, not when a citizen applies.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Collection, Dict, List, Mapping, Optional, Sequence

from pydantic import BaseModel, conint, constr

from common.api_model import ApiModel

from .datafiles import ReferenceDataError, load_yaml_model
from .fields import FieldSpec
from .profile import Officer
from .texts import Bilingual


class RequiredDocument(ApiModel):
    code: str
    name: Bilingual
    required: bool = True


class CertificateTemplate(BaseModel):
    title: Bilingual
    body: Bilingual


class Service(BaseModel):
    code: constr(regex=r"^[a-z][a-z0-9_]*$")  # type: ignore[valid-type]
    name: Bilingual
    department: Optional[Bilingual] = None
    description: Optional[Bilingual] = None
    eligibility: List[Bilingual] = []
    required_documents: List[RequiredDocument] = []
    fields: List[FieldSpec] = []
    fee_inr: conint(ge=0)  # type: ignore[valid-type]
    time_limit_days: conint(ge=1)  # type: ignore[valid-type]
    designated_officer: str
    first_appellate_officer: str
    certificate: Optional[CertificateTemplate] = None

    class Config:
        extra = "forbid"


class _CatalogueFile(BaseModel):
    services: List[Service]


class Catalogue:
    def __init__(self, services: Sequence[Service]):
        self._services: Dict[str, Service] = {service.code: service for service in services}

    def __len__(self) -> int:
        return len(self._services)

    def get(self, code: str) -> Optional[Service]:
        return self._services.get(code)

    def codes_in_departments(self, names: Collection[str]) -> List[str]:
        """Codes of the services rendered by these departments (English names, as in the file)."""
        return [code for code, service in self._services.items()
                if service.department is not None and service.department.en in names]

    def page(self, page: int, page_size: int) -> List[Service]:
        start = (page - 1) * page_size
        return list(self._services.values())[start : start + page_size]

    def page_count(self, page_size: int) -> int:
        return math.ceil(len(self) / page_size)


def _duplicates(items: Sequence[str]) -> List[str]:
    return sorted({item for item in items if items.count(item) > 1})


def _check(path: Path, services: Sequence[Service], officers: Mapping[str, Officer]) -> None:
    problems = [f"service code '{code}' appears twice" for code in _duplicates([s.code for s in services])]
    for service in services:
        problems += [
            f"{service.code}: field '{name}' appears twice" for name in _duplicates([f.name for f in service.fields])
        ]
        for role in (service.designated_officer, service.first_appellate_officer):
            if role not in officers:
                problems.append(f"{service.code}: officer role '{role}' is not in the district profile")
    if problems:
        raise ReferenceDataError(f"{path}: " + "; ".join(problems))


def load_catalogue(path: Path, officers: Mapping[str, Officer]) -> Catalogue:
    services = load_yaml_model(path, _CatalogueFile).services
    _check(path, services, officers)
    return Catalogue(services)
