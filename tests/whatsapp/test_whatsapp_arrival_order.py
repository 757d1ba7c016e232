"""ArrivalOrder: each citizen's work in the order it was queued, citizens independent."""
from __future__ import annotations

import asyncio

import pytest

from jan_seva.whatsapp.arrival_order import ArrivalOrder

pytestmark = pytest.mark.anyio


async def test_work_runs_in_the_order_it_was_queued_not_started(anyio_backend):
    order, done = ArrivalOrder(), []

    async def work(name, delay):
        await asyncio.sleep(delay)
        done.append(name)

    first = order.queue("a", work("a1", 0.05))  # slow
    second = order.queue("a", work("a2", 0))
    other = order.queue("b", work("b1", 0))
    await asyncio.gather(second, other, first)  # started in another order than queued
    assert done == ["b1", "a1", "a2"]


async def test_a_failed_or_cancelled_turn_lets_the_next_one_go(anyio_backend):
    order, done = ArrivalOrder(), []

    async def fail():
        raise RuntimeError("boom")

    async def note():
        done.append("next")

    failing = asyncio.ensure_future(order.queue("a", fail()))
    blocked = asyncio.ensure_future(order.queue("a", asyncio.sleep(10)))
    after = order.queue("a", note())
    await asyncio.sleep(0)
    blocked.cancel()
    await after
    assert done == ["next"]
    with pytest.raises(RuntimeError):
        await failing
