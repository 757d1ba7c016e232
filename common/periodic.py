"""Runs one pass of a background job every few seconds until SIGINT/SIGTERM (the outbox
worker, the SLA escalation): a pass that fails is logged and the schedule goes on."""
from __future__ import annotations

import logging
import signal
import threading
from typing import Callable


def run_every(interval_s: float, one_pass: Callable[[], object], log: logging.Logger, name: str) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    log.info("%s started (every %.1f s)", name, interval_s)
    while not stop.is_set():
        try:
            one_pass()
        except Exception:  # e.g. a database briefly unreachable: the next pass tries again
            log.exception("%s: pass failed", name)
        stop.wait(interval_s)
    log.info("%s stopped", name)
