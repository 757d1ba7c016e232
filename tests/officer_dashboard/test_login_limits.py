"""The failed-login limits, server-side sessions and masked addresses, on their own (clocks given)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from officer_dashboard.db import OfficerSession, open_dashboard_db
from officer_dashboard.masking import masked_address
from officer_dashboard.security import LoginLimiter, LoginLimits
from officer_dashboard.sessions import LIFETIME, SessionStore

OFFICE, HOME = "203.0.113.7", "198.51.100.20"


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(1000.0)


@pytest.fixture
def limiter(clock) -> LoginLimiter:
    return LoginLimiter(LoginLimits(per_pair=3, per_user=5, per_address=8, window_s=300), clock)


def fail(limiter: LoginLimiter, username: str, address: str, times: int) -> None:
    for _ in range(times):
        assert not limiter.blocked(username, address)
        limiter.failed(username, address)


def test_typos_lock_the_officer_at_that_address_only(limiter):
    fail(limiter, "anil", OFFICE, 3)
    assert limiter.blocked("anil", OFFICE)
    assert not limiter.blocked("priya", OFFICE)  # a colleague behind the same NAT
    assert not limiter.blocked("anil", HOME)


def test_guessing_one_account_from_many_addresses_locks_it_everywhere(limiter):
    for index in range(5):
        fail(limiter, "anil", f"192.0.2.{index}", 1)
    assert limiter.blocked("anil", "192.0.2.200") and not limiter.blocked("priya", "192.0.2.200")


def test_spraying_many_accounts_from_one_address_meets_its_ceiling(limiter):
    for index in range(8):
        fail(limiter, f"user{index}", OFFICE, 1)
    assert limiter.blocked("priya", OFFICE) and not limiter.blocked("priya", HOME)


def test_failures_count_within_the_window_and_a_login_clears_the_officers_own(limiter, clock):
    fail(limiter, "anil", OFFICE, 3)
    clock.now += 301
    assert not limiter.blocked("anil", OFFICE)
    fail(limiter, "anil", OFFICE, 2)
    limiter.succeeded("anil", OFFICE)
    fail(limiter, "anil", OFFICE, 2)  # counted from zero again
    for index in range(4):
        fail(limiter, f"user{index}", OFFICE, 1)
    assert limiter.blocked("priya", OFFICE)  # the address still counts all 8 failures


def test_a_session_lives_until_logout_or_its_lifetime(tmp_path):
    clock = Clock(datetime(2026, 12, 4, 8, 0))
    store = SessionStore(open_dashboard_db(f"sqlite:///{tmp_path / 'dashboard.db'}"), clock)
    token, other = store.start("anil"), store.start("priya")
    assert store.username_of(token) == "anil" and store.username_of(None) is None
    store.end(token)
    assert store.username_of(token) is None and store.username_of(other) == "priya"
    assert store.username_of("made-up") is None
    clock.now += LIFETIME
    assert store.username_of(other) is None


def test_expired_sessions_are_deleted(tmp_path):
    clock = Clock(datetime(2026, 12, 4, 8, 0))
    sessions = open_dashboard_db(f"sqlite:///{tmp_path / 'dashboard.db'}")
    store = SessionStore(sessions, clock)
    store.start("anil")
    clock.now += LIFETIME + timedelta(seconds=1)
    store.start("priya")
    with sessions() as session:
        assert session.execute(select(OfficerSession.username)).scalars().all() == ["priya"]


@pytest.mark.parametrize("address, shown", [("203.0.113.7", "203.0.113.•"), ("2001:db8:1:2::7", "2001:db8:1::/48"),
                                            ("testclient", "•••••"), ("", "•••••")])
def test_addresses_are_masked_to_their_network(address, shown):
    assert masked_address(address) == shown
