"""The service catalogue as the citizen sees it: read from the Lok Seva API
and kept a few minutes, a page of services as buttons, a service found from
what was typed, a service's details."""
from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional

from cachetools import TTLCache, cached
from cachetools.keys import hashkey

from actions.clients.lokseva import LokSevaClient, lokseva_url
from actions.lok_seva.display import buttons_text, officer_text
from actions.tasks.message import Message
from actions.tasks.talk import Talk
from actions.texts import pick
from common.last_turn import SERVICE_DETAILS_KEY
from common.words import normalise, without_words

# Nine services and "more" make ten options: WhatsApp still shows them as a list.
SERVICES_PER_PAGE = 9
MIN_PARTIAL_MATCH = 3
CATALOGUE_SECONDS = 300  # how long the catalogue read from the API is trusted
_lock = threading.Lock()


@cached(TTLCache(maxsize=4, ttl=CATALOGUE_SECONDS), key=lambda: hashkey(lokseva_url()), lock=_lock)
def catalogue() -> List[Dict[str, Any]]:
    """Every service of the catalogue (code, names), read from the API and kept a few minutes."""
    return [{"code": item["code"], "name": item["name"], "aliases": item.get("aliases") or []}
            for item in LokSevaClient().all_services()]


@cached(TTLCache(maxsize=256, ttl=CATALOGUE_SECONDS), key=lambda code: hashkey(lokseva_url(), code), lock=_lock)
def service_detail(code: str) -> Dict[str, Any]:
    """One service's questions, documents, fee and officers (BackendRejected for an unknown code)."""
    return LokSevaClient().service(code)


def requested_page(message: Message) -> Optional[int]:
    try:
        return int(message.entity("page"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _names(service: Dict[str, Any]) -> List[str]:
    return [normalise(name) for name in (service["code"], service["name"]["hi"], service["name"]["en"])]


def find_service(message: Message) -> Optional[str]:
    """The service meant: the NLU's `service` entity, else a catalogue name the citizen typed."""
    if message.entity("service"):
        return str(message.entity("service"))
    return service_named(message.typed)


def service_picked(typed: str) -> Optional[str]:
    """"the income one", "jati wala" typed under the list of services: the service its other words name."""
    return service_named(without_words(typed, "pick_words"))


def service_named(typed: str) -> Optional[str]:
    """The one catalogue service named by the whole of `typed`, or by a part of its name ("income")."""
    typed = normalise(typed)
    if not typed:
        return None
    services = catalogue()
    exact = [s["code"] for s in services if typed in _names(s)]
    if exact:
        return exact[0]
    partial = [s["code"] for s in services
               if len(typed) >= MIN_PARTIAL_MATCH and any(typed in name or name in typed for name in _names(s))]
    return partial[0] if len(partial) == 1 else None


def service_page(talk: Talk, page: int, heading: str, choose_intent: str, more_intent: str) -> None:
    """One page of the catalogue as buttons: a service taps `choose_intent`, "more" `more_intent`."""
    client = LokSevaClient()
    data = client.services_page(max(page, 1), SERVICES_PER_PAGE)
    if data["items"] == [] and page > 1:  # a page past the end (catalogue shrank): back to the start
        data = client.services_page(1, SERVICES_PER_PAGE)
    buttons = [{"title": pick(item["name"], talk.language), "payload": talk.payload(choose_intent, service=item["code"])}
               for item in data["items"]]
    if data["page"] < data["pages"]:
        buttons.append({"title": talk.text("lok_seva.buttons.more"), "payload": talk.payload(more_intent, page=data["page"] + 1)})
    page_note = talk.text("lok_seva.services.page", page=data["page"], pages=data["pages"])
    talk.say_text(f"{talk.text(heading)} {page_note}", key=heading, buttons=buttons)


def service_details(service: Dict[str, Any], language: str, talk: Talk) -> str:
    optional = talk.text("lok_seva.services.optional_document")
    documents = [pick(d["name"], language) + ("" if d.get("required", True) else f" {optional}")
                 for d in service.get("required_documents", [])]
    return talk.text(
        SERVICE_DETAILS_KEY,
        name=pick(service["name"], language),
        description=pick(service.get("description"), language),
        eligibility=buttons_text([pick(item, language) for item in service.get("eligibility", [])]),
        documents=buttons_text(documents),
        fee=service["fee_inr"],
        days=service["time_limit_days"],
        officer=officer_text(service["designated_officer"], language),
        appellate=officer_text(service["first_appellate_officer"], language),
    )
