"""A question about the application or complaint just talked about goes to
`action_follow_up`, whatever the NLU made of it; a yes right after a
service's details, a service named under the list of services, beside the
applicant's details or as wanted with nothing asked about it applies for
that service (`action_task`), as a problem named in a message read as
nothing starts a complaint; "how to get" a service shows its details
first; a tracking number beside a greeting or a thank-you shows that item's
status; typed words under "is it really fixed?" reopen or confirm that
complaint.

"अब क्या करूँ?", "is that enough?", "to paisa kab se aayega", "iska aadesh
bhej do": right after a status, these are about that item, though on their
own they read as a goodbye, a scheme question or nothing at all. The policy
steps in only when an item was talked about in the last turns (the slot
`subject` was set), no request is being filled in, and the message carries a
follow-up word (actions/content/words.yml). Requests with their own meaning
(a language, an officer, the menu, a new numbered item) keep their rules.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Set, Text

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from common.ids import find_tracking_numbers
from common.last_turn import (
    SERVICE_DETAILS_KEY,
    SERVICE_LIST_KEY,
    previous_actions,
    previous_answer_keys,
    slot_set_within,
)
from common.not_offered import not_offered_in
from common.words import mentions
from jan_seva.policies.deterministic import DeterministicPolicy, awaits_first_action, latest_intent
from jan_seva.policies.task_policy import TASK_ACTION, TASK_SLOT

FOLLOW_UP_ACTION = "action_follow_up"
SERVICE_INFO_ACTION = "action_service_info"  # shows a service's details
YES_INTENTS = frozenset({"affirm", "apply_service"})
SUBJECT_SLOT = "subject"
RECENT_TURNS = 2  # a follow-up comes right after the answer it follows
FOLLOW_UP_WORDS = ("when_words", "follow_up_words", "why_words", "send_words", "officer_question", "photo_words",
                   "submit", "other_item_words")
# Intents that mean something of their own, or already act on the item talked about.
KEPT_INTENTS = frozenset({
    "set_language", "human_handoff", "greet", "thank", "bot_challenge", "leave_handoff",
    "check_application_status", "check_complaint_status", "download_certificate", "doorstep_delivery",
    "service_info", "list_services",  # "iski fees kitni hai?": the service's details, answered by its action
    "share_location", "share_media", "share_media_rejected", "voice_note", "sticker", "unsupported_message",
})
# New requests keep their rule when they name what they are about ("Khajrana me gaddha").
REQUEST_INTENTS = frozenset({"apply_service", "register_complaint", "certified_copy"})
REQUEST_ENTITIES = frozenset({"service", "complaint_category", "location"})
ITEM_ENTITIES = frozenset({"application_id", "complaint_id"})


def _entity_names(message: UserUttered) -> Set[Text]:
    """Which entities the NLU found in the message."""
    return {entity.get("entity") for entity in message.entities}


def subject_set_recently(tracker: DialogueStateTracker, turns: int = RECENT_TURNS) -> bool:
    """Whether the bot noted an application or complaint in its last `turns` answers."""
    return slot_set_within((event.as_dict() for event in tracker.events), SUBJECT_SLOT, turns)


def applies_for_shown_service(tracker: DialogueStateTracker) -> bool:
    """"ठीक है बनवा दो" right after a service's details: apply for it."""
    message = tracker.latest_message
    if not awaits_first_action(tracker) or tracker.get_slot(TASK_SLOT) or message is None:
        return False
    named = "service" in _entity_names(message)
    shown = SERVICE_INFO_ACTION in previous_actions(event.as_dict() for event in tracker.events)
    return latest_intent(tracker) in YES_INTENTS and not named and shown


# A tracking number with a message that does not act on it ("hello, checking LS 2026 000052"; "and my ration
# card application ls2026000075?", read as a new application): its status.
STATUS_ACTIONS = {"application_id": "action_check_application_status", "complaint_id": "action_complaint_status"}
NUMBER_KEEPS = frozenset({"check_application_status", "check_complaint_status", "download_certificate",
                          "doorstep_delivery", "human_handoff", "set_language", "register_complaint",
                          "certified_copy", "share_location", "share_media", "leave_handoff"})


CHOSEN_HERE = frozenset({FOLLOW_UP_ACTION, SERVICE_INFO_ACTION, *STATUS_ACTIONS.values(), "action_reopen_complaint",
                         "action_complaint_fixed"})


def _typed_outside_a_task(tracker: DialogueStateTracker, keeps: frozenset) -> Optional[UserUttered]:
    """The citizen's latest typed message, awaiting its first action with no task open, when its intent
    is none of `keeps` (requests whose own actions deal with it); None otherwise."""
    message = tracker.latest_message
    intent = latest_intent(tracker) or ""
    if not awaits_first_action(tracker) or tracker.get_slot(TASK_SLOT) or message is None \
            or intent in keeps or intent.startswith("EXTERNAL_") or (message.text or "").startswith("/"):
        return None
    return message


def number_status_action(tracker: DialogueStateTracker) -> Optional[Text]:
    """The status action for a number in a message whose intent would not look it up."""
    latest = tracker.latest_message.text if tracker.latest_message else ""
    # "cmp 2026 63 फॉगिंग कब तक होगी?": a number asked "when" about is that item's, not a new complaint
    keeps = NUMBER_KEEPS - {"register_complaint"} if mentions(latest or "", "when_words") else NUMBER_KEEPS
    message = _typed_outside_a_task(tracker, keeps)
    if message is None:
        return None
    named = [entity.get("entity") for entity in message.entities if entity.get("entity") in STATUS_ACTIONS]
    named += [found.entity for found in find_tracking_numbers(message.text or "")]
    return STATUS_ACTIONS[named[0]] if named else None


# Requests of their own ("pan ki dukaan ke paas kachra" is a complaint); apply and service questions
# tell "not offered here" in their own actions.
SERVICE_INFO_KEEPS = frozenset({"apply_service", "service_info", "register_complaint", "check_application_status",
                                "check_complaint_status", "human_handoff", "certified_copy", "doorstep_delivery",
                                "download_certificate", "set_language", "share_location", "share_media"})


# What the NLU makes of "the income one" or "income wala" typed under the list; other intents
# ("income certificate ki fees?") keep their own answer.
PICK_INTENTS = frozenset({"nlu_fallback", "apply_service", "inform", "affirm", "deny"})


def picks_listed_service(tracker: DialogueStateTracker) -> bool:
    """"the income one" typed right after the list of services: apply for that one."""
    message = _typed_outside_a_task(tracker, frozenset())
    if message is None or latest_intent(tracker) not in PICK_INTENTS:
        return False
    named = "service" in _entity_names(message)
    return named and SERVICE_LIST_KEY in previous_answer_keys(event.as_dict() for event in tracker.events)


# What the NLU makes of a service named among the applicant's details ("Caste certificate for me. Name Priya
# Mavi, father Naresh Mavi, mobile …, aadhaar last four …"): the details outweigh the request, or one word
# of them (Aadhaar) reads as a question about it.
DETAIL_INTENTS = frozenset({"inform", "nlu_fallback", "info_aadhaar", "info_schemes", "info_cm_helpline"})
DETAIL_WORDS = 8  # a message this long, or with a number in it, gives details rather than asks about the service


def applies_with_details(tracker: DialogueStateTracker) -> bool:
    """A service named together with the applicant's details, outside a form: apply for it."""
    message = _typed_outside_a_task(tracker, frozenset())
    if message is None:
        return False
    text = message.text or ""
    entities = _entity_names(message)
    # "Marriage registration: groom …, bride …": 'registration' is no complaint when no problem is named
    taken_for_a_complaint = latest_intent(tracker) == "register_complaint" and "complaint_category" not in entities
    if latest_intent(tracker) not in DETAIL_INTENTS and not taken_for_a_complaint:
        return False
    if entities & ITEM_ENTITIES or next(find_tracking_numbers(text), None):
        return False  # "mera income certificate ban gaya kya LS-2026-000042": that item's status
    return "service" in entities and (len(text.split()) >= DETAIL_WORDS or any(ch.isdigit() for ch in text))


def names_service_not_offered(tracker: DialogueStateTracker) -> bool:
    """"Driving licence?", "वोटर कार्ड?" outside a form: where to get it, whatever the NLU made of it
    ("free gas connection scheme?" names a scheme: its information tells where to apply)."""
    message = _typed_outside_a_task(tracker, SERVICE_INFO_KEEPS)
    return message is not None and not_offered_in(message.text or "") is not None \
        and "scheme" not in _entity_names(message)


def wants_the_service(tracker: DialogueStateTracker) -> bool:
    """"वृद्धावस्था पेंशन चाहिए" read as a question about the service: a service wanted, with no question and
    nothing asked about it (documents, fee, days, how), is applied for."""
    message = _typed_outside_a_task(tracker, frozenset())
    if message is None or latest_intent(tracker) != "service_info":
        return False
    text = message.text or ""
    named = "service" in _entity_names(message)
    asks = "?" in text or any(mentions(text, key) for key in ("question_words", "service_detail_words", "fee_words",
                                                                "when_words", "how_words"))
    return named and mentions(text, "asking_words") and not asks and not_offered_in(text) is None


PROBLEM_WORDS = 4  # "kachra?" asks; "बड़ा गणपति के पास dogs का jhund है" reports


def reports_a_problem(tracker: DialogueStateTracker) -> bool:
    """"बड़ा गणपति के पास dogs का jhund है, bachon ke peeche bhaagte hain" read as nothing (0.40), though the
    NLU found the problem in it: a complaint starts."""
    message = _typed_outside_a_task(tracker, frozenset())
    if message is None or latest_intent(tracker) != "nlu_fallback":
        return False
    text = message.text or ""
    entities = _entity_names(message)
    # "light wali complaint ka kya hua?" asks about one: a question is no report
    return "complaint_category" in entities and "service" not in entities and len(text.split()) >= PROBLEM_WORDS \
        and "?" not in text and not mentions(text, "question_words") and not follows_up(tracker)


UNSURE_STATUS = 0.6  # a status request read less sure than this may ask about the service it names
HOW_QUESTION_WORDS = 12  # "mujhe bete ke liye jati praman patra kaise banwana hai"; longer ones give details


def asks_how_to_get(tracker: DialogueStateTracker) -> bool:
    """"jati praman patra kaise bnwana h", "how to get a ration card" outside a form: the service's details
    with a button to apply, though the NLU reads a request to apply (a number or more words give details)."""
    message = _typed_outside_a_task(tracker, frozenset())
    intent = latest_intent(tracker)
    # "OK fir income certificate ka process batao" read, unsure, as a status request
    unsure_status = intent == "check_application_status" and (message is not None and message.intent.get(
        "confidence", 1.0) < UNSURE_STATUS)
    if message is None or not (intent == "apply_service" or unsure_status):
        return False
    text = message.text or ""
    named = "service" in _entity_names(message)
    return named and mentions(text, "how_words") and len(text.split()) <= HOW_QUESTION_WORDS \
        and not any(ch.isdigit() for ch in text)


FIXED_QUESTION_KEY = "complaints.texts.ask_fixed"
FIXED_ANSWER_KEEPS = frozenset({"set_language", "human_handoff", "check_complaint_status", "check_application_status",
                                "share_location", "share_media"})


def answer_to_is_it_fixed(tracker: DialogueStateTracker) -> Optional[Text]:
    """Typed under "is it really fixed?" (asked with a resolved complaint's status): "kha thik hui, abhi tak
    koi nhi aaya" or a no reopens it, a yes confirms it, though no button carries the complaint's number."""
    message = _typed_outside_a_task(tracker, FIXED_ANSWER_KEEPS)
    if message is None or FIXED_QUESTION_KEY not in previous_answer_keys(e.as_dict() for e in tracker.events):
        return None
    text, intent = message.text or "", latest_intent(tracker)
    if mentions(text, "not_fixed_words") or intent == "deny":
        return "action_reopen_complaint"
    return "action_complaint_fixed" if intent == "affirm" else None


WHEN_QUESTION_WORDS = 6  # "गड्ढा कब तक भरेगा?"; a longer message with a problem in it reports one


def asks_when_about_the_complaint(tracker: DialogueStateTracker, text: str, entities: set) -> bool:
    """"गड्ढा कब तक भरेगा?" right after a complaint's status: the problem named is that complaint's, no new
    report (one names a place: "Khajrana me gaddha hai kab tak")."""
    subject = tracker.get_slot(SUBJECT_SLOT) or {}
    # "kal tak pakka? paani 4 din se nahi aaya": a question asked first, then the problem said again
    question = text.split("?")[0]
    return entities == {"complaint_category"} and mentions(text, "when_words") \
        and len(question.split()) <= WHEN_QUESTION_WORDS and subject.get("last") == "complaint"


def follows_up(tracker: DialogueStateTracker) -> bool:
    if not awaits_first_action(tracker) or tracker.get_slot(TASK_SLOT):
        return False
    message = tracker.latest_message
    intent = latest_intent(tracker) or ""
    text = (message.text or "") if message else ""
    # "who is the officer?", "how long will it take?" right after a status are about that item (after a
    # service's details, "how many days?" is about the service)
    no_service = message is not None and "service" not in _entity_names(message)
    about_the_item = (intent in ("human_handoff", "service_info") and mentions(text, "officer_question")
                      and no_service) or (
        intent == "service_info" and mentions(text, "when_words") and no_service
        and SERVICE_DETAILS_KEY not in previous_answer_keys(event.as_dict() for event in tracker.events))
    if message is None or (intent in KEPT_INTENTS and not about_the_item) or intent.startswith("EXTERNAL_"):
        return False
    if intent.startswith("info_") and mentions(text, "information_topics"):
        return False  # "जनसुनवाई कब होती है?" asks about Jansunwai, whatever was shown before
    entities = _entity_names(message)
    if entities & ITEM_ENTITIES:
        return False  # a number of its own: the intent's action looks it up
    if intent in REQUEST_INTENTS and entities & REQUEST_ENTITIES and not mentions(message.text or "", "send_words") \
            and not asks_when_about_the_complaint(tracker, text, entities):
        return False
    return any(mentions(text, key) for key in FOLLOW_UP_WORDS) and subject_set_recently(tracker)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class FollowUpPolicy(DeterministicPolicy):
    """Nothing to learn: the decision follows from the conversation (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": RULE_POLICY_PRIORITY + 2}  # apart from the task policy's; below the handoff's

    def decide(self, tracker: DialogueStateTracker) -> Optional[Text]:
        if tracker.latest_action_name in CHOSEN_HERE:
            return ACTION_LISTEN_NAME  # its answer is the turn (no rule follows an action chosen here)
        if applies_for_shown_service(tracker) or picks_listed_service(tracker) or applies_with_details(tracker) \
                or wants_the_service(tracker) or reports_a_problem(tracker):
            return TASK_ACTION
        status = number_status_action(tracker) or answer_to_is_it_fixed(tracker)
        if status:
            return status
        if names_service_not_offered(tracker) or asks_how_to_get(tracker):
            return SERVICE_INFO_ACTION
        return FOLLOW_UP_ACTION if follows_up(tracker) else None
