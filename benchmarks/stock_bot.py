"""The yardstick: a stock `rasa init` bot on the same Rasa, trained once into var/bench/stock_bot."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STOCK_DIR = ROOT / "var" / "bench" / "stock_bot"
STOCK_PORT = 5305


def prepare() -> Path:
    """The stock bot's folder, created and trained on first use (about two minutes)."""
    if not any((STOCK_DIR / "models").glob("*.tar.gz")):
        STOCK_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(STOCK_DIR)],
                       cwd=STOCK_DIR, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    return STOCK_DIR


def start() -> subprocess.Popen:
    """`rasa run` of the stock bot on loopback (its REST channel), without its action server:
    the stock bot's stories use responses only."""
    folder = prepare()
    return subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--port", str(STOCK_PORT), "--interface", "127.0.0.1",
         "--model", "models", "--credentials", "credentials.yml"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
