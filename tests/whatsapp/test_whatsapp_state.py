"""The channel's shared state in SQL: one database, several workers, restarts."""
from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from jan_seva.whatsapp.inbound_journal import FAILED, MAX_ATTEMPTS, InboundJournal
from jan_seva.whatsapp.numbered_options import Option
from jan_seva.whatsapp.options_store import OptionsStore
from jan_seva.whatsapp.outbox import Outbox
from jan_seva.whatsapp.payloads import InboundMessage, StatusUpdate, WebhookBatch
from jan_seva.whatsapp.sent_messages import SentMessages
from jan_seva.whatsapp.state_db import inbound_messages, message_statuses, outbox, sent_messages
from jan_seva.whatsapp.status_log import StatusLog
from jan_seva.whatsapp.wakeup import Wakeup

pytestmark = pytest.mark.anyio


def unique(prefix: str) -> str:
    return f"{prefix}.{uuid.uuid4().hex}"


def inbound(message_id: str, sender: str = "919876543210") -> InboundMessage:
    return InboundMessage(message_id=message_id, sender_id=sender, type="text", timestamp="1700000000",
                          profile_name=None, content={"body": "नमस्ते"}, raw={"id": message_id})


async def test_a_message_is_kept_once_across_workers_and_restarts(state_db_url, state_engine_for):
    worker_a = InboundJournal(state_engine_for(state_db_url))
    worker_b = InboundJournal(state_engine_for(state_db_url))
    message = inbound(unique("wamid.DEDUP"))
    kept = await worker_a.accept([message])
    assert [item.message for item in kept] == [message]
    assert await worker_b.accept([message]) == []
    await worker_a.done(kept[0].row_id)
    assert await worker_a.accept([message]) == []
    restarted = InboundJournal(state_engine_for(state_db_url))
    assert await restarted.accept([message]) == []
    other = await restarted.accept([inbound(unique("wamid.OTHER"))])
    assert len(other) == 1
    await restarted.done(other[0].row_id)  # the PostgreSQL journal outlives the test: nothing left pending


async def test_simultaneous_deliveries_have_exactly_one_keeper(state_db_url, state_engine_for):
    workers = [InboundJournal(state_engine_for(state_db_url)) for _ in range(4)]
    message = inbound(unique("wamid.RACE"))
    results = await asyncio.gather(*(worker.accept([message]) for worker in workers for _ in range(3)))
    [winner] = [item for kept in results for item in kept]
    await workers[0].done(winner.row_id)


async def test_a_message_left_by_a_stopped_worker_is_taken_over_once(state_db_url, state_engine_for):
    lease = timedelta(milliseconds=200)
    stopped = InboundJournal(state_engine_for(state_db_url), lease=lease)
    others = [InboundJournal(state_engine_for(state_db_url), lease=lease) for _ in range(3)]
    first, second = inbound(unique("wamid.LEFT1"), unique("9198")), inbound(unique("wamid.LEFT2"), unique("9198"))
    await stopped.accept([first, second])
    assert [await other.claim_due() for other in others] == [[], [], []]  # the lease still runs
    await asyncio.sleep(0.3)
    taken = await asyncio.gather(*(other.claim_due() for other in others))
    mine = [item for claimed in taken for item in claimed if item.message in (first, second)]
    assert sorted(item.message.message_id for item in mine) == sorted([first.message_id, second.message_id])
    assert all(item.replayed for item in mine)  # Rasa may have seen them: the channel looks before replaying
    for item in mine:
        await others[0].done(item.row_id)
    await asyncio.sleep(0.3)
    assert [item for other in others for item in await other.claim_due() if item.message in (first, second)] == []


async def test_a_citizens_next_message_waits_for_the_one_before_on_every_worker(state_db_url, state_engine_for):
    workers = [InboundJournal(state_engine_for(state_db_url)) for _ in range(3)]
    citizen = unique("9198")
    messages = [inbound(unique(f"wamid.ORDER{n}"), citizen) for n in range(3)]
    assert await workers[0].keep(WebhookBatch(messages=messages)) == 3
    handled = []
    for _ in messages:
        taken = [item for claimed in await asyncio.gather(*(worker.claim_due() for worker in workers))
                 for item in claimed if item.message in messages]
        assert len(taken) == 1  # only the earliest, by one worker
        assert await workers[1].claim_due() == []  # the next one waits while this one is in hand
        handled.append(taken[0].message)
        await workers[2].done(taken[0].row_id)
    assert handled == messages


async def test_a_kept_status_goes_before_the_citizens_message_and_redeliveries_are_dropped(
        state_db_url, state_engine_for):
    ingest, worker = InboundJournal(state_engine_for(state_db_url)), InboundJournal(state_engine_for(state_db_url))
    citizen = unique("9198")
    status = StatusUpdate(unique("wamid.OUT"), "read", citizen, "1749416400")
    batch = WebhookBatch(messages=[inbound(unique("wamid.IN"), citizen)], statuses=[status])
    assert await ingest.keep(batch) == 2
    assert await ingest.keep(batch) == 0  # Meta sent the same delivery again
    [first] = await worker.claim_due()
    assert first.message == status and not first.replayed
    assert await worker.claim_due() == []
    await worker.done(first.row_id)
    [second] = await worker.claim_due()
    assert second.message == batch.messages[0]
    await worker.done(second.row_id)


async def test_a_message_that_keeps_failing_is_set_aside(state_db_url, state_engine_for):
    journal = InboundJournal(state_engine_for(state_db_url), lease=timedelta(milliseconds=50))
    message = inbound(unique("wamid.POISON"))
    await journal.accept([message])
    tries = 1
    for _ in range(MAX_ATTEMPTS + 2):
        await asyncio.sleep(0.08)
        tries += sum(1 for item in await journal.claim_due() if item.message.message_id == message.message_id)
    assert tries == MAX_ATTEMPTS
    with state_engine_for(state_db_url).connect() as connection:
        state = connection.execute(select(inbound_messages.c.state)
                                   .where(inbound_messages.c.message_id == message.message_id)).scalar_one()
    assert state == FAILED


async def test_options_are_shared_replaced_and_forgotten(state_db_url, state_engine_for):
    worker_a = OptionsStore(state_engine_for(state_db_url))
    worker_b = OptionsStore(state_engine_for(state_db_url))
    user = unique("9198")
    offered = [Option("आय प्रमाण पत्र", '/apply_service{"service":"income_certificate"}'), Option("Menu", "/main_menu")]
    assert await worker_b.recall(user) == []
    await worker_a.remember(user, offered)
    assert await worker_b.recall(user) == offered
    await worker_b.remember(user, offered[1:])
    assert await worker_a.recall(user) == offered[1:]
    await asyncio.gather(worker_a.remember(user, offered), worker_b.remember(user, offered))
    assert await worker_a.recall(user) == offered
    await worker_a.forget(user)
    assert await worker_b.recall(user) == []


async def test_statuses_are_recorded_once_with_their_error(state_db_url, state_engine_for, caplog):
    engine = state_engine_for(state_db_url)
    log = StatusLog(engine)
    message_id = unique("wamid.OUT")
    failed = StatusUpdate(message_id, "failed", "919876543210", "1749416500", 131047, "Re-engagement message")
    recorded = [await log.record(status) for status in
                (StatusUpdate(message_id, "sent", "919876543210", "1749416400"), failed, failed)]
    assert recorded == [True, True, False]  # a redelivered status counts once
    with engine.connect() as connection:
        rows = connection.execute(
            select(message_statuses.c.status, message_statuses.c.error_code, message_statuses.c.error_title)
            .where(message_statuses.c.message_id == message_id).order_by(message_statuses.c.id)
        ).all()
    assert [tuple(row) for row in rows] == [("sent", None, None), ("failed", 131047, "Re-engagement message")]
    assert "131047" in caplog.text and "91******3210" in caplog.text and "919876543210" not in caplog.text


async def test_an_outbox_message_is_claimed_by_one_worker_only(state_db_url, state_engine_for):
    worker_a = Outbox(state_engine_for(state_db_url))
    worker_b = Outbox(state_engine_for(state_db_url))
    recipient = unique("9198")
    first = await worker_a.add(recipient, {"type": "text", "text": {"body": "एक"}}, "HTTP 503")
    second = await worker_a.add(recipient, {"type": "text", "text": {"body": "दो"}}, "HTTP 503")
    claims = await asyncio.gather(worker_a.claim(recipient_id=recipient), worker_b.claim(recipient_id=recipient))
    claimed = sorted(message.id for batch in claims for message in batch)
    assert claimed == [first, second]
    assert await worker_b.has_unsent(recipient)
    for batch in claims:
        for message in batch:
            await worker_a.mark_sent(message.id)
    assert not await worker_b.has_unsent(recipient)
    engine = state_engine_for(state_db_url)
    with engine.connect() as connection:
        states = connection.execute(select(outbox.c.state).where(outbox.c.recipient_id == recipient)).scalars().all()
    assert states == ["sent", "sent"]


async def test_sent_messages_are_shared_and_old_ones_pruned(state_db_url, state_engine_for):
    engine = state_engine_for(state_db_url)
    worker_a, worker_b = SentMessages(engine), SentMessages(state_engine_for(state_db_url))
    old, recent = unique("wamid.OLD"), unique("wamid.RECENT")
    content = {"type": "text", "text": {"body": "आपका आवेदन स्वीकृत"}}
    await worker_a.remember(old, "919876543210", content, attempts=0)
    await worker_a.remember(recent, "919876543210", content, attempts=2)
    with engine.begin() as connection:
        connection.execute(update(sent_messages).where(sent_messages.c.message_id == old)
                           .values(sent_at=sent_messages.c.sent_at - timedelta(days=31)))
    assert (await worker_b.recall(recent)).attempts == 2
    assert await worker_b.prune() >= 1
    assert await worker_a.recall(old) is None
    assert (await worker_a.recall(recent)).content == content


async def test_a_reply_is_noted_only_once_it_has_gone(state_db_url, state_engine_for):
    journal = InboundJournal(state_engine_for(state_db_url))
    message_id, sent = unique("wamid.TURN"), []

    async def stopped_mid_send() -> None:
        raise ConnectionError("the worker stopped before Meta accepted the reply")

    async def send(reply: str) -> None:
        sent.append(reply)

    stopped_turn = journal.replies_to(message_id)
    with pytest.raises(ConnectionError):
        await stopped_turn.send_next(stopped_mid_send)
    replayed = journal.replies_to(message_id)
    await replayed.send_next(lambda: send("first"))
    await replayed.send_next(lambda: send("second"))
    replayed_again = journal.replies_to(message_id)
    await replayed_again.send_next(lambda: send("first"))
    await replayed_again.send_next(lambda: send("second"))
    await replayed_again.send_next(lambda: send("third"))
    assert sent == ["first", "second", "third"]  # the unsent one went on replay; what went, once


async def test_a_kept_delivery_wakes_a_waiting_worker_at_once_on_postgresql(private_postgres_url, state_engine_for):
    engine = state_engine_for(private_postgres_url)
    wakeup = Wakeup(engine, poll_seconds=60)
    try:
        await wakeup.listen()
        waiting = asyncio.ensure_future(wakeup.wait())
        await asyncio.sleep(0.2)
        await InboundJournal(state_engine_for(private_postgres_url)).keep(
            WebhookBatch(messages=[inbound(unique("wamid.WAKE"), unique("9198"))]))
        await asyncio.wait_for(waiting, timeout=5)  # not the 60 s poll
    finally:
        wakeup.stop()
