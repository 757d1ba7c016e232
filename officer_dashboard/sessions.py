"""Officers' sessions kept server-side: the signed cookie holds only a random token, and a
session is valid while its row exists and has not expired. Logging out deletes the row."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Callable, Optional

from sqlalchemy import delete, select
from sqlalchemy.orm import sessionmaker

from common.clock import utc_now_naive

from .db import OfficerSession

LIFETIME = timedelta(hours=8)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SessionStore:
    def __init__(self, sessions: sessionmaker, clock: Callable[[], datetime] = utc_now_naive):
        self.sessions = sessions
        self._clock = clock  # naive UTC, as every time in the dashboard's tables

    def start(self, username: str) -> str:
        """A new session's token; expired sessions of anyone are dropped on the way."""
        now = self._clock()
        token = secrets.token_urlsafe(32)
        with self.sessions.begin() as session:
            session.execute(delete(OfficerSession).where(OfficerSession.expires_at <= now))
            session.add(OfficerSession(token_hash=_hash(token), username=username, created_at=now,
                                       expires_at=now + LIFETIME))
        return token

    def username_of(self, token: Optional[str]) -> Optional[str]:
        if not token:
            return None
        query = select(OfficerSession.username).where(OfficerSession.token_hash == _hash(token),
                                                      OfficerSession.expires_at > self._clock())
        with self.sessions() as session:
            return session.execute(query).scalar_one_or_none()

    def end(self, token: Optional[str]) -> None:
        if token:
            with self.sessions.begin() as session:
                session.execute(delete(OfficerSession).where(OfficerSession.token_hash == _hash(token)))
