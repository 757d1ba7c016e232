"""The base of actions that answer a question (status, certificate, service
details, information): the same function answers it on its own and in the
middle of a task (actions/tasks/side_questions.py). A backend's refusal is
passed on in the citizen's language, its absence told kindly."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import button
from common.backend_call import BackendUnavailable
from common.last_turn import previous_answer_keys

Events = List[Dict[Text, Any]]


REJECTED = "backend.rejected"


def answered(answer: Any, talk: Talk, task: Optional[Task] = None) -> None:
    """Runs an answer; the backends' refusal or absence is told instead of raised. A second refusal
    in a row ("LS-2026-999991" not found, then "LS 2026 999992") offers an officer."""
    try:
        answer(talk, task)
    except BackendRejected as rejected:
        again = REJECTED in previous_answer_keys(talk.tracker.events)
        buttons = [button(talk.text("tasks.buttons.officer"), "human_handoff")] if again else None
        talk.say_text(rejected.message(talk.language), key=REJECTED, buttons=buttons)
    except BackendUnavailable:
        talk.say("general.unavailable")


class AnswerAction(BlockingAction, ABC):
    @abstractmethod
    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        """Says the answer; may raise BackendRejected and BackendUnavailable."""

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        talk = Talk.of(dispatcher, tracker)
        answered(self.answer, talk)
        return talk.events
