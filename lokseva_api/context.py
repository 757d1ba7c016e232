"""What every request handler shares: settings, reference data, database
sessions, file store and clock (app.state.ctx)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from common.clock import india_today

from . import links
from .clock import Clock
from .errors import ApiError
from .file_store import FileStore
from .pdf.fonts import FontSet, FontsMissing, find_fonts
from .reference import ReferenceData
from .settings import Settings


@dataclass
class ApiContext:
    settings: Settings
    ref: ReferenceData
    sessions: sessionmaker
    store: FileStore
    clock: Clock

    def today(self) -> date:
        """Today in India."""
        return india_today(self.clock)

    def fonts(self) -> FontSet:
        try:
            return find_fonts(self.settings.font_dir)
        except FontsMissing as missing:
            raise ApiError(503, "fonts_missing") from missing

    def url(self, path: str) -> str:
        return f"{self.settings.public_url}{path}"

    def signed_url(self, path: str) -> str:
        """A link anyone holding it may fetch for a while (WhatsApp fetches documents by link)."""
        return f"{self.url(path)}?{links.signed_query(self.settings.link_secret, path, self.clock())}"


def get_ctx(request: Request) -> ApiContext:
    return request.app.state.ctx


def get_session(ctx: ApiContext = Depends(get_ctx)) -> Iterator[Session]:
    with ctx.sessions() as session:
        yield session
