"""A Lok Seva form: its questions in order, what it takes from the message
that started it, and what it submits. The form asks the first question not
yet answered; a reply answers it, is refused with a reason, or stops the form."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional

from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.lok_seva.form_state import FormState
from actions.lok_seva.questions import Answer, Ask, Cancel, Outcome, Problem, Question, first_open
from actions.lok_seva.replies import Reply


class Flow(ABC):
    name: str  # also the kind of submission it makes

    @abstractmethod
    def questions(self, state: FormState) -> List[Question]:
        """The questions in order; later ones may depend on earlier answers."""

    def start(self, ask: Ask, reply: Reply) -> None:
        """Answers what the starting message already said (e.g. which service)."""

    @abstractmethod
    def payload(self, state: FormState, sender_id: str) -> Dict[str, Any]:
        """What is submitted once every question is answered."""

    def current(self, state: FormState) -> Optional[Question]:
        return None if state.cancelled else first_open(self.questions(state), state)


def record(ask: Ask, question: Question, outcome: Outcome) -> None:
    if isinstance(outcome, Answer):
        ask.state.answers[question.key] = outcome.value
    elif isinstance(outcome, Cancel):
        ask.state.cancelled = True
    elif isinstance(outcome, Problem):
        ask.dispatcher.utter_message(text=outcome.text)
    # Again: nothing to record, the question is asked anew.


def answer_from_start(ask: Ask, question: Question, reply: Reply, tell_problems: bool) -> None:
    """The starting message answers `question` if it can; otherwise the question is simply asked later."""
    outcome = question.accept(ask, reply)
    if isinstance(outcome, Answer) or tell_problems:
        record(ask, question, outcome)


def take_reply(ask: Ask, flow: Flow, reply: Reply) -> None:
    """The citizen's reply to the current question (or a request to stop)."""
    question = flow.current(ask.state)
    if question is None:
        return
    if reply.says("cancel"):
        ask.state.cancelled = True
        return
    try:
        outcome = question.accept(ask, reply)
    except BackendRejected as rejected:
        outcome = Problem(rejected.message(ask.language))
    except BackendUnavailable:
        outcome = Problem(ask.text("form.unavailable"))
    record(ask, question, outcome)
