"""Handoffs: citizens who asked for a person, as the officers' inbox keeps them.

Who may see them: every officer, whatever the department. A citizen asking
for a person has not said what about, so the first free officer answers;
taking a handoff shows the others who has it. Only that officer answers it
then, unless a department head or an admin takes it over.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from common.clock import utc_now_naive

from .db import Handoff
from .items import NotVisible
from .users import User

CITIZEN = "citizen"  # closed_by when the citizen left, not an officer


def utc_naive(moment: datetime) -> datetime:
    """The database keeps naive UTC times, like the rest of the dashboard's tables."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def may_answer(user: User, handoff: Handoff) -> bool:
    return handoff.officer in (None, user.username) or user.role != "officer"


class Handoffs:
    def __init__(self, sessions: sessionmaker):
        self.sessions = sessions

    def open(self, request_id: str, wa_id: str, name: Optional[str], language: str, requested_at: datetime) -> Handoff:
        """Records the bot's request; the same request_id again returns the first record."""
        at = utc_naive(requested_at)
        try:
            with self.sessions.begin() as session:
                handoff = Handoff(request_id=request_id, wa_id=wa_id, name=name, language=language,
                                  requested_at=at, waiting_since=at)
                session.add(handoff)
            return handoff
        except IntegrityError:
            with self.sessions() as session:
                return session.execute(select(Handoff).where(Handoff.request_id == request_id)).scalar_one()

    def citizen_wrote(self, wa_id: str, at: datetime) -> None:
        with self.sessions.begin() as session:
            for handoff in session.execute(self._open_query().where(Handoff.wa_id == wa_id)).scalars():
                handoff.waiting_since = handoff.waiting_since or utc_naive(at)

    def citizen_left(self, wa_id: str, at: datetime) -> int:
        """The citizen went back to the assistant: their open handoffs close; how many."""
        with self.sessions.begin() as session:
            found = list(session.execute(self._open_query().where(Handoff.wa_id == wa_id)).scalars())
            for handoff in found:
                handoff.closed_at, handoff.closed_by, handoff.waiting_since = utc_naive(at), CITIZEN, None
        return len(found)

    def open_ones(self) -> List[Handoff]:
        """Open handoffs, the citizen waiting longest first, then the answered ones."""
        with self.sessions() as session:
            found = list(session.execute(self._open_query()).scalars())
        return sorted(found, key=lambda h: (h.waiting_since is None, h.waiting_since or h.requested_at))

    def get(self, handoff_id: int) -> Handoff:
        with self.sessions() as session:
            handoff = session.get(Handoff, handoff_id)
        if handoff is None:
            raise NotVisible(str(handoff_id))
        return handoff

    def take(self, handoff_id: int, username: str) -> None:
        self._update(handoff_id, officer=username)

    def answered(self, handoff_id: int, username: str) -> None:
        """An officer replied: the citizen no longer waits; the first to answer has it."""
        with self.sessions.begin() as session:
            handoff = session.get(Handoff, handoff_id)
            handoff.waiting_since = None
            handoff.officer = handoff.officer or username

    def close(self, handoff_id: int, username: str) -> None:
        self._update(handoff_id, closed_at=utc_now_naive(), closed_by=username, waiting_since=None)

    def _update(self, handoff_id: int, **values) -> None:
        with self.sessions.begin() as session:
            handoff = session.get(Handoff, handoff_id)
            for key, value in values.items():
                setattr(handoff, key, value)

    @staticmethod
    def _open_query():
        return select(Handoff).where(Handoff.closed_at.is_(None))
