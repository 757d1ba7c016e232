"""After a resolution: the citizen confirms it is fixed (then rates 1-5) or reopens it.

The buttons carry the complaint number (`/affirm{"complaint_id": …}`,
`/deny{"complaint_id": …}`, `/inform{"rating": "4", "complaint_id": …}`), so
each answer stands on its own, even days after the question; typed right under
the question, an answer acts on the complaint talked about."""
from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from typing import Any, Dict, Optional, Text

from actions.answer_action import AnswerAction
from actions.complaints.citizen import phone_of
from actions.complaints.content import buttons
from actions.complaints.delivery import deliver
from actions.complaints.operations import update_payload
from actions.complaints.telling import tell
from actions.subject import COMPLAINT, subject_of
from actions.tasks.state import Task
from actions.tasks.talk import Talk

RATINGS = range(1, 6)


def complaint_meant(talk: Talk) -> Optional[str]:
    """The number a button carries, else (typed under "is it really fixed?") the complaint talked about."""
    return talk.message.tracking_number("complaint_id") or subject_of(talk.tracker).get(COMPLAINT)


class ActionComplaintFixed(AnswerAction):
    def name(self) -> Text:
        return "action_complaint_fixed"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        number = complaint_meant(talk)
        if number:
            talk.say("complaints.texts.ask_rating", buttons=buttons("rating", talk.language, complaint_id=number))
        else:
            talk.say("complaints.texts.not_accepted")


class ComplaintUpdate(AnswerAction, ABC):
    """Sends one update about an existing complaint (now or through the outbox)."""

    operation = ""

    def name(self) -> Text:
        return f"action_{self.operation}_complaint"

    @abstractmethod
    def extra(self, talk: Talk) -> Optional[Dict[str, Any]]:
        """Operation-specific payload fields; None when the message lacks them."""

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        number, extra = complaint_meant(talk), self.extra(talk)
        if not number or extra is None:
            talk.say("complaints.texts.not_accepted")
            return
        payload = update_payload(self.operation, number, phone_of(talk.sender_id), talk.language, **extra)
        outcome = deliver(talk.sender_id, talk.language, payload, f"{self.operation}-{uuid.uuid4().hex}")
        tell(talk, outcome, self.operation)


class ActionReopenComplaint(ComplaintUpdate):
    operation = "reopen"

    def extra(self, talk: Talk) -> Optional[Dict[str, Any]]:
        return {}


class ActionRateComplaint(ComplaintUpdate):
    operation = "rate"

    def extra(self, talk: Talk) -> Optional[Dict[str, Any]]:
        value = str(talk.message.entity("rating") or "")
        return {"rating": int(value)} if value.isdigit() and int(value) in RATINGS else None
