"""Officer actions: carried out in the backend, written to the audit log, and told to the citizen."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

from .assignments import Assignments
from .audit import AuditLog
from .backends import BackendError, LokSevaClient, Open311Client
from .items import Items, NotVisible
from .notify import Notifier
from .texts import message
from .users import User

NOTE = "note"  # a note stays in the dashboard's audit log; the backend is not called
Item = Dict[str, Any]


@dataclass(frozen=True)
class Kind:
    """How to read an item of one backend."""

    name: str
    ident: Callable[[Item], str]
    status: Callable[[Item], str]
    wa_id: Callable[[Item], Optional[str]]


def _wa_id_of_phone(phone: Optional[str]) -> Optional[str]:
    """The 311 API keeps E.164 (+919827012345); a WhatsApp id is the same digits without the plus."""
    return phone.lstrip("+") if phone else None


APPLICATION = Kind("application", lambda item: item["application_id"], lambda item: item["status"],
                   lambda item: item["applicant"].get("wa_id"))
COMPLAINT = Kind("complaint", lambda item: item["service_request_id"],
                 lambda item: item["extended_attributes"]["internal_status"],
                 lambda item: _wa_id_of_phone((item.get("contact") or {}).get("phone")))


class ActionRefused(Exception):
    """The dashboard itself refuses the action; the message is for the officer."""


@dataclass(frozen=True)
class Result:
    status: Optional[str]  # None for a note
    notified: bool = True


class Workflow:
    def __init__(self, items: Items, lokseva: LokSevaClient, open311: Open311Client, audit: AuditLog,
                 notifier: Notifier, assignments: Assignments):
        self.items = items
        self.lokseva = lokseva
        self.open311 = open311
        self.audit = audit
        self.notifier = notifier
        self.assignments = assignments

    def on_application(self, user: User, application_id: str, action: str, note: Optional[str]) -> Result:
        before = self.items.application(user, application_id)
        reason = note if action == "reject" else None

        def call() -> Item:
            return self.lokseva.act(application_id, action, user.username, note=None if reason else note, reason=reason)

        return self._act(user, APPLICATION, before, action, note, call)

    def on_complaint(self, user: User, request_id: str, action: str, note: Optional[str],
                     after_photo_url: Optional[str] = None) -> Result:
        before = self.items.complaint(user, request_id)
        calls: Dict[str, Callable[[], Item]] = {
            "acknowledge": lambda: self.open311.set_status(request_id, "acknowledged", note),
            "start_work": lambda: self.open311.set_status(request_id, "in_progress", note),
            "close": lambda: self.open311.set_status(request_id, "closed", note),
            "resolve": lambda: self.open311.resolve(request_id, note, after_photo_url),
            "escalate": lambda: self.open311.escalate(request_id, note),
        }
        if action != NOTE and action not in calls:
            raise ActionRefused(message("unknown_action", action=action))
        return self._act(user, COMPLAINT, before, action, note, calls.get(action))

    def assign(self, user: User, kind: str, item_id: str, assignee: User) -> None:
        """Gives the item to an officer who may see it (the caller checks that `user` may assign)."""
        fetch = {APPLICATION.name: self.items.application, COMPLAINT.name: self.items.complaint}[kind]
        fetch(user, item_id)
        try:
            fetch(assignee, item_id)
        except NotVisible:
            raise ActionRefused(message("cannot_assign", name=assignee.username)) from None
        self.assignments.assign(kind, item_id, assignee.username, user.username)
        self.audit.record(user, kind, item_id, "assign", assignee.username, "ok")

    def _act(self, user: User, kind: Kind, before: Item, action: str, note: Optional[str],
             call: Optional[Callable[[], Item]]) -> Result:
        item_id = kind.ident(before)
        if action == NOTE or call is None:
            self.audit.record(user, kind.name, item_id, NOTE, note, "ok")
            return Result(status=None)
        try:
            after = call()
        except BackendError:
            self.audit.record(user, kind.name, item_id, action, note, "failed")
            raise
        status = kind.status(after)
        self.audit.record(user, kind.name, item_id, action, note, "ok", status)
        citizen = kind.wa_id(after)
        if citizen and status != kind.status(before):
            return Result(status, self.notifier.status_changed(citizen, kind.name, item_id, status))
        return Result(status)
