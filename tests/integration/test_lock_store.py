"""REDIS_URL turns on Rasa's Redis lock store (needed for several workers)."""
from __future__ import annotations

import asyncio

from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.core.utils import number_of_sanic_workers

from jan_seva.serve import endpoints_from_environment, redis_lock_store


def test_without_redis_url_the_lock_store_stays_in_memory(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("SANIC_WORKERS", "2")
    endpoints = endpoints_from_environment("endpoints.yml")
    assert endpoints.lock_store is None
    assert number_of_sanic_workers(endpoints.lock_store) == 1


def test_redis_url_gives_a_working_redis_lock_store(redis_url, monkeypatch):
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("SANIC_WORKERS", "2")
    endpoints = endpoints_from_environment("endpoints.yml")
    assert number_of_sanic_workers(endpoints.lock_store) == 2

    store = LockStore.create(endpoints.lock_store)
    assert isinstance(store, RedisLockStore)

    async def hold_lock():
        async with store.lock("citizen-919876543210"):
            assert store.get_lock("citizen-919876543210") is not None
        assert store.get_lock("citizen-919876543210") is None

    asyncio.run(hold_lock())


def test_redis_url_parts():
    config = redis_lock_store("redis://:s3cret@cache.internal:6380/3")
    assert (config.url, config.kwargs["port"], config.kwargs["db"], config.kwargs["password"]) == (
        "cache.internal", 6380, 3, "s3cret")
    assert redis_lock_store(None) is None
