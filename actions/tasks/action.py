"""`action_task`: the Rasa side of the form engine.

A request (apply_service, certified_copy, doorstep_delivery,
register_complaint) starts a task through its rule; while the task is open
jan_seva.policies.task_policy sends every citizen message here. One call per
message: the task reads it, answers side questions, asks what is still open
or submits, and keeps its state in the slot `task`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_action import answered
from actions.answers import application_status, complaint_status
from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected
from actions.tasks.kinds import KIND_OF_REQUEST, KINDS, kind_for
from actions.tasks.kinds.base import TaskKind
from actions.tasks.message import Message
from actions.tasks.reading import read
from actions.tasks.state import TASK_SLOT, Task
from actions.tasks.talk import Talk
from actions.tasks.turn import (
    ENDED_FOR_ANOTHER,
    OPEN,
    Ended,
    add_entity_answers,
    ask_next,
    fields_of,
    keep_to_read_later,
    own_name_written_out,
    run_turn,
    take_reading,
)
from common.backend_call import BackendUnavailable

Events = List[Dict[Text, Any]]


SHARED_BEFORE = ("share_location", "share_media")


def shared_just_before(tracker: Tracker) -> List[Message]:
    """Pins and photos sent right before this request ("📍", then "कचरा पड़ा है"): they belong to it."""
    users = [event for event in tracker.events if event.get("event") == "user"][:-1]
    shared: List[Message] = []
    for event in reversed(users):
        message = Message.from_parse(event.get("parse_data") or {})
        if message.intent not in SHARED_BEFORE:
            break
        shared.insert(0, message)
    return shared


def _status_asked_besides(talk: Talk) -> None:
    """"cmp2026000207 ka status kya है? aur ek नई complaint भी है, …" read as the new request: the status of the
    item numbered is told before it starts (read as a status question, actions/second_request.py starts it)."""
    if talk.message.tracking_number("complaint_id"):
        answered(complaint_status, talk)
    elif talk.message.tracking_number("application_id"):
        answered(application_status, talk)


def start_task(talk: Talk, kind: Optional[TaskKind] = None) -> Optional[Task]:
    """A new task for the request in the message (or of `kind`: a photo whose caption names a
    civic problem); None when it ended at once (or is no request)."""
    kind = kind or kind_for(talk.message)
    if kind is None:
        talk.dispatcher.utter_message(response="utter_main_menu")
        return None
    task = Task.new(kind.name, started_with=talk.message.intent)
    if talk.message.profile_name:
        task.context["profile_name"] = talk.message.profile_name
    try:
        kind.take_shared_before(talk, task, shared_just_before(talk.tracker))
        kind.start(talk, task)
        # "Pitol ka khasra 128 ki khatauni chahiye": the first message may answer several questions already
        opening = kind.opening_text(talk, task)
        # only the open questions: "paani nahi aa raha" names the problem once the category is known
        read_before: set = set()
        while True:  # a service named in words ("शादी का registration") brings questions the message answers too
            unanswered = [spec for spec in fields_of(kind, talk, task)
                          if not task.answered(spec.name) and spec.name not in read_before]
            if not unanswered:
                break
            read_before |= {spec.name for spec in unanswered}
            reading = read(opening, unanswered, None, talk.today)
            own_name_written_out(kind, talk, task, unanswered, reading)
            add_entity_answers(kind, talk, task, reading, kind.opening_entity_fields)
            take_reading(kind, talk, task, reading, None)
        keep_to_read_later(kind, task, opening)
        ask_next(kind, talk, task)
    except Ended:
        return None
    except BackendUnavailable:
        talk.say("tasks.unavailable")
    except BackendRejected as rejected:
        talk.say_text(rejected.message(talk.language), key="backend.rejected")
    return task


def start_kind(talk: Talk, name: str) -> None:
    """Starts a task of this kind from the message (a captioned photo), keeping it in the slot."""
    task = start_task(talk, KINDS[name])
    talk.set_slot(TASK_SLOT, task.to_slot() if task else None)


def _kind_meant(message: Message) -> Optional[TaskKind]:
    """The request's own kind (None: by its intent); a complaint for a problem named in a message the NLU read
    as nothing; else an application: for a yes to a service's details, and for a service named in what the NLU
    took for a complaint ("Marriage registration: groom …")."""
    if message.intent == "register_complaint" and message.entity("service") and not message.entity("complaint_category"):
        return KINDS["application"]
    if message.intent in KIND_OF_REQUEST:
        return None
    # "बड़ा गणपति के पास dogs का jhund है…" read as nothing, though a problem is named: a complaint
    return KINDS["complaint"] if message.entity("complaint_category") and not message.entity("service") \
        else KINDS["application"]


class ActionTask(BlockingAction):
    def name(self) -> Text:
        return "action_task"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        talk = Talk.of(dispatcher, tracker)
        task = Task.from_slot(tracker.get_slot(TASK_SLOT))
        if task is not None and talk.message.entity("do") == "switch" and task.context.get("switch_to"):
            talk.message = Message.from_parse(task.context["switch_to"])  # the request the citizen chose to start
            task = None
        if task is None:
            _status_asked_besides(talk)
            # a yes to a service's details (jan_seva/policies/follow_up_policy.py) applies for it
            task = start_task(talk, _kind_meant(talk.message))
        else:
            state = run_turn(KINDS[task.kind], talk, task)
            task = task if state == OPEN else start_task(talk, _kind_meant(talk.message)) \
                if state == ENDED_FOR_ANOTHER else None
        return talk.events + [SlotSet(TASK_SLOT, task.to_slot() if task else None)]
