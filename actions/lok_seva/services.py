"""`list_services` (the catalogue, page by page) and `service_info`
(documents, fee, time limit and officers of one service)."""
from __future__ import annotations

from typing import Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.api_action import Events, LokSevaApiAction
from actions.lok_seva.catalogue import find_service, requested_page, service_details, service_page
from actions.lok_seva.display import button, say
from actions.lok_seva.replies import Reply


def show_catalogue_page(dispatcher: CollectingDispatcher, client: LokSevaClient, page: int, language: str,
                        heading: str) -> None:
    shown = service_page(
        client, page, language, heading,
        choose=lambda title, code: button(title, "service_info", service=code),
        more=lambda title, next_page: button(title, "list_services", page=next_page),
    )
    dispatcher.utter_message(text=shown.text, buttons=shown.buttons)


class ActionListServices(LokSevaApiAction):
    def name(self) -> Text:
        return "action_list_services"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
               client: LokSevaClient) -> Events:
        show_catalogue_page(dispatcher, client, requested_page(Reply.latest(tracker)) or 1, language, "services.list")
        return []


class ActionServiceInfo(LokSevaApiAction):
    def name(self) -> Text:
        return "action_service_info"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str,
               client: LokSevaClient) -> Events:
        code = find_service(client, Reply.latest(tracker))
        try:
            service = client.service(code) if code else None
        except BackendRejected:  # a service the catalogue does not have
            service = None
        if service is None:
            show_catalogue_page(dispatcher, client, 1, language, "services.not_found" if code else "services.which_info")
            return []
        dispatcher.utter_message(text=service_details(service, language), buttons=[
            button(say("buttons.apply", language), "apply_service", service=code),
            button(say("buttons.all_services", language), "list_services"),
        ])
        return []
