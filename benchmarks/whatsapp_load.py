"""Load benchmark: many citizens chatting at once through the WhatsApp emulator.

    python -m benchmarks.whatsapp_load [--citizens 20] [--turns 6]

Starts the whole system from the Procfile (unless a Rasa server already
answers on :5005), then every simulated citizen sends signed webhooks through
the emulator's control API: typed messages in Hindi, Hinglish and English, and
taps on the buttons/list rows the bot offered. Latency is measured from the
send to the first bot reply reaching the emulator (seen by a long-poll).
Prints messages per second and p50/p95 latency.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from whatsapp_emulator.client import EmulatorCitizen, options_of

ROOT = Path(__file__).resolve().parents[1]
RASA_STATUS = "http://127.0.0.1:5005/status"
EMULATOR = "http://127.0.0.1:8003"
TYPED = [
    "नमस्ते", "आय प्रमाण पत्र के लिए कौन से दस्तावेज़ चाहिए", "सीएम हेल्पलाइन क्या है", "धन्यवाद",
    "namaste ji", "ayushman card kaise banega", "jansunwai kab hoti hai", "menu dikhao",
    "hello", "what is samadhan ek din", "which services can I apply for", "thanks",
]


def _up(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


def start_system() -> subprocess.Popen:
    env = {**os.environ, "EMULATOR_THROUGHPUT_MPS": "0"}
    process = subprocess.Popen([sys.executable, "-m", "honcho", "start", "-f", "Procfile"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while not (_up(RASA_STATUS) and _up(f"{EMULATOR}/emulator/config")):
        if time.time() > deadline or process.poll() is not None:
            raise SystemExit("the system did not start; try `make run` to see why")
        time.sleep(2)
    return process


class Citizen(EmulatorCitizen):
    def __init__(self, number: int):
        super().__init__(EMULATOR, f"9199{number:08d}")
        self.options: list = []

    def next_message(self) -> dict:
        if self.options and random.random() < 0.4:
            option = random.choice(self.options)
            kind = "button_reply" if len(self.options) <= 3 else "list_reply"
            return {"type": kind, "id": option["id"], "title": option["title"]}
        return {"type": "text", "text": random.choice(TYPED)}

    def turn(self) -> float:
        """One message and its whole answer; returns seconds until the first reply reached the emulator."""
        started = time.perf_counter()
        self.send(**self.next_message())
        replies = self.replies(wait=60, quiet=0.5)
        if not replies:
            raise TimeoutError(f"no reply within 60 s for citizen {self.wa_id[-4:]}")
        self.options = [option for reply in replies for option in options_of(reply)]
        return self.first_reply_at - started


def run(citizens: int, turns: int) -> dict:
    people = [Citizen(n) for n in range(citizens)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=citizens) as pool:
        latencies = [t for result in pool.map(lambda c: [c.turn() for _ in range(turns)], people) for t in result]
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "citizens": citizens,
        "messages": len(latencies),
        "messages_per_second": round(len(latencies) / wall, 2),
        "p50_ms": round(statistics.median(ordered) * 1000),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--citizens", type=int, default=20)
    parser.add_argument("--turns", type=int, default=6)
    args = parser.parse_args()
    system = None if _up(RASA_STATUS) else start_system()
    try:
        requests.get(f"{EMULATOR}/emulator/config", timeout=5).raise_for_status()
        run(2, 1)  # warm-up: first parses load the model's graph
        print(run(args.citizens, args.turns))
    finally:
        if system:
            os.killpg(system.pid, signal.SIGTERM)
            system.wait(timeout=30)


if __name__ == "__main__":
    main()
