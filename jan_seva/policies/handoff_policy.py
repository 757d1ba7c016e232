"""While a citizen talks to an officer, the bot keeps out of the conversation.

As long as the slot `handoff_active` is true, every message the citizen sends
(text, buttons, photos, location pins, voice notes ...) is handed to the relay
action, which passes it to the officers' inbox; the bot's own flows, forms
and fallbacks never run. The officers' dashboard speaks through EXTERNAL_
intents: a reply is relayed to the citizen, a close gives the bot back; the
citizen can leave too, with the "back to the assistant" button or by saying so ("never mind, file it
here").
Other EXTERNAL_ intents (status changes, settled submissions) keep their rules.

The predictions beat every other policy: confidence 1, a priority above
RulePolicy's and the task policy's, marked as not based on user input.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from common.words import mentions
from jan_seva.policies.deterministic import DeterministicPolicy, awaits_first_action, latest_intent

ACTIVE_SLOT = "handoff_active"
RELAY_ACTION = "action_relay_to_officer"
REQUEST_ACTION = "action_request_human"
# The dashboard's intents while a handoff is open, and the actions they run.
OFFICER_ACTIONS = {
    "EXTERNAL_handoff_reply": "action_tell_officer_reply",
    "EXTERNAL_handoff_closed": "action_close_handoff",
}
# The citizen's own way back to the bot: the button under the handoff notices.
LEAVE_INTENT, LEAVE_ACTION = "leave_handoff", "action_leave_handoff"
# A request kept while the dashboard was away has reached it: nothing to tell.
REQUEST_DELIVERED = "EXTERNAL_handoff_submitted"
EXTERNAL_PREFIX = "EXTERNAL_"
# After these the bot waits for the next message (no form re-asks its question).
ENDS_TURN = frozenset({RELAY_ACTION, REQUEST_ACTION, LEAVE_ACTION, *OFFICER_ACTIONS.values()})


def _typed(tracker: DialogueStateTracker) -> str:
    text = tracker.latest_message.text if tracker.latest_message else ""
    return "" if not text or text.startswith("/") else text


def handoff_action(tracker: DialogueStateTracker) -> Optional[Text]:
    """The action the handoff dictates next, or None to leave it to the other policies."""
    active = bool(tracker.get_slot(ACTIVE_SLOT))
    if not awaits_first_action(tracker):
        if tracker.latest_action_name == LEAVE_ACTION:
            return ACTION_LISTEN_NAME  # leaving is the turn: "never mind" read as a handoff must not open another
        return ACTION_LISTEN_NAME if active and tracker.latest_action_name in ENDS_TURN else None
    intent = latest_intent(tracker)
    if intent is None:
        return None  # the conversation has not started
    if intent == REQUEST_DELIVERED:
        return ACTION_LISTEN_NAME
    if not active:
        return None
    if intent in OFFICER_ACTIONS:
        return OFFICER_ACTIONS[intent]
    if intent == LEAVE_INTENT or mentions(_typed(tracker), "leave_handoff"):
        return LEAVE_ACTION
    if intent.startswith(EXTERNAL_PREFIX):
        return None
    return RELAY_ACTION


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class HandoffPolicy(DeterministicPolicy):
    """Nothing to learn: the decision is the slot's (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": RULE_POLICY_PRIORITY + 3}  # above the task and follow-up policies: an officer has it

    def decide(self, tracker: DialogueStateTracker) -> Optional[Text]:
        return handoff_action(tracker)
