"""The service catalogue as the citizen sees it: a page of services as
buttons, a service found from what was typed, a service's details."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from actions.clients.lokseva import LokSevaClient
from actions.lok_seva.display import buttons_text, officer_text, say
from actions.lok_seva.replies import Reply
from actions.words import normalise
from actions.texts import pick

# Nine services and "more" make ten options: WhatsApp still shows them as a list.
SERVICES_PER_PAGE = 9
MIN_PARTIAL_MATCH = 3


@dataclass(frozen=True)
class Page:
    text: str
    buttons: List[Dict[str, str]]


def service_page(client: LokSevaClient, page: int, language: str, heading: str,
                 choose: Callable[[str, str], Dict[str, str]], more: Callable[[str, int], Dict[str, str]]) -> Page:
    """One page of the catalogue: `choose(title, code)` and `more(title, next_page)` make the buttons."""
    data = client.services_page(max(page, 1), SERVICES_PER_PAGE)
    if data["items"] == [] and page > 1:  # a page past the end (catalogue shrank): back to the start
        data = client.services_page(1, SERVICES_PER_PAGE)
    buttons = [choose(pick(item["name"], language), item["code"]) for item in data["items"]]
    if data["page"] < data["pages"]:
        buttons.append(more(say("buttons.more", language), data["page"] + 1))
    page_note = say("services.page", language, page=data["page"], pages=data["pages"])
    return Page(f"{say(heading, language)} {page_note}", buttons)


def requested_page(reply: Reply) -> Optional[int]:
    try:
        return int(reply.entity("page"))
    except (TypeError, ValueError):
        return None


def _names(service: Dict[str, Any]) -> List[str]:
    return [normalise(name) for name in (service["code"], service["name"]["hi"], service["name"]["en"])]


def find_service(client: LokSevaClient, reply: Reply) -> Optional[str]:
    """The service meant: the NLU's `service` entity, else a catalogue name the citizen typed."""
    if reply.entity("service"):
        return str(reply.entity("service"))
    typed = normalise(reply.typed())
    if not typed:
        return None
    services = client.all_services()
    exact = [s["code"] for s in services if typed in _names(s)]
    if exact:
        return exact[0]
    partial = [s["code"] for s in services
               if len(typed) >= MIN_PARTIAL_MATCH and any(typed in name or name in typed for name in _names(s))]
    return partial[0] if len(partial) == 1 else None


def service_details(service: Dict[str, Any], language: str) -> str:
    optional = say("services.optional_document", language)
    documents = [pick(d["name"], language) + ("" if d.get("required", True) else f" {optional}")
                 for d in service.get("required_documents", [])]
    return say(
        "services.details", language,
        name=pick(service["name"], language),
        description=pick(service.get("description"), language),
        eligibility=buttons_text([pick(item, language) for item in service.get("eligibility", [])]),
        documents=buttons_text(documents),
        fee=service["fee_inr"],
        days=service["time_limit_days"],
        officer=officer_text(service["designated_officer"], language),
        appellate=officer_text(service["first_appellate_officer"], language),
    )
