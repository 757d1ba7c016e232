"""Notices the channel adds after the bot's answer, once per citizen: the
privacy notice at the first message, and the advice not to type a full
Aadhaar number the first time one was masked (texts: data/notices.yml).

"Sent once" is kept as a hash of the citizen's id and the notice: nothing
here keeps the phone number itself."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from sqlalchemy.engine import Engine

from common.clock import utc_now
from jan_seva.whatsapp.data_files import load_data
from jan_seva.whatsapp.outbound import text_contents
from jan_seva.whatsapp.state_db import citizen_key, insert_once, notices_sent, run_db

PRIVACY, AADHAAR = "privacy", "aadhaar"
NOTICES = (PRIVACY, AADHAAR)


class Notices:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._texts: Dict[str, Dict[str, str]] = load_data("notices")

    async def _first_time(self, sender_id: str, notice: str) -> bool:
        return await run_db(lambda: insert_once(self._engine, notices_sent, key=citizen_key(sender_id, notice), sent_at=utc_now()))

    async def due(self, sender_id: str, redacted: bool, language: Optional[str]) -> List[Dict[str, Any]]:
        """The notices to send now (as Graph contents), each marked sent."""
        due = []
        for notice, wanted in ((AADHAAR, redacted), (PRIVACY, True)):
            if wanted and await self._first_time(sender_id, notice):
                due += [{**content, "biz_opaque_callback_data": f"notice.{notice}"}
                        for content in text_contents(self._texts[notice][language or "hi"])]
        return due
