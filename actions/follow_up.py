"""Follow-ups that name no number act on what the conversation is about
(actions/subject.py): "kab tak milega?" after an application's status, "us
shikayat ka kya hua" after a complaint. The item a message means: the number
it names, else the subject of the kind it speaks of, else the subject last
talked about."""
from __future__ import annotations

from typing import Optional

from actions.subject import APPLICATION, COMPLAINT, last_item, subject_of
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.words import mentions


def item_meant(talk: Talk, kind: Optional[str] = None) -> Optional[dict]:
    """{"kind", "id"} of the item meant, or None; `kind` is what the NLU took the message to be about."""
    message = talk.message
    for wanted, entity in ((APPLICATION, "application_id"), (COMPLAINT, "complaint_id")):
        number = message.tracking_number(entity)
        if number:
            return {"kind": wanted, "id": number}
    subject = subject_of(talk.tracker)
    said = APPLICATION if mentions(message.typed, "application_words") else \
        COMPLAINT if mentions(message.typed, "complaint_words") else None
    if said and subject.get(said):
        return {"kind": said, "id": subject[said]}
    if said:
        return None
    last = last_item(talk.tracker)
    if last is not None:
        return last
    return {"kind": kind, "id": subject[kind]} if kind and subject.get(kind) else None


def asks_when(talk: Talk) -> bool:
    """"kab tak?", "kitne din lagenge", "when": a question about an item's time, if there is an item."""
    return mentions(talk.message.typed, "when_words") and item_meant(talk) is not None


def when_ready(talk: Talk, task: Optional[Task] = None) -> None:
    """"kab tak?": the status of the item meant, which tells its due date (or that it is overdue and how to appeal)."""
    from actions.complaints.status import show_complaint
    from actions.lok_seva.status import show_status
    item = item_meant(talk)
    if item is None:
        talk.say("general.which_item")
    elif item["kind"] == APPLICATION:
        show_status(talk, item["id"])
    else:
        show_complaint(talk, item["id"])
