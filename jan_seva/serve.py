"""`rasa run` with stores chosen from environment variables.

Endpoints come from endpoints.yml; on top of it:
- `REDIS_URL` (e.g. redis://127.0.0.1:6379/1) selects Rasa's RedisLockStore,
  which several Sanic workers (`SANIC_WORKERS`) or replicas need; without it
  the lock store stays in memory and Rasa runs one worker.
- `ACTION_SERVER_URL` overrides the action server's webhook address.
The tracker store reads `TRACKER_DB_URL` itself (jan_seva.stores).
"""
from __future__ import annotations

import argparse
import logging
import os
from typing import Optional

from rasa.core.run import serve_application
from rasa.core.utils import AvailableEndpoints
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.endpoints import EndpointConfig
from redis.connection import parse_url


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


def endpoints_from_environment(endpoints_file: str) -> AvailableEndpoints:
    endpoints = AvailableEndpoints.read_endpoints(endpoints_file)
    lock_store = redis_lock_store(os.environ.get("REDIS_URL"))
    if lock_store:
        endpoints.lock_store = lock_store
    action_url = os.environ.get("ACTION_SERVER_URL")
    if action_url:
        endpoints.action = EndpointConfig(url=action_url)
    return endpoints


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="models")
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--interface", default=os.environ.get("RASA_INTERFACE", "127.0.0.1"))
    args = parser.parse_args(argv)
    configure_logging_and_warnings(logging.INFO)
    serve_application(
        model_path=args.model,
        credentials=args.credentials,
        endpoints=endpoints_from_environment(args.endpoints),
        interface=args.interface,
        port=args.port,
        enable_api=True,  # the dashboard reads conversations and pushes officers' messages
        auth_token=os.environ.get("RASA_API_TOKEN") or None,
    )


if __name__ == "__main__":
    main()
