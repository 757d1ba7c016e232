"""The Lok Seva and 311 APIs fuzzed from their own OpenAPI schemas with schemathesis.

Each API runs for real (its server process, a fresh SQLite database) and
schemathesis sends it what its schema allows and what it does not: every
answer must be no server error, a documented status code, a documented
content type, and a body that matches the documented schema. The key given
is the most powerful one, so the routes behind it are reached too.

schemathesis lives in `.venv-fuzz` (`make test` installs it from
requirements-fuzz.txt): it needs newer jsonschema and pytest than Rasa 3.6
allows. FUZZ_SEED and FUZZ_EXAMPLES change the cases tried (a fixed seed
keeps CI repeatable; another seed explores further).

The officers' dashboard is an HTML application with no OpenAPI schema
(its forms are tested in tests/officer_dashboard)."""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.servers import ROOT, free_port, running

SCHEMATHESIS = ROOT / ".venv-fuzz" / "bin" / "st"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
OFFICER_KEY, OPERATOR_KEY = "fuzz-officer-key", "fuzz-operator-key"


def _lok_seva(tmp_path, port):
    env = {"LOKSEVA_PORT": str(port), "LOKSEVA_DB_URL": f"sqlite:///{tmp_path / 'lokseva.db'}",
           "FILE_STORE_DIR": str(tmp_path / "files"), "LOKSEVA_OFFICER_API_KEY": OFFICER_KEY}
    return ["lokseva_api"], env, f"http://127.0.0.1:{port}/api/v1/health", OFFICER_KEY


def _open311(tmp_path, port):
    env = {"OPEN311_PORT": str(port), "OPEN311_DB_URL": f"sqlite:///{tmp_path / 'open311.db'}",
           "OPEN311_OPERATOR_API_KEY": OPERATOR_KEY}
    return ["open311_api"], env, f"http://127.0.0.1:{port}/health", OPERATOR_KEY


@pytest.fixture
def fuzzer() -> str:
    if not SCHEMATHESIS.exists():
        message = "schemathesis is not installed in .venv-fuzz: run `make test` (or make .venv-fuzz/.installed)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return str(SCHEMATHESIS)


@pytest.mark.parametrize("api", [_lok_seva, _open311], ids=["lok_seva", "open311"])
def test_api_answers_every_generated_request_as_documented(api, fuzzer, tmp_path):
    port = free_port()
    module, env, health, key = api(tmp_path, port)
    with running(module, env, health, tmp_path / "server.log"):
        result = subprocess.run(
            [fuzzer, "run", f"http://127.0.0.1:{port}/openapi.json", "--checks", CHECKS, "--header", f"X-API-Key: {key}",
             "--phases", "examples,coverage,fuzzing", "--workers", "1",
             "--max-examples", os.environ.get("FUZZ_EXAMPLES", "20"), "--seed", os.environ.get("FUZZ_SEED", "20261207")],
            cwd=tmp_path, capture_output=True, text=True, timeout=600)
    tried = re.search(r"(\d+) generated", result.stdout)
    print(f"{module[0]}: {tried.group(0) if tried else 'no cases'} (schemathesis exit {result.returncode})")
    assert result.returncode == 0, result.stdout[-6000:]
    assert tried and int(tried.group(1)) > 100, result.stdout[-2000:]
