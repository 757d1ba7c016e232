"""The Rasa side of the Lok Seva forms (form `lok_seva_form`).

One form serves every flow: its single slot `lok_seva_answer` takes each
reply (from_text), `validate_lok_seva_form` hands it to the current question
and asks for the slot again until the flow has no open question,
`action_ask_lok_seva_answer` asks the current question,
`action_claim_lok_seva_answer` takes a reply the NLU read as another request
when the current question recognises it as its answer, and
`action_finish_lok_seva_form` submits (or reports the cancellation) once the
form has ended.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.blocking import BlockingAction
from actions.clients.errors import BackendRejected, BackendUnavailable
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.display import say
from actions.lok_seva.flow import take_reply
from actions.lok_seva.flows import FLOW_OF_INTENT, FLOWS
from actions.lok_seva.form_state import ANSWER_SLOT, STATE_SLOT, FormState
from actions.lok_seva.questions import Ask
from actions.lok_seva.replies import Reply
from actions.lok_seva.submission import submit
from actions.texts import language_of

Events = List[Dict[Text, Any]]


def ask_for(state: FormState, dispatcher: CollectingDispatcher, tracker: Tracker) -> Ask:
    return Ask(state, language_of(tracker), LokSevaClient(), tracker.sender_id, dispatcher)


def form_state(tracker: Tracker) -> Optional[FormState]:
    return FormState.from_slot(tracker.get_slot(STATE_SLOT))


class ActionStartLokSevaForm(BlockingAction):
    def name(self) -> Text:
        return "action_start_lok_seva_form"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        reply = Reply.latest(tracker)
        state = FormState.new(FLOW_OF_INTENT.get(reply.intent or "", "application"))
        try:
            FLOWS[state.flow].start(ask_for(state, dispatcher, tracker), reply)
        except (BackendUnavailable, BackendRejected):
            pass  # what the message said is simply asked again
        return [SlotSet(STATE_SLOT, state.to_slot()), SlotSet(ANSWER_SLOT, None)]


class ValidateLokSevaForm(BlockingAction):
    def name(self) -> Text:
        return "validate_lok_seva_form"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        state = form_state(tracker)
        if state is None:
            return [SlotSet(REQUESTED_SLOT, None)]
        flow = FLOWS[state.flow]
        events: Events = []
        # Only a reply taken this turn is validated. Returning no other slot when there is none
        # lets the form reject the turn, so that a side question is answered by its own rule.
        if ANSWER_SLOT in tracker.slots_to_validate():
            take_reply(ask_for(state, dispatcher, tracker), flow, Reply.latest(tracker))
            events = [SlotSet(ANSWER_SLOT, None), SlotSet(STATE_SLOT, state.to_slot())]
        still_open = flow.current(state) is not None
        return events + [SlotSet(REQUESTED_SLOT, ANSWER_SLOT if still_open else None)]


class ActionClaimLokSevaAnswer(BlockingAction):
    """The custom mapping of `lok_seva_answer`, tried when its from_text mapping left the reply to a
    side question's rule: the reply is the answer after all if the current question claims it."""

    def name(self) -> Text:
        return "action_claim_lok_seva_answer"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        state = form_state(tracker)
        question = FLOWS[state.flow].current(state) if state else None
        reply = Reply.latest(tracker)
        try:
            claimed = question is not None and question.claims(ask_for(state, dispatcher, tracker), reply)
        except (BackendUnavailable, BackendRejected):
            claimed = False  # the side question's rule answers instead
        return [SlotSet(ANSWER_SLOT, reply.text)] if claimed else []


class ActionAskLokSevaAnswer(BlockingAction):
    def name(self) -> Text:
        return "action_ask_lok_seva_answer"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        state = form_state(tracker)
        question = FLOWS[state.flow].current(state) if state else None
        if question is None:
            return []
        ask = ask_for(state, dispatcher, tracker)
        try:
            prompt = question.prompt(ask)
        except (BackendUnavailable, BackendRejected):
            dispatcher.utter_message(text=ask.text("form.unavailable"))
            return []
        dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return []


class ActionFinishLokSevaForm(BlockingAction):
    """Runs when the form has ended: complete (submit) or stopped (cancel, menu)."""

    def name(self) -> Text:
        return "action_finish_lok_seva_form"

    def run_blocking(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        language = language_of(tracker)
        state = form_state(tracker)
        reset = [SlotSet(STATE_SLOT, None), SlotSet(ANSWER_SLOT, None)]
        if state is None or FLOWS[state.flow].current(state) is not None or state.cancelled:
            dispatcher.utter_message(text=say("form.cancelled", language))
            return reset
        flow = FLOWS[state.flow]
        submit(dispatcher, flow.name, flow.payload(state, tracker.sender_id), state.key, tracker.sender_id, language)
        return reset
