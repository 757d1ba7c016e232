"""Tells the citizen about a submission the outbox worker settled later:
the worker triggers EXTERNAL_<kind>_submitted (entities: the result) or
EXTERNAL_<kind>_failed (entities: error_code, message_hi, message_en)."""
from __future__ import annotations

import re
from typing import Optional, Text

from actions.answer_action import AnswerAction
from actions.lok_seva.announcements import ANNOUNCERS, announce, announce_failure
from actions.tasks.state import Task
from actions.tasks.talk import Talk

_EXTERNAL_INTENT = re.compile(r"EXTERNAL_(?P<kind>\w+)_(?P<outcome>submitted|failed)")


class ActionAnnounceSubmission(AnswerAction):
    def name(self) -> Text:
        return "action_announce_submission"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        match = _EXTERNAL_INTENT.fullmatch(talk.message.intent)
        if match is None or match.group("kind") not in ANNOUNCERS:
            return
        values = {item["entity"]: item["value"] for item in talk.message.entities}
        if match.group("outcome") == "submitted":
            announce(talk, match.group("kind"), values)
        else:
            announce_failure(talk, match.group("kind"), values)
