"""Who gets a complaint: the department of its category and an officer there.

An officer covers a place by ward, by zone, or city-wide. A complaint goes to
the lowest escalation level covering its ward (ward before zone before city);
escalating moves it to the lowest covering level above the current one.
"""
from __future__ import annotations

from typing import Optional

from .profile import Category, Department, Officer, Profile, Ward


def _specificity(officer: Officer, ward: Optional[Ward]) -> Optional[int]:
    """2 ward match, 1 zone match, 0 city-wide, None does not cover the place."""
    if ward is not None and ward.code in officer.wards:
        return 2
    if ward is not None and ward.zone in officer.zones:
        return 1
    return 0 if officer.city_wide else None


def _lowest_covering(department: Department, ward: Optional[Ward], above_level: int = 0) -> Optional[Officer]:
    candidates = [
        ((officer.level, -specificity), officer)
        for officer in department.officers
        if officer.level > above_level and (specificity := _specificity(officer, ward)) is not None
    ]
    return min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


def assign(profile: Profile, category: Category, ward: Optional[Ward]) -> Officer:
    # Never None: the profile requires a city-wide officer in every department.
    return _lowest_covering(profile.departments[category.department], ward)


def escalation_target(profile: Profile, department_code: str, current: Optional[Officer], ward: Optional[Ward]) -> Optional[Officer]:
    """The next level up; from an officer no longer in the profile, the first level."""
    above_level = current.level if current else 0
    return _lowest_covering(profile.departments[department_code], ward, above_level)
