"""What the conversation is about: the application, complaint and service
last talked about (slot `subject`), so that a follow-up acts on them ("kab
tak milega?", "iska certificate bhej do", "us shikayat ka kya hua")."""
from __future__ import annotations

from typing import Any, Dict, Optional

from common.last_turn import slot_set_within

SUBJECT_SLOT = "subject"
APPLICATION, COMPLAINT = "application", "complaint"


def subject_of(tracker: Any) -> Dict[str, Any]:
    value = tracker.get_slot(SUBJECT_SLOT)
    return dict(value) if isinstance(value, dict) else {}


def last_item(tracker: Any) -> Optional[Dict[str, str]]:
    """The application or complaint talked about last: {"kind", "id"}."""
    subject = subject_of(tracker)
    kind = subject.get("last")
    return {"kind": kind, "id": subject[kind]} if kind in (APPLICATION, COMPLAINT) and subject.get(kind) else None


def recent_item(tracker: Any, turns: int) -> Optional[Dict[str, str]]:
    """The item talked about last, when the bot noted it within the citizen's last `turns` messages
    (a photo right after a complaint is registered belongs to it; one sent days later does not)."""
    return last_item(tracker) if slot_set_within(tracker.events, SUBJECT_SLOT, turns) else None


def subject_now(talk: Any) -> Dict[str, Any]:
    """The subject with this turn's notes so far."""
    subject = subject_of(talk.tracker)
    for event in talk.events:
        if event.get("name") == SUBJECT_SLOT and isinstance(event.get("value"), dict):
            subject = dict(event["value"])
    return subject


def remember(talk: Any, application: Optional[str] = None, complaint: Optional[str] = None,
             service: Optional[str] = None) -> None:
    """Notes what was just talked about (on top of what the slot held, and of earlier notes this turn)."""
    subject = subject_now(talk)
    if application:
        subject.update({APPLICATION: application, "last": APPLICATION})
    if complaint:
        subject.update({COMPLAINT: complaint, "last": COMPLAINT})
    if service:
        subject["service"] = service
    talk.set_slot(SUBJECT_SLOT, subject)
