"""The service-level figures both backends' reports use: median time, share met in time."""
from datetime import timedelta

from common.deadlines import DeadlineCount, in_units, median_duration

DAY = timedelta(days=1)


def test_median_of_nothing_is_none():
    assert median_duration([]) is None
    assert in_units(None, DAY) is None


def test_median_of_odd_and_even_counts():
    assert median_duration([timedelta(hours=h) for h in (5, 1, 3)]) == timedelta(hours=3)
    assert median_duration([DAY, 4 * DAY]) == timedelta(days=2.5)
    assert in_units(timedelta(hours=36), DAY) == 1.5
    assert in_units(timedelta(minutes=20), timedelta(hours=1)) == 0.3


def test_share_in_time_counts_late_ones_and_open_ones_past_their_deadline():
    count = DeadlineCount()
    count.settled(in_time=True)
    count.settled(in_time=True)
    count.settled(in_time=False)
    count.still_open(overdue=True)
    count.still_open(overdue=False)  # not known yet: left out
    assert count.as_dict() == {"in_time": 2, "settled_late": 1, "open_overdue": 1, "share_in_time": 0.5}


def test_nothing_known_yet_has_no_share():
    count = DeadlineCount()
    assert count.share_in_time is None
    count.still_open(overdue=False)
    assert count.share_in_time is None
    count.still_open(overdue=True)
    assert count.share_in_time == 0.0
