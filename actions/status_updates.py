"""Tells the citizen that an officer changed their application or complaint.

The officers' dashboard triggers EXTERNAL_status_changed with the entities
record_kind (application | complaint), record_id and new_status. The new
status is told at once; what it brings (a rejection's reason, the documents
asked for, the certificate, the after-photo and "is it really fixed?") is
fetched from the backend, and left out if the backend cannot answer now.
The item becomes what the conversation is about, so "kab tak?" follows it.
"""
from __future__ import annotations

import logging
from typing import Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient
from actions.complaints.updates import tell_complaint_update
from actions.lok_seva.updates import tell_application_update
from actions.subject import remember
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import content, pick
from common.backend_call import BackendUnavailable

log = logging.getLogger(__name__)
KINDS = ("application", "complaint")


class ActionAnnounceStatusChange(AnswerAction):
    def name(self) -> Text:
        return "action_announce_status_change"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        message = talk.message
        kind, number = message.entity("record_kind"), message.entity("record_id")
        status = str(message.entity("new_status") or "")
        if kind not in KINDS or not number:
            return  # not from the dashboard: nothing to tell
        label = pick(content("status_updates")["labels"].get(status), talk.language) or status.replace("_", " ")
        talk.say(f"status_updates.{kind}", id=number, status=label)
        remember(talk, **{kind: str(number)})
        try:
            if kind == "application":
                tell_application_update(talk, LokSevaClient(), str(number), status)
            else:
                tell_complaint_update(talk, str(number))
        except (BackendRejected, BackendUnavailable) as error:
            # The status itself is told; the rest the citizen gets by asking for the status.
            log.warning("details of %s %s not told: %s", kind, number, error)
