"""Questions asked in the middle of a task: answered by the same code that
answers them at any other time, then the open question comes back.

A request for an officer or a goodbye does not come back to the question:
the officer takes over (the task is dropped), or the task waits, saved, for
the citizen to return. Help brings the explanation of the open question with
the ways out. Another request (a complaint in the middle of an application)
asks whether to finish this one first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Dict

from actions.tasks.message import Message
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.words import mentions

if TYPE_CHECKING:
    from actions.tasks.kinds.base import TaskKind

INFORMATION = ("info_lok_seva_guarantee", "info_samadhan_ek_din", "info_jansunwai", "info_cm_helpline",
               "info_aadhaar", "info_ayushman_bharat", "info_covid19", "info_schemes")
TASK_REQUESTS = ("apply_service", "certified_copy", "doorstep_delivery", "register_complaint")
# Said with a domain response (rendered by Rasa in the citizen's language).
RESPONSES = {"thank": "utter_thank", "bot_challenge": "utter_bot_challenge", "out_of_scope": "utter_out_of_scope_in_task",
             "set_language": "utter_language_set"}
SIDE_INTENTS = frozenset({*INFORMATION, *RESPONSES, *TASK_REQUESTS, "service_info", "list_services",
                          "check_application_status", "check_complaint_status", "download_certificate",
                          "main_menu", "human_handoff", "goodbye", "greet"})
# Messages that steer the conversation whatever was asked.
CONTROL_INTENTS = frozenset({"set_language", "human_handoff"})
CONTROL_CONFIDENCE = 0.7


def asks_who_decides(message: Message) -> bool:
    """"who is the officer?" asks who decides the request, not to talk to one."""
    return message.intent == "human_handoff" and mentions(message.typed, "officer_question")


def asks_office_hours(message: Message) -> bool:
    """"office kab khulta h?" asks when the office opens, whatever the NLU made of it (a request for an officer)."""
    return mentions(message.typed, "office_words") and mentions(message.typed, "when_words")


def is_control(message: Message) -> bool:
    return message.intent in CONTROL_INTENTS and message.confidence >= CONTROL_CONFIDENCE \
        and not asks_who_decides(message) and not asks_office_hours(message) and not _person_unasked_for(message)


SURE_HANDOFF = 0.9  # an officer asked for with no word for a person, this sure: "mujhe madad chahiye"


def _person_unasked_for(message: Message) -> bool:
    """"हाँ वही शिकायत है, मुझे भी जोड़ दो" read as a request for an officer (0.74): no word asks for a person."""
    return message.intent == "human_handoff" and not message.is_payload and message.confidence < SURE_HANDOFF \
        and not mentions(message.typed, "officer_words")


def _answers() -> Dict[str, Callable[[Talk, Task], None]]:
    """Each side question's answer, by intent (imported late: they use the task's kinds too)."""
    from actions.answers import (
        application_status,
        certificate,
        complaint_status,
        information,
        service_details,
        service_list,
    )
    answers: Dict[str, Callable[[Talk, Task], None]] = {intent: information for intent in INFORMATION}
    answers.update({
        "service_info": service_details,
        "list_services": service_list,
        "check_application_status": application_status,
        "check_complaint_status": complaint_status,
        "download_certificate": certificate,
    })
    return answers


def answer_side_question(kind: "TaskKind", talk: Talk, task: Task) -> None:
    """Raises Ended when the task ends here (an officer takes over)."""
    from actions.tasks.asking import button, help_with, name_of, resume
    from actions.tasks.turn import Ended, asked_field

    message = talk.message
    intent = "service_info" if asks_who_decides(message) else message.intent  # the service names its officer
    asked = asked_field(kind, talk, task)
    if asks_office_hours(message):
        talk.say("tasks.office_hours")
        resume(kind, talk, task, asked)
        return
    if intent == "human_handoff" and (_person_unasked_for(message)
                                      or not (message.is_payload or message.confidence >= CONTROL_CONFIDENCE)):
        # "the number is on the card, can't you read it?", "हाँ मुझे भी जोड़ दो": an officer offered, not
        # called, so that a reply the NLU is unsure of, asking for no person, does not hand the form over
        talk.say("tasks.officer_or_continue", task=name_of(task, talk.language), buttons=[
            button(talk, "tasks.buttons.officer", "human_handoff"),
            button(talk, "tasks.buttons.continue", "inform", do="continue")])
        return
    if intent == "human_handoff":
        from actions.handoff import request_human
        request_human(talk)
        raise Ended()
    if intent == "goodbye":
        talk.say("tasks.kept", task=name_of(task, talk.language))
        return
    if mentions(message.typed, "fee_words") and kind.service_of(task):
        _answers()["service_info"](talk, task)  # "is this free?": the service's fee, whatever the NLU made of it
        resume(kind, talk, task, asked)
        return
    if intent == "main_menu" and asked is not None:
        help_with(kind, talk, task, asked)
        return
    numbered = message.tracking_number("application_id") or message.tracking_number("complaint_id")
    if mentions(message.typed, "when_words") and not numbered and intent not in INFORMATION \
            and (kind.service_of(task) or kind.what_follows):
        # "kitne din me banega?", "ye kab tak hoga?" in the middle of a form: about this request, whatever
        # the NLU made of it (a status without a number, a fallback)
        if kind.service_of(task):
            _answers()["service_info"](talk, task)
        else:
            talk.say(kind.what_follows)
        resume(kind, talk, task, asked)
        return
    if mentions(message.typed, "urge") or intent == "nlu_fallback":
        talk.say("tasks.hurry")  # "jaldi karo, badbu aa rahi hai": a plea, not another request
        resume(kind, talk, task, asked)
        return
    if intent in TASK_REQUESTS:
        task.context["switch_to"] = {"text": message.text, "intent": {"name": intent, "confidence": message.confidence},
                                     "entities": message.entities, "metadata": message.metadata}
        talk.say("tasks.switch", task=name_of(task, talk.language), buttons=[
            button(talk, "tasks.buttons.continue", "inform", do="continue"),
            button(talk, "tasks.buttons.start_new", "inform", do="switch")])
        return
    if kind.photo_invite and mentions(message.typed, "photo_words"):
        talk.say(kind.photo_invite)  # "should I send a photo too?": it is welcome at any step
        resume(kind, talk, task, asked)
        return
    # "iski fees kitni hai?" in the middle of a complaint: no service to tell about, what follows instead
    # ("aay praman patra ke liye kya kagaz lagte h?" names one: its details, below)
    if kind.what_follows and intent == "service_info" and not kind.service_of(task) and not numbered \
            and not message.entity("service"):
        talk.say(kind.what_follows)
        resume(kind, talk, task, asked)
        return
    if intent in RESPONSES:
        talk.dispatcher.utter_message(response=RESPONSES[intent])
    elif intent in _answers():
        _answers()[intent](talk, task)
    resume(kind, talk, task, asked)
