"""Officer actions: carried out in the backend, written to the audit log, and told to the citizen."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from common.backend_call import BackendError

from .assignments import Assignments
from .audit import AuditLog
from .backends import LokSevaClient, Open311Client
from .complaint_actions import allowed_complaint_actions
from .items import Items, NotVisible
from .notify import Notifier
from .texts import message, texts
from .users import User

NOTE = "note"  # a note stays in the dashboard's audit log; the backend is not called
Item = Dict[str, Any]


@dataclass(frozen=True)
class Kind:
    """How to read an item of one backend."""

    name: str
    ident: Callable[[Item], str]
    status: Callable[[Item], str]
    citizens: Callable[[Item], List[str]]  # WhatsApp ids told of its changes
    department: Callable[[Item], Optional[str]]  # the backend's: what a department head's audit log shows

    def action_label(self, action: str) -> str:
        return texts()[f"{self.name}_actions"].get(action, action)

    def status_label(self, status: str) -> str:
        return texts()[f"{self.name}_statuses"].get(status, status)


def _wa_ids_of_phones(*phones: Optional[str]) -> List[str]:
    """The 311 API keeps E.164 (+919827012345); a WhatsApp id is the same digits without the plus."""
    return list(dict.fromkeys(phone.lstrip("+") for phone in phones if phone))


def _complaint_citizens(item: Item) -> List[str]:
    """Whoever filed the complaint, then whoever joined it."""
    contact = item.get("contact") or {}
    return _wa_ids_of_phones(contact.get("phone"), *(contact.get("supporter_phones") or []))


APPLICATION = Kind("application", lambda item: item["application_id"], lambda item: item["status"],
                   lambda item: [wa_id] if (wa_id := item["applicant"].get("wa_id")) else [],
                   lambda item: (item.get("department") or {}).get("en"))
COMPLAINT = Kind("complaint", lambda item: item["service_request_id"],
                 lambda item: item["extended_attributes"]["internal_status"],
                 _complaint_citizens,
                 lambda item: item["extended_attributes"]["department"]["code"])
KINDS = {kind.name: kind for kind in (APPLICATION, COMPLAINT)}  # Items has a method of each name


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

    def application_actions(self, application: Item) -> List[str]:
        """What the officer may do now: the Lok Seva API says which actions its status allows."""
        return list(application["allowed_actions"]) + [NOTE]

    def complaint_actions(self, complaint: Item) -> List[str]:
        return allowed_complaint_actions(complaint, self.open311.top_levels()) + [NOTE]

    def on_application(self, user: User, application_id: str, action: str, note: Optional[str]) -> Result:
        before = self.items.application(user, application_id)
        self._check_allowed(APPLICATION, before, action, self.application_actions(before))
        reason = note if action == "reject" else None

        def call() -> Item:
            # The officer's name, not the login: the certificate prints it above the designation.
            return self.lokseva.act(application_id, action, user.name, note=None if reason else note, reason=reason)

        return self._act(user, APPLICATION, before, action, note, call)

    def on_complaint(self, user: User, request_id: str, action: str, note: Optional[str],
                     after_photo_url: Callable[[], Optional[str]] = lambda: None) -> Result:
        """`after_photo_url` publishes a resolution's after-photo: only once resolving is allowed."""
        before = self.items.complaint(user, request_id)
        calls: Dict[str, Callable[[], Item]] = {
            "acknowledge": lambda: self.open311.set_status(request_id, "acknowledged", note),
            "start_work": lambda: self.open311.set_status(request_id, "in_progress", note),
            "close": lambda: self.open311.set_status(request_id, "closed", note),
            "resolve": lambda: self.open311.resolve(request_id, note, after_photo_url()),
            "escalate": lambda: self.open311.escalate(request_id, note),
        }
        if action != NOTE and action not in calls:
            raise ActionRefused(message("unknown_action", action=action))
        self._check_allowed(COMPLAINT, before, action, self.complaint_actions(before))
        return self._act(user, COMPLAINT, before, action, note, calls.get(action))

    @staticmethod
    def _check_allowed(kind: Kind, item: Item, action: str, allowed: List[str]) -> None:
        """The page may be older than the item's status: say so plainly rather than ask the backend."""
        if action not in allowed:
            raise ActionRefused(message("not_allowed", action=kind.action_label(action), kind=kind.name,
                                        status=kind.status_label(kind.status(item))))

    def assign(self, user: User, kind: str, item_id: str, assignee: User) -> None:
        """Gives the item to an officer who may see it (the caller checks that `user` may assign)."""
        fetch = getattr(self.items, kind)
        item = fetch(user, item_id)
        try:
            fetch(assignee, item_id)
        except NotVisible:
            raise ActionRefused(message("cannot_assign", name=assignee.username)) from None
        self.assignments.assign(kind, item_id, assignee.username, user.username)
        self.audit.record(user, kind, item_id, "assign", assignee.username, "ok",
                          item_department=KINDS[kind].department(item))

    def _act(self, user: User, kind: Kind, before: Item, action: str, note: Optional[str],
             call: Optional[Callable[[], Item]]) -> Result:
        item_id, department = kind.ident(before), kind.department(before)
        if action == NOTE or call is None:
            self.audit.record(user, kind.name, item_id, NOTE, note, "ok", item_department=department)
            return Result(status=None)
        try:
            after = call()
        except BackendError:
            self.audit.record(user, kind.name, item_id, action, note, "failed", item_department=department)
            raise
        status = kind.status(after)
        self.audit.record(user, kind.name, item_id, action, note, "ok", status, department)
        if status != kind.status(before):
            told = [self.notifier.status_changed(citizen, kind.name, item_id, status) for citizen in kind.citizens(after)]
            return Result(status, all(told))
        return Result(status)
