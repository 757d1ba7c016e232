"""The WhatsApp channel in a process of its own, for the crash test: `python channel_process.py <config.json>`.

The agent behind it behaves like Rasa's where a crash matters: it notes the
message in the SQL tracker store's conversation, answers (through the
channel's output, as Rasa's actions do), then saves the conversation, and
each turn takes a while. Killing this process with SIGKILL mid-load is what
the test does; the same config started again must finish the work.
"""
from __future__ import annotations

import asyncio
import json
import sys

from rasa.core.channels.channel import UserMessage, register
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from jan_seva.stores.tracker_store import UrlSQLTrackerStore
from jan_seva.whatsapp.connector import WhatsAppInput
from jan_seva.whatsapp.settings import WhatsAppSettings

TURN_SECONDS = 0.3


class SlowAgent:
    def __init__(self, tracker_db_url: str) -> None:
        self.tracker_store = UrlSQLTrackerStore(Domain.empty(), url=tracker_db_url)

    async def handle_message(self, message: UserMessage) -> None:
        tracker = await self.tracker_store.retrieve(message.sender_id) or DialogueStateTracker(message.sender_id, [])
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        await asyncio.sleep(TURN_SECONDS)
        await message.output_channel.send_response(message.sender_id, {"text": f"echo {message.message_id}"})
        await self.tracker_store.save(tracker)


def main(config_path: str) -> None:
    config = json.loads(open(config_path, encoding="utf-8").read())
    settings = WhatsAppSettings.from_sources(config["credentials"], config["environ"])
    app = Sanic("channel_process", configure_logging=False)
    app.ctx.agent = SlowAgent(config["tracker_db_url"])
    register([WhatsAppInput(settings)], app, route="/webhooks/")
    app.run(host="127.0.0.1", port=config["port"], workers=1, access_log=False)


if __name__ == "__main__":
    main(sys.argv[1])
