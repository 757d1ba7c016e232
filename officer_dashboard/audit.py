"""Writes and reads the audit log of every action taken in the dashboard, logins included."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import List, Optional

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import sessionmaker

from .db import AuditEntry
from .times import INDIA
from .users import Department, User

SESSION = "session"  # the kind of logins and logouts; their item is the username


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page asks for; empty fields match everything."""

    username: Optional[str] = None
    action: Optional[str] = None
    item_id: Optional[str] = None
    day: Optional[date] = None  # in India


def _utc_naive(day: date) -> datetime:
    """Midnight in India of `day`, as the table keeps times (naive UTC)."""
    return datetime.combine(day, time(), INDIA).astimezone(timezone.utc).replace(tzinfo=None)


def _of_department(department: Department):
    """Entries of the department's officers, and every entry on its items, whoever acted."""
    return or_(AuditEntry.department == department.key,
               and_(AuditEntry.kind == "complaint", AuditEntry.item_department.in_(sorted(department.open311))),
               and_(AuditEntry.kind == "application", AuditEntry.item_department.in_(sorted(department.lokseva))))


class AuditLog:
    def __init__(self, sessions: sessionmaker):
        self.sessions = sessions

    def record(self, user: User, kind: str, item_id: str, action: str, note: Optional[str], outcome: str,
               new_status: Optional[str] = None, item_department: Optional[str] = None) -> None:
        self._add(user.username, user.department, kind=kind, item_id=item_id, action=action, note=note,
                  outcome=outcome, new_status=new_status, item_department=item_department)

    def record_login(self, username: str, user: Optional[User], action: str, outcome: str, address: str) -> None:
        """A login, failed login or logout of `username` (`user`: its account, if there is one)."""
        self._add(username[:64], user.department if user else None, kind=SESSION, item_id=username[:64],
                  action=action, note=f"from {address}", outcome=outcome)

    def _add(self, username: str, department: Optional[Department], **columns) -> None:
        with self.sessions.begin() as session:
            session.add(AuditEntry(username=username, department=department.key if department else None, **columns))

    def entries(self, kind: Optional[str] = None, item_id: Optional[str] = None,
                department: Optional[Department] = None, wanted: AuditFilter = AuditFilter(),
                limit: int = 200) -> List[AuditEntry]:
        """Newest first; `department` limits to what concerns that department (officers' and items')."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if department:
            query = query.where(_of_department(department))
        if kind:
            query = query.where(AuditEntry.kind == kind)
        for column, value in ((AuditEntry.item_id, item_id or wanted.item_id), (AuditEntry.username, wanted.username),
                              (AuditEntry.action, wanted.action)):
            if value:
                query = query.where(column == value)
        if wanted.day:
            start = _utc_naive(wanted.day)
            query = query.where(AuditEntry.at >= start, AuditEntry.at < start + timedelta(days=1))
        with self.sessions() as session:
            return list(session.execute(query).scalars())

    def actions(self) -> List[str]:
        """Every action the log holds, for the audit page's filter."""
        with self.sessions() as session:
            return sorted(session.execute(select(AuditEntry.action).distinct()).scalars())
