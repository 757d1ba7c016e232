"""The options the bot last offered each user, shared by all workers.

A citizen may answer buttons, a list or a numbered text by typing the
option's number; whichever worker receives that reply looks the options up
here.
"""
from __future__ import annotations

import json
import logging
from typing import Callable, List, Sequence, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from common.clock import utc_now
from jan_seva.whatsapp.numbered_options import Option
from jan_seva.whatsapp.state_db import last_options, run_db

logger = logging.getLogger(__name__)
T = TypeVar("T")


class OptionsStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _replace(self, user_id: str, encoded: str) -> None:
        with self._engine.begin() as connection:
            # delete + insert in one transaction: an upsert without dialect-specific SQL
            connection.execute(delete(last_options).where(last_options.c.user_id == user_id))
            connection.execute(last_options.insert().values(user_id=user_id, options=encoded, updated_at=utc_now()))

    def _remember(self, user_id: str, options: Sequence[Option]) -> None:
        encoded = json.dumps([option.as_dict() for option in options], ensure_ascii=False)
        try:
            self._replace(user_id, encoded)
        except IntegrityError:
            # another worker inserted for this user between our delete and insert
            self._replace(user_id, encoded)

    def _forget(self, user_id: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(last_options).where(last_options.c.user_id == user_id))

    def _recall(self, user_id: str) -> List[Option]:
        with self._engine.connect() as connection:
            stored = connection.execute(
                select(last_options.c.options).where(last_options.c.user_id == user_id)
            ).scalar()
        return [Option.from_dict(item) for item in json.loads(stored)] if stored else []

    # Best effort: without the database a typed number is read as plain text,
    # but the conversation goes on.
    async def remember(self, user_id: str, options: Sequence[Option]) -> None:
        await self._best_effort(lambda: self._remember(user_id, options), None)

    async def forget(self, user_id: str) -> None:
        await self._best_effort(lambda: self._forget(user_id), None)

    async def recall(self, user_id: str) -> List[Option]:
        return await self._best_effort(lambda: self._recall(user_id), [])

    @staticmethod
    async def _best_effort(operation: Callable[[], T], fallback: T) -> T:
        try:
            return await run_db(operation)
        except SQLAlchemyError:
            logger.exception("WhatsApp options store unavailable")
            return fallback
