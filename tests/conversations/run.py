"""Runs conversations against a running system and reports pass rates per
pattern and per script.

    python -m tests.conversations [--set heldout] [--only ID] [--jobs 4]

(the system's addresses come from the same environment variables the
system uses; `make evaluate` runs it against the system it starts).
"""
from __future__ import annotations

import traceback
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from tests.conversations.checks import (
    application_problems,
    complaint_problems,
    question_of,
    turn_problems,
)
from tests.conversations.player import Citizen, Reply
from tests.conversations.script import Conversation, filled
from tests.conversations.world import World, new_wa_id

UPDATE_WAIT_SECONDS = 8
MAX_SAME_QUESTION = 2


@dataclass
class Result:
    conversation: Conversation
    problems: List[str] = field(default_factory=list)
    transcript: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


class Play:
    def __init__(self, conversation: Conversation, world: World, emulator_url: str):
        self.c = conversation
        self.world = world
        self.citizens = {"first": Citizen(emulator_url, new_wa_id(), conversation.profile_name),
                         "second": Citizen(emulator_url, new_wa_id())}
        self.numbers: Dict[str, str] = {}
        self.given_numbers: set = set()
        self.received: List[Reply] = []  # everything the first citizen got
        self.result = Result(conversation)

    def _give(self) -> None:
        wa_id = self.citizens["first"].wa_id
        neighbours = "supporters" in self.c.patterns or bool((self.c.outcome or {}).get("joined"))
        for item in self.c.given:
            (kind, spec), = item.items()
            # the complaint a citizen is offered to join was filed by a neighbour
            owner = new_wa_id() if kind == "complaint" and neighbours else wa_id
            number = (self.world.give_application if kind == "application" else self.world.give_complaint)(owner, spec)
            self.numbers[spec.get("ref", kind)] = number
            self.given_numbers.add(number)

    def _created(self, kind: str) -> Optional[str]:
        wa_id = self.citizens["first"].wa_id
        if kind == "application":
            items = [a["application_id"] for a in self.world.applications(wa_id)]
        else:
            items = [v["service_request_id"] for v in self.world.complaints(wa_id)
                     if v.get("role", "complainant") == "complainant"]
            items += [v["service_request_id"] for v in self.world.complaints(self.citizens["second"].wa_id)
                      if v.get("role", "complainant") == "complainant"]
        new = sorted(set(items) - self.given_numbers)
        return new[-1] if new else None

    def _officer(self, spec: Dict[str, object]) -> None:
        ref = str(spec.get("ref", "last_complaint"))
        number = self.numbers.get(ref) or self._created("application" if "application" in ref else "complaint")
        if number is None:
            self.result.problems.append(f"officer: no item {ref}")
            return
        self.world.officer(number, str(spec["status"]), spec.get("note"))  # type: ignore[arg-type]
        got = self.citizens["first"].collect(UPDATE_WAIT_SECONDS)
        self.received += got
        self.result.transcript.append(f"  [officer {number} -> {spec['status']}] " + " / ".join(r.text[:60] for r in got))

    def play(self) -> Result:
        try:
            self._give()
            last_questions: List[str] = []
            for number, turn in enumerate(self.c.turns, start=1):
                if turn.kind == "officer":
                    self._officer(turn.value)
                    continue
                citizen = self.citizens[turn.who]
                value = filled(turn.value, self.numbers) if isinstance(turn.value, str) else turn.value
                replies = citizen.send(turn.kind, value)
                if turn.who == "first":
                    self.received += replies
                shown = value if turn.kind in ("say", "tap") else f"<{turn.kind}>"
                self.result.transcript.append(f"  {turn.who[0]}> {shown}")
                self.result.transcript += [f"     {r.key or '-'} {r.tag} :: {r.text[:140]!r}" for r in replies]
                typed = str(value) if turn.kind == "say" else ""
                for problem in turn_problems(turn.expect, replies, typed, self.numbers):
                    self.result.problems.append(f"turn {number} ({shown!r}): {problem}")
                question = question_of(replies)
                last_questions = last_questions + [question] if question and last_questions[-1:] == [question] \
                    else ([question] if question else [])
                if len(last_questions) > MAX_SAME_QUESTION:
                    self.result.problems.append(f"turn {number}: the same question a third time in a row")
            self._check_outcome()
        except Exception as error:  # a broken turn is a failed conversation, with its reason
            self.result.problems.append(f"error: {error!r}")
            self.result.transcript.append(traceback.format_exc(limit=3))
        finally:
            self._close_its_complaints()
        return self.result

    def _close_its_complaints(self) -> None:
        """Closes the open complaints this conversation was given or filed, once it is over: conversations
        share one 311 server, and another one typing the same spot would be offered them as likely
        duplicates, though each conversation's world holds only its own `given` items."""
        filed = {view["service_request_id"]: view["status"] for citizen in self.citizens.values()
                 for view in self.world.complaints(citizen.wa_id)}
        given = {number: self.world.complaint(number)["status"] for number in self.given_numbers
                 if number.startswith("CMP-") and number not in filed}
        for number, status in {**filed, **given}.items():
            if status == "open":
                self.world.move_complaint(number, "closed", None)

    def _check_outcome(self) -> None:
        outcome = self.c.outcome
        first = self.citizens["first"].wa_id
        problems = self.result.problems
        applications = [a for a in self.world.applications(first) if a["application_id"] not in self.given_numbers]
        complaints = [v for v in self.world.complaints(first) if v["service_request_id"] not in self.given_numbers]
        if "application" in outcome:
            problems += application_problems(outcome["application"], applications)
        if "complaint" in outcome:
            problems += complaint_problems(outcome["complaint"], complaints, self.world.complaint)
        if "joined" in outcome:
            number = self.numbers.get(str(outcome["joined"]))
            roles = {v["service_request_id"]: v.get("role") for v in self.world.complaints(first)}
            if roles.get(number) != "supporter":
                problems.append(f"did not join {number}")
        if "delivery" in outcome:
            wanted = dict(outcome["delivery"])
            number = self.numbers.get(str(wanted.pop("application", "")))
            items = [a for a in self.world.applications(first) if a.get("delivery")
                     and (number is None or a["application_id"] == number)]
            if not items:
                problems.append("no home delivery was requested")
            elif wanted.get("pincode") and items[0]["delivery"]["pincode"] != str(wanted["pincode"]):
                problems.append(f"delivery to PIN {items[0]['delivery']['pincode']}, wanted {wanted['pincode']}")
        if "certified_copy" in outcome:
            copies = [r for r in self.received if r.key == "lok_seva.copy.document"]
            khasra = str((outcome["certified_copy"] or {}).get("khasra_number", ""))
            if not copies or (khasra and not any(khasra in r.text for r in copies)):
                problems.append("no certified copy was sent")
        if outcome.get("handoff") and not any(r.key.startswith("utter_handoff_recorded") for r in self.received):
            problems.append("the request for an officer was not taken")
        if outcome.get("nothing_submitted"):
            delivered = [a for a in self.world.applications(first) if a.get("delivery")]
            copies = [r for r in self.received if r.key == "lok_seva.copy.document"]
            if applications or complaints or delivered or copies:
                problems.append("something was submitted")
        for ref in outcome.get("updates_received") or []:
            number = self.numbers.get(str(ref)) or self._created("complaint") or str(ref)
            if not any(r.key.startswith("status_updates.") and number in r.text for r in self.received):
                problems.append(f"no update of {number} reached the citizen")


def run(conversations: Sequence[Conversation], world: World, emulator_url: str, jobs: int = 4) -> List[Result]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda c: Play(c, world, emulator_url).play(), conversations))


def rates(results: Sequence[Result]) -> Dict[str, Dict[str, float]]:
    """Pass rate per pattern (every pattern a conversation lists) and per script."""
    tally: Dict[str, Dict[str, List[bool]]] = {"pattern": defaultdict(list), "script": defaultdict(list)}
    for result in results:
        for pattern in result.conversation.patterns:
            tally["pattern"][pattern].append(result.passed)
        tally["script"][result.conversation.script].append(result.passed)
    return {group: {name: sum(v) / len(v) for name, v in sorted(items.items())} for group, items in tally.items()}


def report(results: Sequence[Result], title: str, show_failures: bool = True) -> str:
    passed = sum(result.passed for result in results)
    lines = [f"{title}: {passed}/{len(results)} conversations passed ({passed / max(len(results), 1):.1%})"]
    by = rates(results)
    for group in ("script", "pattern"):
        counts = defaultdict(int)
        for result in results:
            for name in (result.conversation.patterns if group == "pattern" else [result.conversation.script]):
                counts[name] += 1
        lines.append(f"  per {group}: " + ", ".join(f"{name} {rate:.0%} (n={counts[name]})" for name, rate in by[group].items()))
    if show_failures:
        for result in results:
            if not result.passed:
                lines.append(f"  FAILED {result.conversation.id} [{result.conversation.source}]")
                lines += [f"    - {problem}" for problem in result.problems[:6]]
    return "\n".join(lines)
