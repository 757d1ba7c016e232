"""The city profile: complaint categories, departments, officers, wards, texts.

Everything a city differs in lives in the YAML files of one folder
(OPEN311_PROFILE_DIR), so deploying for another city is new data, not code.
The files are checked when loaded, so a typo stops the start-up with a clear
message instead of failing on a citizen's complaint.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, Field, ValidationError, conint, constr, root_validator, validator

PROFILE_FILES = ("open311.yml", "complaint_categories.yml", "municipal_departments.yml", "wards.yml")
DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
LIST_DATATYPES = ("singlevaluelist", "multivaluelist")
STATUS_NOTE_EVENTS = ("submitted", "acknowledged", "in_progress", "resolved", "closed", "reopened", "escalated")
TEXT_PLACEHOLDERS = {"department": "", "officer": "", "sla_hours": ""}

# libyaml's loader when installed: ten times faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Code = constr(regex=r"^[A-Za-z0-9_.-]{1,64}$")
LanguageCode = constr(regex=r"^[a-z]{2}$")
CountryCallingCode = constr(regex=r"^[1-9][0-9]{0,2}$")
TrackingPrefix = constr(regex=r"^[A-Z]{2,6}$")
Localized = Dict[str, str]  # language code -> text
Point = Tuple[float, float]  # (lat, long), WGS84


class ProfileError(ValueError):
    pass


class _Frozen(BaseModel):
    class Config:
        allow_mutation = False
        extra = "forbid"


class Attribute(_Frozen):
    code: Code
    datatype: str
    required: bool = False
    # false: shown to the citizen as information only, no input expected
    variable: bool = True
    description: Localized
    datatype_description: Localized = {}
    values: Dict[str, Localized] = {}

    @validator("datatype")
    def _known_datatype(cls, value: str) -> str:
        if value not in DATATYPES:
            raise ValueError(f"must be one of {', '.join(DATATYPES)}")
        return value

    @root_validator(skip_on_failure=True)
    def _values_only_for_lists(cls, fields: dict) -> dict:
        if (fields["datatype"] in LIST_DATATYPES) != bool(fields["values"]):
            raise ValueError("values are needed for list datatypes and only for them")
        return fields


class Category(_Frozen):
    code: str = ""
    group: str
    department: Code
    sla_hours: conint(gt=0)
    name: Localized
    description: Localized
    keywords: Dict[str, List[str]] = {}
    attributes: List[Attribute] = []

    @validator("attributes")
    def _unique_attribute_codes(cls, attributes: List[Attribute]) -> List[Attribute]:
        codes = [attribute.code for attribute in attributes]
        if len(set(codes)) != len(codes):
            raise ValueError("attribute codes must be unique")
        return attributes

    def attribute(self, code: str) -> Optional[Attribute]:
        return next((attribute for attribute in self.attributes if attribute.code == code), None)


class Officer(_Frozen):
    code: Code
    name: Localized
    designation: Localized
    level: conint(ge=1)
    wards: List[Code] = []
    zones: List[Code] = []

    @property
    def city_wide(self) -> bool:
        return not self.wards and not self.zones


class Department(_Frozen):
    code: str = ""
    name: Localized
    officers: List[Officer]

    @validator("officers")
    def _someone_covers_the_whole_city(cls, officers: List[Officer]) -> List[Officer]:
        # Complaints from places outside the known wards still need an owner.
        if not any(officer.city_wide for officer in officers):
            raise ValueError("needs at least one city-wide officer (no wards, no zones)")
        return officers


class Zone(_Frozen):
    code: str = ""
    name: Localized


class Ward(_Frozen):
    code: str = ""
    zone: Code
    name: Localized
    aliases: List[str] = []
    polygon: Optional[List[Point]] = None
    centre: Optional[Point] = None
    radius_m: Optional[float] = Field(None, gt=0)

    @root_validator(skip_on_failure=True)
    def _one_shape(cls, fields: dict) -> dict:
        has_polygon = bool(fields.get("polygon"))
        has_circle = fields.get("centre") is not None and fields.get("radius_m") is not None
        if has_polygon == has_circle:
            raise ValueError("give either a polygon (3+ corners) or a centre with radius_m")
        if has_polygon and len(fields["polygon"]) < 3:
            raise ValueError("a polygon needs at least 3 corners")
        return fields


class Discovery(_Frozen):
    changeset: str
    contact: Localized
    key_service: Localized


class Texts(_Frozen):
    service_notice: Localized
    status_notes: Dict[str, Localized]

    @validator("status_notes")
    def _every_event_has_a_note(cls, notes: Dict[str, Localized]) -> Dict[str, Localized]:
        missing = [event for event in STATUS_NOTE_EVENTS if event not in notes]
        if missing:
            raise ValueError(f"missing notes for {', '.join(missing)}")
        return notes

    @validator("service_notice")
    def _notice_placeholders(cls, texts: Localized) -> Localized:
        _check_placeholders(texts)
        return texts

    @validator("status_notes")
    def _note_placeholders(cls, notes: Dict[str, Localized]) -> Dict[str, Localized]:
        for texts in notes.values():
            _check_placeholders(texts)
        return notes


def _check_placeholders(texts: Localized) -> None:
    # A typo in a placeholder would otherwise fail on a citizen's request.
    for text in texts.values():
        try:
            text.format(**TEXT_PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as error:
            raise ValueError(f"{text!r}: unknown or broken placeholder {error}") from None


class Profile(_Frozen):
    city: Localized
    agency: Localized
    timezone: str
    locales: List[LanguageCode] = Field(..., min_items=1)
    phone_country_code: CountryCallingCode
    tracking_prefix: TrackingPrefix
    duplicate_radius_m: float = Field(..., gt=0)
    discovery: Discovery
    texts: Texts
    categories: Dict[Code, Category]
    departments: Dict[Code, Department]
    zones: Dict[Code, Zone]
    wards: Dict[Code, Ward]
    # The city's limits ([lat, long] corners): a pin outside is not this city's complaint.
    boundary: List[Tuple[float, float]] = Field(default_factory=list)

    @validator("timezone")
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}")
        return value

    @validator("categories", "departments", "zones", "wards")
    def _codes_from_keys(cls, items: dict) -> dict:
        return {code: item.copy(update={"code": code}) for code, item in items.items()}

    @root_validator(skip_on_failure=True)
    def _references_exist(cls, fields: dict) -> dict:
        problems = []
        for category in fields["categories"].values():
            if category.department not in fields["departments"]:
                problems.append(f"category {category.code}: unknown department {category.department}")
        for ward in fields["wards"].values():
            if ward.zone not in fields["zones"]:
                problems.append(f"ward {ward.code}: unknown zone {ward.zone}")
        for department in fields["departments"].values():
            for officer in department.officers:
                problems += [f"officer {officer.code}: unknown ward {w}" for w in officer.wards if w not in fields["wards"]]
                problems += [f"officer {officer.code}: unknown zone {z}" for z in officer.zones if z not in fields["zones"]]
        if problems:
            raise ValueError("; ".join(problems))
        return fields

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def default_locale(self) -> str:
        return self.locales[0]

    def text(self, texts: Localized, locale: Optional[str] = None) -> str:
        """`texts` in `locale`, else in the default language, else in any."""
        for language in (locale, self.default_locale):
            if language in texts:
                return texts[language]
        return next(iter(texts.values()), "")

    @property
    def officers(self) -> Dict[str, Officer]:
        return {officer.code: officer for department in self.departments.values() for officer in department.officers}

    def officer(self, code: Optional[str]) -> Optional[Officer]:
        return self.officers.get(code or "")


def load_profile(folder: Path) -> Profile:
    data: dict = {}
    for name in PROFILE_FILES:
        path = Path(folder) / name
        try:
            content = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ProfileError(f"cannot read city profile file {path}: {error}") from error
        if not isinstance(content, dict):
            raise ProfileError(f"{path} must hold a mapping")
        data.update(content)
    try:
        return Profile.parse_obj(data)
    except ValidationError as error:
        raise ProfileError(f"city profile {folder} is invalid:\n{error}") from error
