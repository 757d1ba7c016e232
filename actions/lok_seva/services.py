"""`list_services` (the catalogue, page by page) and `service_info`
(documents, fee, time limit and officers of one service: the one named, else
the one being applied for or last talked about)."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.errors import BackendRejected
from actions.information import information, topic_just_shown
from actions.lok_seva.catalogue import find_service, requested_page, service_detail, service_details, service_page
from actions.subject import remember, subject_of
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import button, pick
from common.last_turn import SERVICE_DETAILS_KEY, SERVICE_LIST_KEY
from common.not_offered import not_offered_in


def service_list(talk: Talk, task: Optional[Task] = None) -> None:
    service_page(talk, requested_page(talk.message) or 1, SERVICE_LIST_KEY, "service_info", "list_services")


def not_offered_answer(talk: Talk, elsewhere: Dict[str, Any]) -> None:
    """"passport banwana hai": where to get it, then the Lok Seva services to apply for instead."""
    talk.say("lok_seva.not_offered.told", service=pick(elsewhere["name"], talk.language),
             where=pick(elsewhere["where"], talk.language))
    service_page(talk, 1, "lok_seva.not_offered.ours", "apply_service", "list_services")


def _service_meant(talk: Talk, task: Optional[Task]) -> Optional[str]:
    """The service named, else the one of the task in progress, else the one talked about last."""
    named = find_service(talk.message)
    if named:
        return named
    if task is not None:
        from actions.tasks.kinds import KINDS
        code = KINDS[task.kind].service_of(task)
        if code:
            return code
    return subject_of(talk.tracker).get("service")


def service_details_answer(talk: Talk, task: Optional[Task] = None, code: Optional[str] = None) -> None:
    """The details of `code`, else of the service meant."""
    elsewhere = None if code else not_offered_in(talk.message.typed)
    code = code or _service_meant(talk, task)
    if elsewhere and not talk.message.entity("service"):
        not_offered_answer(talk, elsewhere)
        return
    try:
        service = service_detail(code) if code else None
    except BackendRejected:  # a service the catalogue does not have
        service = None
    shown = topic_just_shown(talk) if service is None and code is None else None
    if shown:
        information(talk, task, shown)  # "iske liye kaunse documents?" right after a scheme: about that scheme
        return
    if service is None:
        service_page(talk, 1, "lok_seva.services.not_found" if code else "lok_seva.services.which_info",
                     "service_info", "list_services")
        return
    buttons = [] if task is not None else [
        button(talk.text("lok_seva.buttons.apply"), "apply_service", service=service["code"]),
        button(talk.text("lok_seva.buttons.all_services"), "list_services"),
    ]
    talk.say_text(service_details(service, talk.language, talk), key=SERVICE_DETAILS_KEY, buttons=buttons)
    remember(talk, service=service["code"])


class ActionListServices(AnswerAction):
    def name(self) -> Text:
        return "action_list_services"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        service_list(talk, task)


class ActionServiceInfo(AnswerAction):
    def name(self) -> Text:
        return "action_service_info"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        service_details_answer(talk, task)
