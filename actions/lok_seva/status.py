"""`check_application_status`: one application by its number (or the one the
conversation is about), or the citizen's own applications (by their WhatsApp
number). Someone else's application shows only its stage and due date: its
details are personal."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.lokseva import LokSevaClient
from actions.follow_up import asks_for_all, item_meant
from actions.lok_seva.catalogue import requested_page
from actions.lok_seva.citizen import applications_of, owns
from actions.lok_seva.display import day, officer_text
from actions.second_request import start_request_said_too
from actions.subject import APPLICATION, COMPLAINT, remember
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import button, pick

LISTED_PER_PAGE = 9


def latest_note(application: Dict[str, Any]) -> str:
    return next((event["note"] for event in reversed(application.get("history", [])) if event.get("note")), "")


def status_text(talk: Talk, application: Dict[str, Any]) -> str:
    say = talk.text
    lines = [say("lok_seva.status.summary", application_id=application["application_id"],
                 service=pick(application["service"]["name"], talk.language),
                 status=pick(application["status_label"], talk.language),
                 submitted_on=day(application["submitted_at"]), due_date=day(application["due_date"]))]
    if application["overdue"] and application.get("appellate_officer"):
        lines.append(say("lok_seva.status.overdue", appellate=officer_text(application["appellate_officer"], talk.language)))
    elif application.get("days_remaining") is not None:
        lines.append(say("lok_seva.status.days_left", days=application["days_remaining"]))
    note = latest_note(application)
    if application["status"] == "rejected":
        lines.append(say("lok_seva.status.rejected", reason=application.get("rejection_reason") or note or "-"))
    elif application["status"] == "documents_requested":
        lines.append(say("lok_seva.status.documents_requested", note=note or "-"))
    elif note:
        lines.append(say("lok_seva.status.note", note=note))
    if application.get("certificate"):
        lines.append(say("lok_seva.status.certificate_ready"))
    if application.get("delivery"):
        lines.append(say("lok_seva.status.delivery", status=pick(application["delivery"]["status_label"], talk.language)))
    if application.get("officer"):
        lines.append(say("lok_seva.status.officer", officer=officer_text(application["officer"], talk.language)))
    return "\n".join(lines)


def status_buttons(talk: Talk, application: Dict[str, Any]) -> List[Dict[str, str]]:
    number = application["application_id"]
    buttons = []
    if application.get("certificate"):
        buttons.append(button(talk.text("lok_seva.buttons.certificate"), "download_certificate", application_id=number))
        if not application.get("delivery") and application["status"] == "issued":
            buttons.append(button(talk.text("lok_seva.buttons.delivery"), "doorstep_delivery", application_id=number))
    return buttons


def show_status(talk: Talk, number: str, client: Optional[LokSevaClient] = None) -> None:
    client = client or LokSevaClient()
    application = client.application(number)
    if not owns(client, talk.sender_id, application):
        talk.say("lok_seva.status.limited", application_id=application["application_id"],
                 service=pick(application["service"]["name"], talk.language),
                 status=pick(application["status_label"], talk.language), due_date=day(application["due_date"]))
    else:
        talk.say_text(status_text(talk, application), key="lok_seva.status.summary",
                      buttons=status_buttons(talk, application))
    # "how long?" next asks about this one too; what is shown of it is checked against its owner each time
    remember(talk, application=application["application_id"], service=application["service"]["code"])


def show_my_applications(talk: Talk, page: int, client: Optional[LokSevaClient] = None) -> None:
    client = client or LokSevaClient()
    data = applications_of(client, talk.sender_id, page, LISTED_PER_PAGE)
    if data["total"] == 0:
        talk.say("lok_seva.status.none_found")
        return
    if data["total"] == 1:
        show_status(talk, data["items"][0]["application_id"], client)
        return
    lines = [talk.text("lok_seva.status.mine", total=data["total"])]
    lines += [talk.text("lok_seva.status.mine_line", application_id=item["application_id"],
                        service=pick(item["service"]["name"], talk.language),
                        status=pick(item["status_label"], talk.language))
              for item in data["items"]]
    buttons = [button(item["application_id"], "check_application_status", application_id=item["application_id"])
               for item in data["items"]]
    if page * LISTED_PER_PAGE < data["total"]:
        buttons.append(button(talk.text("lok_seva.buttons.more"), "check_application_status", page=page + 1))
    talk.say_text("\n".join(lines), key="lok_seva.status.mine", buttons=buttons)


def application_status(talk: Talk, task: Optional[Task] = None) -> None:
    page = requested_page(talk.message)
    item = None if page or asks_for_all(talk) else item_meant(talk, APPLICATION)
    if item is not None and item["kind"] == COMPLAINT:
        from actions.complaints.status import show_complaint
        show_complaint(talk, item["id"])
    elif item is not None:
        show_status(talk, item["id"])
    else:
        show_my_applications(talk, page or 1)


class ActionCheckApplicationStatus(AnswerAction):
    def name(self) -> Text:
        return "action_check_application_status"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        application_status(talk, task)
        start_request_said_too(talk, task)
