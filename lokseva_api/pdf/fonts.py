"""Finding the fonts the PDFs need on this machine.

Devanagari needs a font with OpenType shaping tables (conjuncts, matras);
Debian's fonts-noto-core provides Noto Sans Devanagari and Noto Sans. The
Devanagari font has no Latin letters, so both are used, Latin first with
Devanagari as fallback.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

FONT_ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")

# File names in order of preference; a missing bold falls back to the regular.
CANDIDATES = {
    "devanagari": ("NotoSansDevanagari-Regular.ttf", "Lohit-Devanagari.ttf"),
    "devanagari_bold": ("NotoSansDevanagari-Bold.ttf",),
    "latin": ("NotoSans-Regular.ttf", "DejaVuSans.ttf"),
    "latin_bold": ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
}
INSTALL_HINT = "install Debian's fonts-noto-core (apt-get install fonts-noto-core) or set LOKSEVA_FONT_DIR"


class FontsMissing(Exception):
    pass


@dataclass(frozen=True)
class FontSet:
    devanagari: Path
    devanagari_bold: Path
    latin: Path
    latin_bold: Path


def _index(roots: Iterable[Path]) -> Dict[str, Path]:
    found: Dict[str, Path] = {}
    for root in roots:
        for directory, _, files in os.walk(root):
            for name in files:
                found.setdefault(name, Path(directory) / name)
    return found


def _first(index: Dict[str, Path], names: Tuple[str, ...]) -> Optional[Path]:
    return next((index[name] for name in names if name in index), None)


@lru_cache(maxsize=4)
def find_fonts(extra_dir: Optional[Path] = None) -> FontSet:
    index = _index(([extra_dir] if extra_dir else []) + list(FONT_ROOTS))
    devanagari = _first(index, CANDIDATES["devanagari"])
    latin = _first(index, CANDIDATES["latin"])
    if devanagari is None or latin is None:
        raise FontsMissing(f"no Devanagari and Latin fonts found: {INSTALL_HINT}")
    return FontSet(
        devanagari=devanagari,
        devanagari_bold=_first(index, CANDIDATES["devanagari_bold"]) or devanagari,
        latin=latin,
        latin_bold=_first(index, CANDIDATES["latin_bold"]) or latin,
    )
