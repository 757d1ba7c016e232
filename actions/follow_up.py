"""Follow-ups that name no number act on what the conversation is about
(actions/subject.py): "kab tak milega?" after an application's status, "us
shikayat ka kya hua" after a complaint. The item a message means: the number
it names, else the subject of the kind it speaks of, else the subject last
talked about."""
from __future__ import annotations

from typing import List, Optional, Text

from actions.answer_action import AnswerAction
from actions.subject import APPLICATION, COMPLAINT, last_item, subject_of
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import content, pick
from common.words import mentions

APPEAL_TOPIC = "lok_seva_guarantee"  # actions/content/information.yml: where and when to appeal


def item_meant(talk: Talk, kind: Optional[str] = None) -> Optional[dict]:
    """{"kind", "id"} of the item meant, or None; `kind` is what the NLU took the message to be about."""
    message = talk.message
    for wanted, entity in ((APPLICATION, "application_id"), (COMPLAINT, "complaint_id")):
        number = message.tracking_number(entity)
        if number:
            return {"kind": wanted, "id": number}
    other = _the_other_item(talk) if mentions(message.typed, "other_item_words") else None
    if other:
        return other
    by_service = _application_for_service(talk)
    if by_service:
        return {"kind": APPLICATION, "id": by_service}
    about_complaints = kind == COMPLAINT or mentions(message.typed, "complaint_words") or \
        subject_of(talk.tracker).get("last") == COMPLAINT
    by_category = _complaint_for_category(talk) if about_complaints else None
    if by_category:
        return {"kind": COMPLAINT, "id": by_category}
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


def _own_applications(talk: Talk) -> List[dict]:
    """The citizen's applications, as the Lok Seva API lists them (newest first)."""
    from actions.clients.lokseva import LokSevaClient
    from actions.lok_seva.citizen import ALL_OF_THEM, applications_of
    return applications_of(LokSevaClient(), talk.sender_id, page_size=ALL_OF_THEM)["items"]


def _own_complaints(talk: Talk) -> List[dict]:
    """The citizen's complaints, newest first (none when the 311 system cannot tell)."""
    from actions.complaints.backend import open311
    from actions.complaints.status import own_complaints
    from actions.complaints.views import newest_first
    return newest_first(own_complaints(open311(), talk) or [])


def _application_for_service(talk: Talk) -> Optional[str]:
    """"जाति वाला कब तक बनेगा" after a list of applications: the citizen's latest one for that service."""
    service = talk.message.entity("service")
    if not service or mentions(talk.message.typed, "complaint_words"):
        return None
    return next((item["application_id"] for item in _own_applications(talk) if item["service"]["code"] == service),
                None)


def _the_other_item(talk: Talk) -> Optional[dict]:
    """"aur dusri wali?" after one item's status: the citizen's newest other item of that kind."""
    from actions.clients.errors import BackendRejected
    from common.backend_call import BackendUnavailable
    shown = last_item(talk.tracker)
    if shown is None:
        return None
    try:
        numbers = [item["application_id"] for item in _own_applications(talk)] if shown["kind"] == APPLICATION \
            else [view["service_request_id"] for view in _own_complaints(talk)]
    except (BackendUnavailable, BackendRejected):
        return None
    other = next((number for number in numbers if number != shown["id"]), None)
    return {"kind": shown["kind"], "id": other} if other else None


def _complaint_for_category(talk: Talk) -> Optional[str]:
    """"paani wali ka kya hua": the citizen's latest complaint of the problem named, if any is named."""
    from actions.clients.errors import BackendRejected
    from actions.complaints.categories import category_meant
    from common.backend_call import BackendUnavailable
    try:
        category = category_meant(talk.message.typed, None)
        views = _own_complaints(talk) if category else []
    except (BackendUnavailable, BackendRejected):
        return None
    matching = [view for view in views if view.get("service_code") == category]
    return matching[0]["service_request_id"] if matching else None


def asks_for_all(talk: Talk) -> bool:
    """"मेरे सभी आवेदन", "my complaints": the list, not the item last talked about."""
    return mentions(talk.message.typed, "all_items_words") and not (
        talk.message.tracking_number("application_id") or talk.message.tracking_number("complaint_id"))


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


def follow_up(talk: Talk, task: Optional[Task] = None) -> None:
    """A question about the item just talked about: its certificate when asked to send it, else its
    status, which tells the due date, what the officer asked for and what can be done next."""
    from actions.lok_seva.certificates import certificate
    item = item_meant(talk)
    if item is not None and item["kind"] == APPLICATION and mentions(talk.message.typed, "send_words"):
        certificate(talk, task)
    elif item is not None and mentions(talk.message.typed, "submit") and not mentions(talk.message.typed, "send_words"):
        talk.say("general.already_done", number=item["id"])  # "haan darj karo" again, right after it was done
    elif item is not None and item["kind"] == COMPLAINT and mentions(talk.message.typed, "photo_words"):
        talk.say("complaints.texts.send_photo_here", complaint_id=item["id"])  # it joins the complaint
    elif item is not None and item["kind"] == APPLICATION and mentions(talk.message.typed, "appeal_words"):
        _how_to_appeal(talk)  # "can I appeal?" after a rejection or a delay: the Act's appeal route
    else:
        when_ready(talk, task)


def _how_to_appeal(talk: Talk) -> None:
    talk.say_text(pick(content("information")[APPEAL_TOPIC], talk.language), key=f"information.{APPEAL_TOPIC}")


class ActionFollowUp(AnswerAction):
    """Chosen by jan_seva/policies/follow_up_policy.py."""

    def name(self) -> Text:
        return "action_follow_up"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        follow_up(talk, task)
