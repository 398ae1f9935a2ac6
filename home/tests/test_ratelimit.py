"""Rate limits count from a subject's first request, so a burst is limited whatever the clock says."""

import time
import uuid

from home.ratelimit import is_over_limit


def wait_until_fraction_of_second(fraction: float) -> None:
    time.sleep((fraction - time.time() % 1) % 1)


def test_a_burst_that_straddles_a_clock_second_is_still_limited():
    subject = f"test-straddle:{uuid.uuid4()}"
    wait_until_fraction_of_second(0.8)  # the burst starts late in one clock second…
    before_the_turn = [is_over_limit(subject, limit=5, window=1) for _ in range(5)]
    wait_until_fraction_of_second(0.05)  # …and ends early in the next one
    assert before_the_turn == [False] * 5
    assert is_over_limit(subject, limit=5, window=1)


def test_the_window_closes_its_length_after_the_first_request():
    subject = f"test-window:{uuid.uuid4()}"
    assert [is_over_limit(subject, limit=1, window=1) for _ in range(2)] == [False, True]
    time.sleep(1.1)
    assert not is_over_limit(subject, limit=1, window=1)
