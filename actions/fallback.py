"""Low-confidence messages: a follow-up on what the conversation is about
("kab tak?"), a tracking number or a service picked from the list just shown
("the income one") is answered; otherwise the likely meanings are offered
instead of a guess."""
from __future__ import annotations

from typing import List, Optional, Text

from actions.answer_action import AnswerAction
from actions.follow_up import asks_when, when_ready
from actions.labels import intent_label, intent_labels
from actions.lok_seva.catalogue import service_picked
from actions.lok_seva.services import service_details_answer
from actions.tasks.message import Message
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.last_turn import SERVICE_LIST_KEY, previous_answer_keys

MAX_OPTIONS = 3
# Answers that found nothing to act on ("वो वाला" read as a yes to nothing): a miss after one is the second.
MISSED = ("utter_did_you_mean", "utter_not_understood", "utter_affirm_no_context")
MIN_CONFIDENCE = 0.05
# Offering these back as a guess helps nobody.
NOT_OFFERED = {"nlu_fallback", "out_of_scope", "inform", "affirm", "deny", "thank", "greet"}


def likely_intents(message: Message) -> List[str]:
    return [
        item["name"]
        for item in message.ranking
        if item["name"] in intent_labels()
        and item["name"] not in NOT_OFFERED
        and item.get("confidence", 0) >= MIN_CONFIDENCE
    ][:MAX_OPTIONS]


class ActionOfferLikelyOptions(AnswerAction):
    def name(self) -> Text:
        return "action_offer_likely_options"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        message = talk.message
        if asks_when(talk) or message.tracking_number("application_id") or message.tracking_number("complaint_id"):
            when_ready(talk, task)
            return
        picked = service_picked(message.typed) if SERVICE_LIST_KEY in previous_answer_keys(talk.tracker.events) else None
        if picked:
            service_details_answer(talk, task, picked)  # "the income one" under the list: as if its row were tapped
            return
        options = likely_intents(message)
        again = any(key in MISSED for key in previous_answer_keys(talk.tracker.events))
        if not options and not again:
            talk.dispatcher.utter_message(response="utter_not_understood")
            return
        # The menu is always offered, once; an officer too when this is the second miss in a row.
        offered = options if "main_menu" in options else options + ["main_menu"]
        if again and "human_handoff" not in offered:
            offered.append("human_handoff")
        buttons = [{"title": intent_label(i, talk.language), "payload": f"/{i}"} for i in offered]
        talk.dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
