"""A certified copy of a land record: record type, village, khasra number.
Villages and their khasra numbers come from the API; the record types'
names and the ways citizens spell them, from content/lok_seva.yml."""
from __future__ import annotations

import re
from typing import Any, Dict, List

from jan_seva.text.ids import fold_digits

from actions.lok_seva.citizen import wa_id
from actions.lok_seva.flow import Flow, record
from actions.lok_seva.form_state import FormState
from actions.lok_seva.questions import Answer, Ask, ChoiceQuestion, Option, Outcome, Problem, Prompt, Question
from actions.lok_seva.replies import Reply
from actions.texts import entry, pick


def record_types(ask: Ask) -> List[Option]:
    return [Option(item["value"], {"hi": item["hi"], "en": item["en"]}, item.get("aliases", []))
            for item in entry("lok_seva", "copy.record_types")]


def villages(ask: Ask) -> List[Option]:
    return [Option(village["code"], village["name"]) for village in ask.client.villages()]


class RecordTypeQuestion(ChoiceQuestion):
    def __init__(self) -> None:
        super().__init__("record_type", "copy.record_type", record_types)


class VillageQuestion(ChoiceQuestion):
    def __init__(self) -> None:
        super().__init__("village", "copy.village", villages)

    def chosen(self, ask: Ask, option: Option) -> None:
        village = next(v for v in ask.client.villages() if v["code"] == option.value)
        ask.state.context["village"] = {"name": village["name"], "khasra_numbers": village["khasra_numbers"]}


def same_khasra(number: str) -> str:
    """'45 / 2', '४५/२' and '45/2' are one khasra (as the API compares them)."""
    return re.sub(r"\s+", "", fold_digits(number))


class KhasraQuestion(Question):
    key = "khasra_number"

    def prompt(self, ask: Ask) -> Prompt:
        return Prompt(ask.text("copy.khasra"))

    def accept(self, ask: Ask, reply: Reply) -> Outcome:
        typed = same_khasra(reply.typed())
        village = ask.state.context["village"]
        known = next((number for number in village["khasra_numbers"] if same_khasra(number) == typed), None)
        if known is None:
            return Problem(ask.text("copy.khasra_unknown", village=pick(village["name"], ask.language)))
        return Answer(known)


class CertifiedCopyFlow(Flow):
    name = "certified_copy"

    def questions(self, state: FormState) -> List[Question]:
        return [RecordTypeQuestion(), VillageQuestion(), KhasraQuestion()]

    def start(self, ask: Ask, reply: Reply) -> None:
        """"gaon Pitol ki khatauni ki nakal": the record and the village, if they are ours, need no asking."""
        for question in (RecordTypeQuestion(), VillageQuestion()):
            answer = question.mentioned(ask, reply.typed())
            if answer:
                record(ask, question, answer)

    def payload(self, state: FormState, sender_id: str) -> Dict[str, Any]:
        return {
            "record_type": state.answers["record_type"],
            "village": state.answers["village"],
            "khasra_number": state.answers["khasra_number"],
            "wa_id": wa_id(sender_id),
        }
