"""What request handlers need from the application: settings, profile, a session, the language."""
from __future__ import annotations

from typing import Iterator, Optional

from fastapi import Query, Request
from sqlalchemy.orm import Session

from .config import Settings
from .errors import BadRequest
from .profile import Profile


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_profile(request: Request) -> Profile:
    return request.app.state.profile


def db_session(request: Request) -> Iterator[Session]:
    session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.close()


def checked_locale(profile: Profile, locale: Optional[str]) -> str:
    if not locale:  # absent or empty: an empty optional argument counts as absent
        return profile.default_locale
    if locale not in profile.locales:
        raise BadRequest(f"locale must be one of {', '.join(profile.locales)}")
    return locale


def get_locale(request: Request, locale: Optional[str] = Query(None, description="language of names and texts, e.g. hi or en")) -> str:
    return checked_locale(get_profile(request), locale)
