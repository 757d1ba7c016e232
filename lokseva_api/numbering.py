"""Yearly sequential numbers: LS-2026-000001, CC-2026-000001, ...

One atomic upsert per number: on PostgreSQL the row stays locked until the
caller's transaction ends, so concurrent submissions get distinct,
gap-free numbers (a rolled-back submission gives its number back).
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_NEXT_VALUE = text(
    "INSERT INTO lokseva_id_sequences (scope, year, last_value) VALUES (:scope, :year, 1) "
    "ON CONFLICT (scope, year) DO UPDATE SET last_value = lokseva_id_sequences.last_value + 1 "
    "RETURNING last_value"
)


def next_number(session: Session, scope: str, year: int) -> str:
    value = session.execute(_NEXT_VALUE, {"scope": scope, "year": year}).scalar_one()
    return f"{scope}-{year}-{value:06d}"
