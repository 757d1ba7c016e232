"""Which ward a complaint is in: from a location pin, else from the address text."""
from __future__ import annotations

import unicodedata
from typing import Iterator, Optional, Tuple

from .geo import haversine_m, polygon_contains
from .profile import Profile, Ward

# Spellings of the same Devanagari word differ in nukta and chandrabindu.
_DEVANAGARI_FOLDS = {"\u093c": "", "\u0901": "\u0902"}


def ward_at(profile: Profile, lat: float, long: float) -> Optional[Ward]:
    for ward in profile.wards.values():
        if ward.polygon and polygon_contains(ward.polygon, lat, long):
            return ward
    distances = [
        (haversine_m(lat, long, *ward.centre), ward)
        for ward in profile.wards.values()
        if ward.centre is not None
    ]
    inside = [(distance, ward) for distance, ward in distances if distance <= ward.radius_m]
    return min(inside, key=lambda pair: pair[0])[1] if inside else None


def _words(text: str) -> str:
    """Lower-case words separated by single spaces (letters, marks and digits only)."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = "".join(_DEVANAGARI_FOLDS.get(char, char) for char in unicodedata.normalize("NFD", text))
    text = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return " ".join(text.split())


def _spellings(ward: Ward) -> Iterator[str]:
    for name in [*ward.name.values(), *ward.aliases]:
        words = _words(name)
        yield words
        yield words.replace(" ", "")  # "Vijay Nagar" is often written "Vijaynagar"


def ward_in_address(profile: Profile, address: str) -> Optional[Ward]:
    """The ward whose name or alias the address mentions; the longest mention wins."""
    padded = f" {_words(address)} "
    best: Optional[Tuple[int, Ward]] = None
    for ward in profile.wards.values():
        for spelling in _spellings(ward):
            if spelling and f" {spelling} " in padded and (best is None or len(spelling) > best[0]):
                best = (len(spelling), ward)
    return best[1] if best else None


def locate(profile: Profile, lat: Optional[float], long: Optional[float], address: Optional[str]) -> Optional[Ward]:
    """A pin is more precise than words, so it decides when both are given."""
    if lat is not None and long is not None:
        ward = ward_at(profile, lat, long)
        if ward is not None:
            return ward
    return ward_in_address(profile, address) if address else None
