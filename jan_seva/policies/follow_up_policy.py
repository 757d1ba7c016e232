"""A question about the application or complaint just talked about goes to
`action_follow_up`, whatever the NLU made of it; a yes right after a
service's details applies for that service (`action_task`).

"अब क्या करूँ?", "is that enough?", "to paisa kab se aayega", "iska aadesh
bhej do": right after a status, these are about that item, though on their
own they read as a goodbye, a scheme question or nothing at all. The policy
steps in only when an item was talked about in the last turns (the slot
`subject` was set), no request is being filled in, and the message carries a
follow-up word (actions/content/words.yml). Requests with their own meaning
(a language, an officer, the menu, a new numbered item) keep their rules.
"""
from __future__ import annotations

from typing import Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from common.last_turn import previous_answer_keys
from common.words import mentions
from jan_seva.policies.deterministic import DeterministicPolicy, awaits_first_action, latest_intent
from jan_seva.policies.task_policy import TASK_ACTION, TASK_SLOT

FOLLOW_UP_ACTION = "action_follow_up"
SERVICE_DETAILS = "lok_seva.services.details"  # the key of the message that shows a service's details
YES_INTENTS = frozenset({"affirm", "apply_service"})
SUBJECT_SLOT = "subject"
RECENT_TURNS = 2  # a follow-up comes right after the answer it follows
FOLLOW_UP_WORDS = ("when_words", "follow_up_words", "send_words")
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


def subject_set_recently(tracker: DialogueStateTracker, turns: int = RECENT_TURNS) -> bool:
    """Whether the bot noted an application or complaint in its last `turns` answers."""
    users_seen = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            users_seen += 1
            if users_seen > turns:
                return False
        elif isinstance(event, SlotSet) and event.key == SUBJECT_SLOT and users_seen >= 1 and event.value:
            return True
    return False


def applies_for_shown_service(tracker: DialogueStateTracker) -> bool:
    """"ठीक है बनवा दो" right after a service's details: apply for it."""
    message = tracker.latest_message
    if not awaits_first_action(tracker) or tracker.get_slot(TASK_SLOT) or message is None:
        return False
    named = any(entity.get("entity") == "service" for entity in message.entities)
    shown = SERVICE_DETAILS in previous_answer_keys(event.as_dict() for event in tracker.events)
    return latest_intent(tracker) in YES_INTENTS and not named and shown


def follows_up(tracker: DialogueStateTracker) -> bool:
    if not awaits_first_action(tracker) or tracker.get_slot(TASK_SLOT):
        return False
    message = tracker.latest_message
    intent = latest_intent(tracker) or ""
    if message is None or intent in KEPT_INTENTS or intent.startswith("EXTERNAL_"):
        return False
    entities = {entity.get("entity") for entity in message.entities}
    if entities & ITEM_ENTITIES:
        return False  # a number of its own: the intent's action looks it up
    if intent in REQUEST_INTENTS and entities & REQUEST_ENTITIES and not mentions(message.text or "", "send_words"):
        return False
    text = message.text or ""
    return any(mentions(text, key) for key in FOLLOW_UP_WORDS) and subject_set_recently(tracker)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class FollowUpPolicy(DeterministicPolicy):
    """Nothing to learn: the decision follows from the conversation (see the module docstring)."""

    def decide(self, tracker: DialogueStateTracker) -> Optional[Text]:
        if applies_for_shown_service(tracker):
            return TASK_ACTION
        return FOLLOW_UP_ACTION if follows_up(tracker) else None
