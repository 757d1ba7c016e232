"""Who works on which application or complaint (kept by the dashboard)."""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from common.clock import utc_now_naive

from .db import Assignment


class Assignments:
    def __init__(self, sessions: sessionmaker):
        self.sessions = sessions

    def assign(self, kind: str, item_id: str, username: str, by: str) -> None:
        with self.sessions.begin() as session:
            current = session.execute(
                select(Assignment).where(Assignment.kind == kind, Assignment.item_id == item_id)
            ).scalar_one_or_none()
            if current is None:
                session.add(Assignment(kind=kind, item_id=item_id, username=username, assigned_by=by))
            else:
                current.username, current.assigned_by, current.at = username, by, utc_now_naive()

    def of(self, kind: str, item_ids: Iterable[str]) -> Dict[str, str]:
        """item id -> username of the assigned officer."""
        query = select(Assignment).where(Assignment.kind == kind, Assignment.item_id.in_(list(item_ids)))
        with self.sessions() as session:
            return {row.item_id: row.username for row in session.execute(query).scalars()}

    def one(self, kind: str, item_id: str) -> Optional[str]:
        return self.of(kind, [item_id]).get(item_id)

    def assigned_to(self, kind: str, username: str) -> List[str]:
        """The ids of the items of this kind assigned to the officer."""
        query = select(Assignment.item_id).where(Assignment.kind == kind, Assignment.username == username)
        with self.sessions() as session:
            return list(session.execute(query).scalars())
