"""`rasa run` with stores chosen from environment variables.

Endpoints come from endpoints.yml; on top of it:
- `REDIS_URL` (e.g. redis://127.0.0.1:6379/1) selects Rasa's RedisLockStore,
  which several Sanic workers (`SANIC_WORKERS`) or replicas need; without it
  the lock store stays in memory and Rasa runs one worker.
- `RABBITMQ_URL` (e.g. amqp://user:pass@host:5672/) sends every conversation
  event to RabbitMQ (Rasa's pika event broker, queue `RASA_EVENTS_QUEUE`,
  default jan_seva_events) for analytics and other consumers.
- `ACTION_SERVER_URL` overrides the action server's webhook address;
  `ACTION_SERVER_TOKEN` is sent to it as a bearer token (jan_seva.action_server).
- `RASA_API_TOKEN` closes the HTTP API: only JWTs signed with it, in the
  Authorization header (common.rasa_api); the query-string token is off.
The tracker store reads `TRACKER_DB_URL` itself (jan_seva.stores).

Exposed (beyond loopback or with Meta credentials, common.exposure), it
refuses to start without those secrets, and the `rest` channel, which takes
any sender id on trust, is left out: the signed WhatsApp webhook is then the
only way a citizen's identity enters.
"""
from __future__ import annotations

import argparse
import logging
import os
import tempfile
from typing import Optional
from urllib.parse import unquote, urlsplit

import yaml
from rasa.core.run import serve_application
from rasa.core.utils import AvailableEndpoints
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.log_utils import configure_structlog
from redis.connection import parse_url

from common.exposure import is_exposed, is_loopback, refuse_unsafe_start
from common.masking import install_log_masking
from common.rasa_api import JWT_METHOD, rasa_api_token
from jan_seva.whatsapp.settings import webhook_secrets

DEFAULT_EVENTS_QUEUE = "jan_seva_events"
# Meta's webhooks and citizens' REST messages are a few kilobytes; Sanic's default would buffer 100 MB.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
TRUSTED_SENDER_CHANNELS = ("rest",)  # channels that take the sender id from the request body


def redis_lock_store(redis_url: Optional[str]) -> Optional[EndpointConfig]:
    if not redis_url:
        return None
    options = parse_url(redis_url)
    return EndpointConfig(
        url=options.get("host", "localhost"),
        type="redis",
        port=options.get("port", 6379),
        db=options.get("db", 1),
        username=options.get("username"),
        password=options.get("password"),
        use_ssl=redis_url.startswith("rediss://"),
    )


def rabbitmq_event_broker(rabbitmq_url: Optional[str]) -> Optional[EndpointConfig]:
    if not rabbitmq_url:
        return None
    parsed = urlsplit(rabbitmq_url)
    return EndpointConfig(
        url=parsed.hostname or "127.0.0.1",
        type="pika",
        port=parsed.port or 5672,
        username=unquote(parsed.username or "guest"),
        password=unquote(parsed.password or "guest"),
        queues=[os.environ.get("RASA_EVENTS_QUEUE") or DEFAULT_EVENTS_QUEUE],
        raise_on_failure=True,  # Rasa's default drops events silently when RabbitMQ is away at start
    )


def endpoints_from_environment(endpoints_file: str) -> AvailableEndpoints:
    endpoints = AvailableEndpoints.read_endpoints(endpoints_file)
    lock_store = redis_lock_store(os.environ.get("REDIS_URL"))
    if lock_store:
        endpoints.lock_store = lock_store
    event_broker = rabbitmq_event_broker(os.environ.get("RABBITMQ_URL"))
    if event_broker:
        endpoints.event_broker = event_broker
    action_url = os.environ.get("ACTION_SERVER_URL")
    if action_url:
        endpoints.action = EndpointConfig(url=action_url)
    action_token = os.environ.get("ACTION_SERVER_TOKEN")
    if action_token and endpoints.action:
        endpoints.action.headers["Authorization"] = f"Bearer {action_token}"
    return endpoints


def refuse_unsafe(interface: str, endpoints: AvailableEndpoints) -> None:
    action_host = urlsplit(endpoints.action.url).hostname if endpoints.action else "127.0.0.1"
    secrets = [
        ("RASA_API_TOKEN", rasa_api_token(), ()),
        *webhook_secrets(),
    ]
    if not is_loopback(action_host or ""):
        secrets.append(("ACTION_SERVER_TOKEN", os.environ.get("ACTION_SERVER_TOKEN"), ()))
    refuse_unsafe_start("rasa", [interface], secrets)


def channels_file(credentials: str, interface: str) -> str:
    """The credentials file to serve: without channels that trust the sender id when exposed."""
    if not is_exposed([interface]):
        return credentials
    with open(credentials, encoding="utf-8") as source:
        channels = yaml.safe_load(source) or {}
    for name in TRUSTED_SENDER_CHANNELS:
        channels.pop(name, None)
    kept = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8")
    with kept:
        yaml.safe_dump(channels, kept)
    return kept.name


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="models")
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--interface", default=os.environ.get("RASA_INTERFACE", "127.0.0.1"))
    args = parser.parse_args(argv)
    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(DEFAULT_MAX_BODY_BYTES))  # Sanic reads SANIC_* settings
    endpoints = endpoints_from_environment(args.endpoints)
    refuse_unsafe(args.interface, endpoints)
    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)  # as `rasa run` does: unconfigured, structlog prints every debug event
    install_log_masking()
    serve_application(
        model_path=args.model,
        credentials=channels_file(args.credentials, args.interface),
        endpoints=endpoints,
        interface=args.interface,
        port=args.port,
        enable_api=True,  # the dashboard reads conversations and pushes officers' messages
        jwt_secret=rasa_api_token(),
        jwt_method=JWT_METHOD,
    )


if __name__ == "__main__":
    main()
