"""RABBITMQ_URL sends every conversation event to RabbitMQ through Rasa's own pika event broker."""
from __future__ import annotations

import asyncio
import json
import time
import uuid

import aio_pika
from rasa.core.brokers.broker import EventBroker

from jan_seva.serve import endpoints_from_environment


def test_without_rabbitmq_url_no_events_leave_rasa(monkeypatch):
    monkeypatch.delenv("RABBITMQ_URL", raising=False)
    assert endpoints_from_environment("endpoints.yml").event_broker is None


def test_events_reach_the_rabbitmq_queue(rabbitmq_url, monkeypatch):
    queue = f"jan_seva_events_test_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("RABBITMQ_URL", rabbitmq_url)
    monkeypatch.setenv("RASA_EVENTS_QUEUE", queue)
    config = endpoints_from_environment("endpoints.yml").event_broker
    sender = f"citizen-{uuid.uuid4().hex[:6]}"

    async def publish_and_read() -> dict:
        broker = await EventBroker.create(config)
        broker.publish({"sender_id": sender, "event": "user", "text": "नमस्ते", "timestamp": time.time()})
        connection = await aio_pika.connect(rabbitmq_url)
        try:
            channel = await connection.channel()
            declared = await channel.declare_queue(queue, durable=True, passive=True)
            for _ in range(50):  # the broker publishes from a task of its own
                message = await declared.get(no_ack=True, fail=False)
                if message is not None:
                    await declared.delete(if_unused=False, if_empty=False)
                    return json.loads(message.body)
                await asyncio.sleep(0.1)
            raise AssertionError("no event reached the queue")
        finally:
            await connection.close()
            await broker.close()

    assert asyncio.run(publish_and_read())["sender_id"] == sender
