"""A new request said in the same message as a status question ("LS-2026-000147 ka status batao aur ek
naya income certificate bhi banwana h"): after the status, that request is started."""
from __future__ import annotations

from typing import Optional

from actions.subject import subject_now
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.words import mentions


def start_request_said_too(talk: Talk, task: Optional[Task]) -> None:
    """Starts the application or complaint the message also asks for, when none is being filled in and it
    names another service (or problem) than the item just shown."""
    from actions.tasks.action import start_kind
    message = talk.message
    if task is not None or not mentions(message.typed, "new_request_words"):
        return
    shown = subject_now(talk)
    service, category = message.entity("service"), message.entity("complaint_category")
    if service and service != shown.get("service"):
        start_kind(talk, "application")
    elif category and not service:
        start_kind(talk, "complaint")
