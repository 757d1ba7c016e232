"""Verhoeff checksum, the check digit of Aadhaar numbers (UIDAI): tells an
Aadhaar number typed in a chat from other long numbers."""
from __future__ import annotations

# Multiplication table of the dihedral group D5, its permutation and inverse.
_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def _checksum(digits: str, offset: int) -> int:
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _D[check][_P[(position + offset) % 8][int(digit)]]
    return check


def is_valid(digits: str) -> bool:
    """True when the last digit of `digits` is its Verhoeff check digit."""
    return digits.isdigit() and _checksum(digits, 0) == 0


def check_digit(digits: str) -> str:
    """The digit to append to `digits` to make it valid."""
    return str(_INVERSE[_checksum(digits, 1)])
