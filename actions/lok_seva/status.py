"""`check_application_status`: one application by its number, or the
citizen's own applications (by their WhatsApp number)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.api_action import Events, LokSevaApiAction
from actions.lok_seva.catalogue import requested_page
from actions.lok_seva.citizen import applications_of
from actions.lok_seva.display import button, day, officer_text, say
from actions.lok_seva.replies import Reply
from actions.texts import pick

LISTED_PER_PAGE = 9


def latest_note(application: Dict[str, Any]) -> str:
    return next((event["note"] for event in reversed(application.get("history", [])) if event.get("note")), "")


def status_text(application: Dict[str, Any], language: str) -> str:
    lines = [say("status.summary", language, application_id=application["application_id"],
                  service=pick(application["service"]["name"], language),
                  status=pick(application["status_label"], language),
                  submitted_on=day(application["submitted_at"]), due_date=day(application["due_date"]))]
    if application["overdue"] and application.get("appellate_officer"):
        lines.append(say("status.overdue", language, appellate=officer_text(application["appellate_officer"], language)))
    elif application.get("days_remaining") is not None:
        lines.append(say("status.days_left", language, days=application["days_remaining"]))
    if application["status"] == "rejected":
        lines.append(say("status.rejected", language, reason=application.get("rejection_reason") or ""))
    if application["status"] == "documents_requested":
        lines.append(say("status.documents_requested", language, note=latest_note(application)))
    if application.get("certificate"):
        lines.append(say("status.certificate_ready", language))
    if application.get("delivery"):
        lines.append(say("status.delivery", language, status=pick(application["delivery"]["status_label"], language)))
    if application.get("officer"):
        lines.append(say("status.officer", language, officer=officer_text(application["officer"], language)))
    return "\n".join(lines)


def status_buttons(application: Dict[str, Any], language: str) -> List[Dict[str, str]]:
    number = application["application_id"]
    buttons = []
    if application.get("certificate"):
        buttons.append(button(say("buttons.certificate", language), "download_certificate", application_id=number))
        if not application.get("delivery") and application["status"] == "issued":
            buttons.append(button(say("buttons.delivery", language), "doorstep_delivery", application_id=number))
    return buttons


def show_status(dispatcher: CollectingDispatcher, client: LokSevaClient, number: str, language: str) -> None:
    application = client.application(number)
    dispatcher.utter_message(text=status_text(application, language), buttons=status_buttons(application, language))


def show_my_applications(dispatcher: CollectingDispatcher, client: LokSevaClient, sender_id: str, page: int,
                         language: str) -> None:
    data = applications_of(client, sender_id, page, LISTED_PER_PAGE)
    if data["total"] == 0:
        dispatcher.utter_message(text=say("status.none_found", language))
        return
    if data["total"] == 1:
        show_status(dispatcher, client, data["items"][0]["application_id"], language)
        return
    lines = [say("status.mine", language, total=data["total"])]
    lines += [say("status.mine_line", language, application_id=item["application_id"],
                   service=pick(item["service"]["name"], language), status=pick(item["status_label"], language))
              for item in data["items"]]
    buttons = [button(item["application_id"], "check_application_status", application_id=item["application_id"])
               for item in data["items"]]
    if page * LISTED_PER_PAGE < data["total"]:
        buttons.append(button(say("buttons.more", language), "check_application_status", page=page + 1))
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)


class ActionCheckApplicationStatus(LokSevaApiAction):
    def name(self) -> Text:
        return "action_check_application_status"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
               client: LokSevaClient) -> Events:
        reply = Reply.latest(tracker)
        number = reply.application_number()
        if number is None:
            show_my_applications(dispatcher, client, tracker.sender_id, requested_page(reply) or 1, language)
            return []
        show_status(dispatcher, client, number, language)
        return [SlotSet("application_id", number)]
