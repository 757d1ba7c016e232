"""Writes and reads the audit log of every action taken in the dashboard."""
from __future__ import annotations

from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from .db import AuditEntry
from .users import User


class AuditLog:
    def __init__(self, sessions: sessionmaker):
        self.sessions = sessions

    def record(self, user: User, kind: str, item_id: str, action: str, note: Optional[str], outcome: str,
               new_status: Optional[str] = None) -> None:
        department = user.department.key if user.department else None
        with self.sessions.begin() as session:
            session.add(AuditEntry(username=user.username, department=department, kind=kind, item_id=item_id,
                                   action=action, note=note, outcome=outcome, new_status=new_status))

    def entries(self, kind: Optional[str] = None, item_id: Optional[str] = None, department: Optional[str] = None,
                limit: int = 200) -> List[AuditEntry]:
        """Newest first; `department` limits to the actions of that department's officers."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if department:
            query = query.where(AuditEntry.department == department)
        if kind:
            query = query.where(AuditEntry.kind == kind)
        if item_id:
            query = query.where(AuditEntry.item_id == item_id)
        with self.sessions() as session:
            return list(session.execute(query).scalars())
