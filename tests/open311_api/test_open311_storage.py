"""Tracking numbers under concurrency."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from common.db import make_engine, make_sessionmaker
from open311_api.config import DEFAULT_PROFILE_DIR
from open311_api.inputs import NewRequest
from open311_api.intake import create_complaint
from open311_api.numbering import next_tracking_number
from open311_api.profile import load_profile

WORKERS = 8


def test_numbers_are_a_sequence_per_year(db_url):
    sessions = make_sessionmaker(make_engine(db_url))
    with sessions() as session:
        numbers = [next_tracking_number(session, "CMP", year) for year in (2026, 2026, 2027, 2026)]
        session.commit()
    assert numbers == ["CMP-2026-000001", "CMP-2026-000002", "CMP-2027-000001", "CMP-2026-000003"]


def test_concurrent_complaints_get_distinct_sequential_numbers(db_url):
    profile = load_profile(DEFAULT_PROFILE_DIR)
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    start = threading.Barrier(WORKERS)
    new = NewRequest.parse_obj({"service_code": "garbage", "address_string": "Rajwada"})

    def submit(_):
        with sessions() as session:
            start.wait()  # all transactions race for the first number of the year
            return create_complaint(session, profile, "indore.mp.gov.in", new).request.service_request_id

    with ThreadPoolExecutor(WORKERS) as pool:
        numbers = list(pool.map(submit, range(WORKERS)))
    engine.dispose()
    assert len(set(numbers)) == WORKERS
    assert sorted(int(number[-6:]) for number in numbers) == list(range(1, WORKERS + 1))
