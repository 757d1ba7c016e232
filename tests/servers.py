"""Starting the project's real server processes for tests, on loopback."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Waits for `url` to answer 2xx; fails with the process log when it exits or times out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds} s:\n{log.read_text()[-3000:]}")


def start(module_args: List[str], env: Dict[str, str], log: Path, cwd: Path = ROOT) -> subprocess.Popen:
    """Starts `python -m <module_args>` with the project on PYTHONPATH, output to `log`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.Popen([sys.executable, "-m", *module_args], cwd=cwd, env=env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running(module_args: List[str], env: Dict[str, str], health_url: str, log: Path,
            seconds: float = 60) -> Iterator[subprocess.Popen]:
    """A server process that is up for the duration of the block."""
    process = start(module_args, env, log)
    try:
        wait_until_up(health_url, process, log, seconds)
        yield process
    finally:
        stop(process)
