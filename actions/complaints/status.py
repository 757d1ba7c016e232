"""check_complaint_status: one complaint by its number (or the one the
conversation is about), or the citizen's own list.

Someone else's complaint shows only its stage and expected date. A resolved
complaint of the citizen's own that is not rated yet ends with the question
whether it is really fixed (buttons: confirm -> rating, or reopen; see
feedback.py)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.errors import BackendRejected
from actions.clients.open311 import FeatureUnavailable, Open311Client
from actions.complaints.backend import open311
from actions.complaints.citizen import phone_of
from actions.complaints.content import buttons, status_label
from actions.complaints.telling import KNOWN_IDS_SLOT
from actions.complaints.views import extended, is_closed, list_line, newest_first, status_message, status_of
from actions.complaints.when import spoken_datetime
from actions.follow_up import asks_for_all, item_meant
from actions.second_request import start_request_said_too
from actions.subject import APPLICATION, COMPLAINT, remember
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.backend_call import BackendUnavailable

MAX_LISTED = 10  # a WhatsApp list holds ten rows


def own_complaints(client: Open311Client, talk: Talk) -> Optional[List[Dict[str, Any]]]:
    """The citizen's complaints (filed or joined) by phone; None when the 311 system cannot tell."""
    phone = phone_of(talk.sender_id)
    if not phone:
        return None
    try:
        return client.my_requests(phone, talk.language)
    except FeatureUnavailable:
        return None


def _role(client: Open311Client, talk: Talk, number: str) -> Optional[str]:
    """complainant | supporter | None (not the citizen's complaint)."""
    own = own_complaints(client, talk)
    if own is None:
        return "complainant" if number in (talk.slot(KNOWN_IDS_SLOT) or []) else None
    return next((view.get("role") or "complainant" for view in own if view.get("service_request_id") == number), None)


def _awaits_feedback(view: Mapping[str, Any], role: Optional[str]) -> bool:
    return role is not None and is_closed(view) and "rating" in extended(view) and extended(view)["rating"] is None


def show_complaint(talk: Talk, number: str) -> None:
    client = open311()
    view = client.request(number, talk.language)
    if view is None:
        talk.say("complaints.texts.status_not_found", complaint_id=number)
        return
    role = _role(client, talk, number)
    now = datetime.now(timezone.utc)
    if role is None:
        talk.say("complaints.texts.status_limited", complaint_id=number,
                 status=status_label(status_of(view), talk.language),
                 expected=spoken_datetime(view.get("expected_datetime"), talk.language, now) or "-")
    else:
        talk.say_text(status_message(view, talk.language, now), key="complaints.texts.status")
    if _awaits_feedback(view, role):
        talk.say("complaints.texts.ask_fixed", buttons=buttons("fixed_or_not", talk.language, complaint_id=number))
    # "kab tak?" next asks about this one too; what is shown of it is checked against its owner each time
    remember(talk, complaint=number)


def _own_list(talk: Talk) -> None:
    client = open311()
    views = own_complaints(client, talk)
    if views is None:  # fall back on the numbers this conversation registered
        known = talk.slot(KNOWN_IDS_SLOT) or []
        if not known:
            talk.say("complaints.texts.ask_complaint_number")
            return
        views = client.requests(talk.language, ids=known)
    if not views:
        talk.say("complaints.texts.no_complaints", buttons=buttons("register", talk.language))
    elif len(views) == 1:
        show_complaint(talk, views[0]["service_request_id"])
    else:
        now = datetime.now(timezone.utc)
        listed = newest_first(views)[:MAX_LISTED]
        lines = [talk.text("complaints.texts.my_complaints")] + [list_line(view, talk.language, now) for view in listed]
        lines.append(talk.text("complaints.texts.choose_complaint"))
        choices = [{"title": view["service_request_id"],
                    "payload": talk.payload("check_complaint_status", complaint_id=view["service_request_id"])}
                   for view in listed]
        talk.say_text("\n".join(lines), key="complaints.texts.my_complaints", buttons=choices)
        remember(talk, complaint=listed[0]["service_request_id"])  # "paani wali ka kya hua" follows a list


def complaint_status(talk: Talk, task: Optional[Task] = None) -> None:
    item = None if asks_for_all(talk) else item_meant(talk, COMPLAINT)
    try:
        if item is not None and item["kind"] == APPLICATION:
            from actions.lok_seva.status import show_status
            show_status(talk, item["id"])
        elif item is not None:
            show_complaint(talk, item["id"])
        else:
            _own_list(talk)
    except (BackendUnavailable, BackendRejected):
        talk.say("complaints.texts.system_unavailable")


class ActionComplaintStatus(AnswerAction):
    def name(self) -> Text:
        return "action_complaint_status"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        complaint_status(talk, task)
        start_request_said_too(talk, task)
