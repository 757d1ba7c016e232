"""Concurrent submissions on PostgreSQL: distinct, gap-free numbers and one
application per idempotency key."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from lokseva_helpers import CLIENT, income_application, make_settings

from lokseva_api.app import create_app

SUBMISSIONS = 12


@pytest.fixture
def pg_client(tmp_path, postgres_schema_db, reference):
    app = create_app(make_settings(tmp_path, postgres_schema_db), reference)
    with TestClient(app, headers=CLIENT) as client:
        yield client
    app.state.engine.dispose()


def _submit_all(client, bodies, headers=None):
    with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        return list(pool.map(lambda body: client.post("/api/v1/applications", json=body, headers=headers), bodies))


def test_concurrent_submissions_get_distinct_sequential_numbers(pg_client):
    responses = _submit_all(pg_client, [income_application() for _ in range(SUBMISSIONS)])
    assert [response.status_code for response in responses] == [201] * SUBMISSIONS
    numbers = sorted(response.json()["application_id"] for response in responses)
    assert numbers == [f"LS-2026-{n:06d}" for n in range(1, SUBMISSIONS + 1)]


def test_concurrent_retries_with_one_key_make_one_application(pg_client):
    responses = _submit_all(pg_client, [income_application()] * SUBMISSIONS, headers={"Idempotency-Key": "same-tap"})
    assert {response.json()["application_id"] for response in responses} == {"LS-2026-000001"}
    assert sorted(response.status_code for response in responses) == [200] * (SUBMISSIONS - 1) + [201]
    # The number the losers drew was rolled back: the next submission continues the sequence.
    assert pg_client.post("/api/v1/applications", json=income_application()).json()["application_id"] == "LS-2026-000002"
