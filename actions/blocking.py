"""Actions whose work blocks (HTTP with `requests`, SQL): rasa-sdk runs `run`
on its event loop, so the blocking part runs in a worker thread and other
conversations are not stalled."""
from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class BlockingAction(Action, ABC):
    @abstractmethod
    def run_blocking(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """The action's work, free to block."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return await asyncio.to_thread(self.run_blocking, dispatcher, tracker, domain)
