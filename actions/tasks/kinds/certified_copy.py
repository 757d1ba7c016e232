"""A certified copy of a land record: record type, village, khasra number,
then the copy as a PDF at once (no confirmation: nothing is filed, only
printed). Villages and their khasra numbers come from the Lok Seva API; the
record types' names and the ways citizens spell them from content/lok_seva.yml."""
from __future__ import annotations

import re
from typing import Any, List, Optional

from cachetools import TTLCache, cached
from cachetools.keys import hashkey

from actions.clients.lokseva import LokSevaClient, lokseva_url
from actions.lok_seva.announcements import LAND_RECORD_COPY
from actions.lok_seva.submission import submit
from actions.tasks.fields import CHOICE, TEXT, Choice, Field
from actions.tasks.kinds.base import TaskKind
from actions.tasks.reading import is_question, read
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid, written_as_name
from actions.texts import entry, pick
from common.ids import fold_digits

VILLAGES_SECONDS = 300
KHASRA_LENGTH = 20  # as the Lok Seva API stores it


@cached(TTLCache(maxsize=4, ttl=VILLAGES_SECONDS), key=lambda: hashkey(lokseva_url()))
def villages() -> List[dict]:
    return LokSevaClient().villages()


def same_khasra(number: str) -> str:
    """'45 / 2', '४५/२' and '45/2' are one khasra (as the API compares them)."""
    return re.sub(r"\s+", "", fold_digits(number))


def _record_type_field() -> Field:
    choices = tuple(Choice(item["value"], {"hi": item["hi"], "en": item["en"]}, tuple(item.get("aliases") or ()))
                    for item in entry("lok_seva", "copy.record_types"))
    return Field("record_type", CHOICE, {"hi": "अभिलेख", "en": "Record"}, dict(entry("lok_seva", "copy.record_type.ask")),
                 choices=choices)


def _village_field() -> Field:
    choices = tuple(Choice(village["code"], dict(village["name"])) for village in villages())
    return Field("village", CHOICE, {"hi": "गाँव", "en": "Village"}, dict(entry("lok_seva", "copy.village.ask")),
                 choices=choices)


# A village as typed ("गाँव भगोर"), to name one that is not among the villages offered.
NAMED_VILLAGE = Field("village", TEXT, {"hi": "गाँव", "en": "Village"}, {"hi": "गाँव", "en": "Village"})


def _khasra_field() -> Field:
    return Field("khasra_number", TEXT, {"hi": "खसरा नंबर", "en": "Khasra number"}, dict(entry("lok_seva", "copy.khasra")),
                 max_length=KHASRA_LENGTH, pattern=r"\d", example={"hi": "45/2", "en": "45/2"})


class CertifiedCopyKind(TaskKind):
    name = "certified_copy"
    confirm = False
    service = LAND_RECORD_COPY
    # "Pitol ka khasra 128 ki nakal": the service and the village named are the answers themselves.
    opening_entities = ("complaint_category", "scheme")

    def fields(self, talk: Talk, task: Task) -> List[Field]:
        return [_record_type_field(), _village_field(), _khasra_field()]

    def accept(self, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
        if spec.name == "village":
            village = next((v for v in villages() if v["code"] == value), None)
            if village is None:
                return Invalid("choice")
            task.context["village"] = {"name": village["name"], "khasra_numbers": village["khasra_numbers"]}
        village = task.context.get("village")
        if spec.name == "khasra_number" and village and value not in village["khasra_numbers"]:
            return Invalid("khasra", {"village": pick(village["name"], talk.language)})
        return None

    def explain_unmatched(self, talk: Talk, task: Task, asked: Optional[Field], why: Optional[Invalid] = None) -> bool:
        """"गाँव भगोर" asked the village: a village whose records are not online is named back, with where its
        copy is given, rather than "choose an option"."""
        typed = talk.message.typed
        if asked is None or asked.name != "village" or why is None or why.code != "choice" or is_question(typed):
            return False
        reading = read(typed, [NAMED_VILLAGE], NAMED_VILLAGE, talk.today)
        named = reading.found.get(NAMED_VILLAGE.name) or (
            reading.asked_value if isinstance(reading.asked_value, str) and written_as_name(reading.asked_value) else None)
        if not named:
            return False
        talk.say("lok_seva.copy.village.unknown", village=named)
        return True

    def canonical(self, talk: Talk, task: Task, spec: Field, value: Any) -> Any:
        village = task.context.get("village")
        if spec.name != "khasra_number" or not village:
            return value
        return next((n for n in village["khasra_numbers"] if same_khasra(n) == same_khasra(str(value))), value)

    def submit(self, talk: Talk, task: Task) -> None:
        payload = {"record_type": task.values["record_type"], "village": task.values["village"],
                   "khasra_number": task.values["khasra_number"], "wa_id": talk.sender_id[:32]}
        submit(talk, self.name, payload, task.key)
