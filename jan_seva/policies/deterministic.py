"""The base of the project's policies that learn nothing: their decision
follows from the tracker (a slot, the latest message), so training only
writes the empty resource a trained model needs to load them."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker


def latest_intent(tracker: DialogueStateTracker) -> Optional[Text]:
    return tracker.latest_message.intent.get("name") if tracker.latest_message else None


def awaits_first_action(tracker: DialogueStateTracker) -> bool:
    """True right after the citizen's message, before the bot has done anything about it."""
    return tracker.latest_action_name == ACTION_LISTEN_NAME


class DeterministicPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": RULE_POLICY_PRIORITY + 1}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        with self._model_storage.write_to(self._resource):
            pass  # an empty resource, so that the trained model can load the policy
        return self._resource

    def decide(self, tracker: DialogueStateTracker) -> Optional[Text]:
        """The action this policy dictates next, or None to leave it to the others."""
        return None

    def events(self, tracker: DialogueStateTracker) -> List[Event]:
        """Events to apply before the next action runs, whichever policy chose it."""
        return []

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[Text, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self.decide(tracker)
        if action is None:
            return self._prediction(probabilities, events=self.events(tracker))
        probabilities[domain.index_for_action(action)] = 1.0
        # Marked as not based on user input: in Rasa's ensemble that outranks rule and loop predictions.
        return self._prediction(probabilities, events=self.events(tracker), is_no_user_prediction=True)
