"""`python -m officer_dashboard.escalation`: escalates overdue work on a schedule.

Every ESCALATION_INTERVAL_S (default 300) seconds one pass (`run_once`):
- an open complaint past its SLA goes one level up its department's ladder (311 operator API),
  again only after another SLA period since its last escalation, never past the top level;
- an application past its due date undecided goes to the first appellate officer of its
  service (Lok Seva API), once.
Each escalation is written to the dashboard's audit log (user "sla") and told to the citizen
on WhatsApp. Run one such process per deployment; the backends refuse doubles anyway.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional

from common.backend_call import BackendError
from common.periodic import run_every

from .audit import AuditLog
from .backends import LokSevaClient, Open311Client
from .complaint_actions import at_top_level
from .context import Dashboard
from .notify import Notifier
from .settings import Settings
from .texts import message
from .users import User
from .workflow import APPLICATION, COMPLAINT, Kind

log = logging.getLogger("officer_dashboard.escalation")
DEFAULT_INTERVAL_S = 300.0
ESCALATED = "escalated"  # the label the citizen's message uses (actions/content/status_updates.yml)
# Who the audit log names for what this process does; not an account: nobody logs in as it.
SLA_USER = User(username="sla", name="SLA escalation", role="system", department=None, password_hash="")


def complaint_escalation_due(complaint: Dict[str, Any], now: datetime) -> bool:
    """Open, past its expected time, and (if escalated before) a full SLA period since then."""
    ext = complaint["extended_attributes"]
    if complaint["status"] != "open" or not ext.get("sla_hours"):
        return False
    due = datetime.fromisoformat(complaint["expected_datetime"])
    escalations = [datetime.fromisoformat(note["datetime"]) for note in complaint.get("notes", [])
                   if note["type"] == ESCALATED]
    if escalations:
        due = max(due, max(escalations) + timedelta(hours=ext["sla_hours"]))
    return now > due


@dataclass
class Round:
    """What one pass escalated."""

    complaints: List[str] = field(default_factory=list)
    applications: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class Escalator:
    lokseva: LokSevaClient
    open311: Open311Client
    audit: AuditLog
    notifier: Notifier

    @classmethod
    def from_settings(cls, settings: Settings) -> "Escalator":
        """With the dashboard's own clients, audit log and notifier (the same database)."""
        dashboard = Dashboard.build(settings)
        return cls(dashboard.items.lokseva, dashboard.items.open311, dashboard.audit, dashboard.notifier)

    def complaints(self, now: datetime) -> List[str]:
        top = self.open311.top_levels()
        escalated = []
        for complaint in self.open311.complaints(status="open", order="due"):  # every one, earliest due first
            if at_top_level(complaint, top) or not complaint_escalation_due(complaint, now):
                continue
            note = message("sla_complaint", hours=complaint["extended_attributes"]["sla_hours"])
            # No note to the backend: the citizen reads its own bilingual text for the step.
            if self._escalate(COMPLAINT, complaint, note, lambda: self.open311.escalate(complaint["service_request_id"], None)):
                escalated.append(complaint["service_request_id"])
        return escalated

    def applications(self) -> List[str]:
        overdue: List[Dict[str, Any]] = []
        page = 1
        while True:  # all pages first: escalating takes applications out of the filter
            found = self.lokseva.all_applications(page=page, page_size=100, overdue=True, escalated=False)
            overdue += found["items"]
            if page * found["page_size"] >= found["total"]:
                break
            page += 1
        escalated = []
        for application in overdue:
            number = application["application_id"]
            note = message("sla_application", due_date=application["due_date"])
            if self._escalate(APPLICATION, application, note, lambda: self.lokseva.escalate_to_appellate(number)):
                escalated.append(number)
        return escalated

    def _escalate(self, kind: Kind, item: Dict[str, Any], note: str, call) -> bool:
        item_id = kind.ident(item)
        try:
            after = call()
        except BackendError as error:
            # 409: someone else escalated it meanwhile, or no higher level covers the place.
            (log.info if error.status == 409 else log.warning)("%s %s not escalated: %s", kind.name, item_id,
                                                               error.detail[:200])
            return False
        self.audit.record(SLA_USER, kind.name, item_id, "escalate", note, "ok", kind.status(after),
                          kind.department(after))
        for citizen in kind.citizens(after):
            self.notifier.status_changed(citizen, kind.name, item_id, ESCALATED)
        log.info("%s %s escalated", kind.name, item_id)
        return True


def run_once(escalator: Escalator, now: Optional[datetime] = None) -> Round:
    """One pass over both backends (`now`: the clock, for tests); a backend that cannot be
    reached is skipped until the next pass."""
    now = now or datetime.now(timezone.utc)
    result = Round()
    for name, escalate in (("complaints", lambda: escalator.complaints(now)), ("applications", escalator.applications)):
        try:
            setattr(result, name, escalate())
        except BackendError as error:
            log.warning("%s: pass skipped, backend unavailable: %s", name, error.detail[:200])
    return result


def main() -> None:
    interval_s = float(os.environ.get("ESCALATION_INTERVAL_S", DEFAULT_INTERVAL_S))
    escalator = Escalator.from_settings(Settings.from_env())
    run_every(interval_s, lambda: run_once(escalator), log, "SLA escalation")


if __name__ == "__main__":
    main()
