"""Tracking numbers PREFIX-YYYY-NNNNNN, a sequence per year (a seventh digit after 999999).

One upsert both creates the year's counter and increments it; the database
locks the counter row until the complaint's transaction ends, so concurrent
submissions (several workers on PostgreSQL) get distinct, gap-free numbers.
"""
from __future__ import annotations

import re
from typing import Optional

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .models import Counter

_TRACKING_NUMBER = re.compile(r"[A-Z]{2,6}-\d{4}-\d{6,}")
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def next_tracking_number(session: Session, prefix: str, year: int) -> str:
    name = f"{prefix}-{year}"
    insert = _INSERTS[session.get_bind().dialect.name](Counter.__table__)
    session.execute(
        insert.values(name=name, value=1).on_conflict_do_update(
            index_elements=[Counter.name], set_={"value": Counter.value + 1}
        )
    )
    value = session.execute(select(Counter.value).where(Counter.name == name)).scalar_one()
    return f"{name}-{value:06d}"


def canonical_tracking_number(text: str) -> Optional[str]:
    """"cmp-2026-000045 " -> "CMP-2026-000045"; None when it cannot be one of ours."""
    candidate = text.strip().upper()
    return candidate if _TRACKING_NUMBER.fullmatch(candidate) else None
