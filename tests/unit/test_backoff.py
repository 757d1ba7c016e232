from datetime import timedelta

from common.backoff import FIRST_RETRY_SECONDS, LONGEST_WAIT_SECONDS, retry_delay


def test_retries_start_quick_double_and_settle_at_the_longest_wait():
    waits = [retry_delay(failures).total_seconds() for failures in range(1, 40)]
    assert waits[0] == FIRST_RETRY_SECONDS
    assert all(later == min(2 * earlier, LONGEST_WAIT_SECONDS) for earlier, later in zip(waits, waits[1:]))
    assert waits[-1] == LONGEST_WAIT_SECONDS


def test_a_job_that_never_failed_waits_the_first_step():
    assert retry_delay(0) == timedelta(seconds=FIRST_RETRY_SECONDS)
