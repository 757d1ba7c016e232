"""Open-loop load benchmark (`make bench`): fixed offered rates, whatever the bot's speed.

    python -m benchmarks.open_loop [--rates 10,20,40,80] [--seconds 15] [--profile default|production]

Starts the whole system from the Procfile with the WhatsApp channel pointed
at a Graph API sink of its own (benchmarks/graph_sink.py), then, per offered
rate, sends signed Cloud API webhooks at that fixed rate from many citizens:
typed Hindi, Hinglish and English, button taps, and turns that reach the
backends (a status by number, a form started). It reports the achieved
rate, the webhook's acknowledgement p50/p99, the first reply's p50/p95,
replies missing after a grace period and the memory of every process. The
same rates then go, through the REST channel, to this bot and to a stock
`rasa init` bot on the same Rasa (benchmarks/stock_bot.py), and the ratio
of the two is printed.

The production profile runs the same processes with PostgreSQL (tracker,
channel state), the Redis lock store and two Sanic workers, and the webhooks
go to the ingest process (jan_seva/whatsapp/ingest.py), as Meta's do in production.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import aiohttp

from benchmarks import stock_bot
from benchmarks.graph_sink import GraphSink
from jan_seva.whatsapp.signature import signature_for

ROOT = Path(__file__).resolve().parents[1]
RASA = "http://127.0.0.1:5005"
INGEST = "http://127.0.0.1:5006"
APP_SECRET = "bench-app-secret"
PHONE_NUMBER_ID = "100000000000001"
PROCESSES = "actions rasa lokseva open311 outbox photos"  # what a message can reach; no emulator
GRACE_SECONDS = 120  # at most, after the last message of a rate, for the backlog to be answered
QUIET_SECONDS = 10  # no reply for this long after the last message: the rest is counted unanswered
CITIZENS = 400

TYPED = ["नमस्ते", "आय प्रमाण पत्र के लिए कौन से दस्तावेज़ चाहिए", "सीएम हेल्पलाइन क्या है", "धन्यवाद",
         "namaste ji", "ayushman card kaise banega", "jansunwai kab hoti hai", "menu dikhao",
         "hello", "what is samadhan ek din", "which services can I apply for", "thanks"]
TAPS = ["/main_menu", "/check_application_status", "/register_complaint", "/info_lok_seva_guarantee"]
BACKEND_TURNS = ["LS-2026-000001 ka status kya hai", "mere aavedan dikhao", "aay praman patra banwana hai",
                 "meri shikayatein", "my complaint status"]
PROFILES = {
    "default": {},
    "production": {"TRACKER_DB_URL": "postgresql://postgres@127.0.0.1:5432/test",
                   "WHATSAPP_STATE_DB_URL": "postgresql://postgres@127.0.0.1:5432/test",
                   "REDIS_URL": "redis://127.0.0.1:6379/14", "SANIC_WORKERS": "2"},
}
WEBHOOK = {"default": RASA, "production": INGEST}  # where Meta's deliveries arrive
EXTRA_PROCESSES = {"default": "", "production": "ingest"}


def percentile(values: List[float], share: float) -> Optional[float]:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000) if ordered else None


def next_message() -> Dict[str, str]:
    roll = random.random()
    if roll < 0.6:
        return {"type": "text", "text": random.choice(TYPED)}
    if roll < 0.8:
        return {"type": "tap", "text": random.choice(TAPS)}
    return {"type": "text", "text": random.choice(BACKEND_TURNS)}


def webhook_body(wa_id: str, message: Dict[str, str]) -> bytes:
    sent = {"from": wa_id, "id": f"wamid.bench.{uuid.uuid4().hex}", "timestamp": str(int(time.time()))}
    if message["type"] == "tap":
        sent.update(type="interactive", interactive={"type": "button_reply",
                                                      "button_reply": {"id": message["text"], "title": "…"}})
    else:
        sent.update(type="text", text={"body": message["text"]})
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": PHONE_NUMBER_ID},
             "contacts": [{"wa_id": wa_id, "profile": {"name": "Bench"}}], "messages": [sent]}
    payload = {"object": "whatsapp_business_account",
               "entry": [{"id": "bench", "changes": [{"field": "messages", "value": value}]}]}
    return json.dumps(payload, ensure_ascii=False).encode()


async def offer(rate: float, seconds: float, send) -> List:
    """Calls `send(n)` every 1/rate seconds for `seconds`, not waiting for answers (open loop)."""
    started, tasks, n = time.monotonic(), [], 0
    while n < rate * seconds:
        delay = started + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(send(n)))
        n += 1
    return await asyncio.gather(*tasks)


async def drained(sink: GraphSink, sent: int) -> None:
    """Waits until replies stop coming (the backlog is answered) or the grace period ends."""
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline:
        latest = max((times[-1] for times in sink.arrivals.values() if times), default=0.0)
        if time.monotonic() - latest > QUIET_SECONDS:
            return
        await asyncio.sleep(1)


async def webhook_run(session: aiohttp.ClientSession, webhook: str, sink: GraphSink, rate: float,
                      seconds: float) -> dict:
    run = uuid.uuid4().hex[:6]

    async def send(n: int):
        wa_id = f"91{abs(hash(run)) % 10**4:04d}{n % CITIZENS:06d}"
        body = webhook_body(wa_id, next_message())
        sent_at = time.monotonic()
        try:
            async with session.post(f"{webhook}/webhooks/whatsapp/webhook", data=body, headers={
                    "Content-Type": "application/json", "X-Hub-Signature-256": signature_for(body, APP_SECRET)}) as reply:
                await reply.read()
                return wa_id, sent_at, time.monotonic() - sent_at, reply.status
        except aiohttp.ClientError:  # refused or reset under load: not acknowledged, Meta would send it again
            return wa_id, sent_at, time.monotonic() - sent_at, 0

    started = time.monotonic()
    results = await offer(rate, seconds, send)
    await drained(sink, len(results))
    firsts = [sink.first_reply_after(wa_id, sent_at) for wa_id, sent_at, _, _ in results]
    answered = [first - sent_at for (_, sent_at, _, _), first in zip(results, firsts) if first is not None]
    last = max((first for first in firsts if first is not None), default=started)
    return {"offered": rate, "sent": len(results), "acked_200": sum(1 for *_, status in results if status == 200),
            "ack_p50_ms": percentile([r[2] for r in results], 0.5),
            "ack_p99_ms": percentile([r[2] for r in results], 0.99),
            "first_reply_p50_ms": percentile(answered, 0.5), "first_reply_p95_ms": percentile(answered, 0.95),
            "unanswered": len(results) - len(answered),
            "achieved_per_s": round(len(answered) / max(last - started, seconds), 1)}


async def rest_run(session: aiohttp.ClientSession, url: str, rate: float, seconds: float) -> dict:
    async def send(n: int):
        sent_at = time.monotonic()
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={
                    "sender": f"rest{n % CITIZENS}", "message": next_message()["text"]},
                    timeout=aiohttp.ClientTimeout(total=GRACE_SECONDS)) as reply:
                ok = reply.status == 200 and bool(await reply.json())
        except (aiohttp.ClientError, asyncio.TimeoutError):
            ok = False
        return ok, time.monotonic() - sent_at, time.monotonic()

    started = time.monotonic()
    results = await offer(rate, seconds, send)
    done = [latency for ok, latency, _ in results if ok]
    last = max((at for ok, _, at in results if ok), default=started)
    return {"offered": rate, "answered": len(done), "unanswered": len(results) - len(done),
            "reply_p50_ms": percentile(done, 0.5), "reply_p95_ms": percentile(done, 0.95),
            "achieved_per_s": round(len(done) / max(last - started, seconds), 1)}


def memory_mb(root_pid: int) -> Dict[str, float]:
    """Resident memory of each process started under the Procfile runner, by module."""
    parents: Dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {root_pid}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in family} - family
        family |= children
        grew = bool(children)
    found: Dict[str, float] = {}
    for pid in family - {root_pid}:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            rss_kb = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                          if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
        if "-m " in command:
            name = command.split("-m ", 1)[1].split()[0]
            found[name] = round(found.get(name, 0) + rss_kb / 1024, 1)
    return found


async def wait_up(url: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as reply:
                    if reply.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(1)
    raise SystemExit(f"{url} did not come up; see results/bench_*_system.log")


async def main_async(rates: List[float], seconds: float, profile: str) -> dict:
    async with aiohttp.ClientSession() as probe:
        try:
            async with probe.get(f"{RASA}/status"):
                raise SystemExit("a Rasa server already answers on :5005; stop `make run` first")
        except aiohttp.ClientError:
            pass
    sink = await GraphSink().start()
    env = {**os.environ, **PROFILES[profile], "WHATSAPP_ACCESS_TOKEN": "bench-token", "WHATSAPP_API_URL": sink.url,
           "WHATSAPP_APP_SECRET": APP_SECRET, "WHATSAPP_VERIFY_TOKEN": "bench-verify-token",
           "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID}
    log = ROOT / "results" / f"bench_{profile}_system.log"
    log.parent.mkdir(exist_ok=True)
    processes = [*PROCESSES.split(), *EXTRA_PROCESSES[profile].split()]
    system = subprocess.Popen([sys.executable, "-m", "honcho", "start", "-f", "Procfile", *processes],
                              cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    stock = stock_bot.start()
    report: dict = {"profile": profile, "seconds_per_rate": seconds}
    try:
        await wait_up(f"{RASA}/status")
        await wait_up(f"{WEBHOOK[profile]}/webhooks/whatsapp/")
        await wait_up(f"http://127.0.0.1:{stock_bot.STOCK_PORT}/")  # the stock bot runs without its HTTP API
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            await rest_run(session, RASA, 2, 3)  # warm-up: the first parses load the model's graph
            await rest_run(session, f"http://127.0.0.1:{stock_bot.STOCK_PORT}", 2, 3)
            report["webhook"] = [await webhook_run(session, WEBHOOK[profile], sink, rate, seconds) for rate in rates]
            report["memory_mb"] = memory_mb(system.pid)
            report["rest_this_bot"] = [await rest_run(session, RASA, rate, seconds) for rate in rates]
            report["rest_stock_bot"] = [await rest_run(session, f"http://127.0.0.1:{stock_bot.STOCK_PORT}", rate,
                                                       seconds) for rate in rates]
        report["ratio_to_stock"] = [
            round(ours["achieved_per_s"] / stock["achieved_per_s"], 2) if stock["achieved_per_s"] else None
            for ours, stock in zip(report["rest_this_bot"], report["rest_stock_bot"])]
    finally:
        for process in (system, stock):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        await sink.stop()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rates", default="10,20,40,80")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="default")
    args = parser.parse_args()
    rates = [float(rate) for rate in args.rates.split(",")]
    report = asyncio.run(main_async(rates, args.seconds, args.profile))
    results = ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / f"bench_{args.profile}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print("median of the REST ratios to the stock bot:", statistics.median(
        [ratio for ratio in report["ratio_to_stock"] if ratio is not None] or [0]))


if __name__ == "__main__":
    main()
