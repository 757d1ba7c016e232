"""Responses in the language the citizen is answered in.

Rasa's templated NLG chooses a response's variant by the `language` slot.
That slot is updated with the turn's first action (jan_seva.policies.
language_policy), so for that first action this generator works the
language out from the message itself, exactly as the policy does: the reply
to "English please" or to the first English message is already in English.
Configured in endpoints.yml (`nlg: type: jan_seva.nlg.LanguageAwareNLG`).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from jan_seva.policies.language_policy import LANGUAGE_SLOT, answer_language


class LanguageAwareNLG(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None) -> None:
        super().__init__((domain or Domain.empty()).responses)

    async def generate(self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text,
                       **kwargs: Any) -> Optional[Dict[Text, Any]]:
        filled_slots = tracker.current_slot_values()
        filled_slots[LANGUAGE_SLOT], _ = answer_language(tracker)
        return self.generate_from_slots(utter_action, filled_slots, output_channel, **kwargs)
