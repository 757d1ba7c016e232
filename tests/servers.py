"""Real servers for tests, on loopback: the project's own processes, and a recording HTTP server."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

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


class RecordingServer:
    """A small real HTTP server on loopback that records every POST (path with query, JSON body).

    It answers 200 with `{}`, or the statuses queued in `fail_next` first.
    Stands in for a server the code under test calls, e.g. Rasa's HTTP API.
    """

    def __init__(self) -> None:
        self.requests: List[Tuple[str, Any]] = []
        self.authorizations: List[Any] = []  # each recorded request's Authorization header (None without)
        self.statuses: List[int] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = recorder.statuses.pop(0) if recorder.statuses else 200
                if status == 200:
                    recorder.requests.append((self.path, json.loads(body or b"null")))
                    recorder.authorizations.append(self.headers.get("Authorization"))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def fail_next(self, times: int, status: int = 500) -> None:
        self.statuses.extend([status] * times)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
