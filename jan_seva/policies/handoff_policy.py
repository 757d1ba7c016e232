"""While a citizen talks to an officer, the bot keeps out of the conversation.

As long as the slot `handoff_active` is true, every message the citizen sends
(text, buttons, photos, location pins, voice notes ...) is handed to the relay
action, which passes it to the officers' inbox; the bot's own flows, forms
and fallbacks never run. The officers' dashboard speaks through EXTERNAL_
intents: a reply is relayed to the citizen, a close gives the bot back; the
citizen can leave too, with the "back to the assistant" button.
Other EXTERNAL_ intents (status changes, settled submissions) keep their rules.

The predictions beat every other policy: confidence 1, a priority above
RulePolicy's, and marked as not based on user input, which in Rasa's
ensemble also outranks an active form's happy path.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

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


def handoff_action(tracker: DialogueStateTracker) -> Optional[Text]:
    """The action the handoff dictates next, or None to leave it to the other policies."""
    active = bool(tracker.get_slot(ACTIVE_SLOT))
    if tracker.latest_action_name != ACTION_LISTEN_NAME:
        return ACTION_LISTEN_NAME if active and tracker.latest_action_name in ENDS_TURN else None
    intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None
    if intent is None:
        return None  # the conversation has not started
    if intent == REQUEST_DELIVERED:
        return ACTION_LISTEN_NAME
    if not active:
        return None
    if intent in OFFICER_ACTIONS:
        return OFFICER_ACTIONS[intent]
    if intent == LEAVE_INTENT:
        return LEAVE_ACTION
    if intent.startswith(EXTERNAL_PREFIX):
        return None
    return RELAY_ACTION


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class HandoffPolicy(Policy):
    """Nothing to learn: the decision is the slot's (see the module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": RULE_POLICY_PRIORITY + 1}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        with self._model_storage.write_to(self._resource):
            pass  # an empty resource, so that the trained model can load the policy
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[Text, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        action = handoff_action(tracker)
        probabilities = self._default_predictions(domain)
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)
