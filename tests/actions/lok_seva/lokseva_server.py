"""The real Lok Seva API (`python -m lokseva_api`) for the action tests, on a
free loopback port, with its own database and, if given, another catalogue."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Optional

import yaml

from tests.servers import ROOT, free_port, running

CATALOGUE = ROOT / "profiles" / "jhabua" / "services.yml"


@contextmanager
def lokseva_api(folder: Path, catalogue: Optional[Path] = None) -> Iterator[str]:
    port = free_port()
    env = {
        "LOKSEVA_PORT": str(port),
        "LOKSEVA_DB_URL": f"sqlite:///{folder / 'lokseva.db'}",
        "FILE_STORE_DIR": str(folder / "api_files"),
    }
    if catalogue:
        env["LOKSEVA_CATALOGUE"] = str(catalogue)
    base = f"http://127.0.0.1:{port}"
    with running(["lokseva_api"], env, f"{base}/api/v1/health", folder / "lokseva.log"):
        yield base


def write_catalogue(path: Path, change: Callable[[Dict[str, Any]], None]) -> Path:
    """A copy of the district's catalogue, changed by `change`."""
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    change(catalogue)
    path.write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
