"""Retry backoff (capped, full jitter, Retry-After) and circuit-breaker transitions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.wompi.resilience import (
    BreakerState,
    CircuitBreaker,
    RetryPolicy,
    parse_retry_after,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_backoff_without_jitter_doubles_up_to_the_cap() -> None:
    policy = RetryPolicy(max_attempts=10, base_delay_s=0.2, max_delay_s=2.0, jitter=False)
    assert [policy.backoff_s(n) for n in range(1, 7)] == pytest.approx(
        [0.2, 0.4, 0.8, 1.6, 2.0, 2.0]
    )


def test_full_jitter_scales_the_cap_by_the_random_draw() -> None:
    draws = iter([0.0, 0.5, 1.0])
    policy = RetryPolicy(max_attempts=10, random=lambda: next(draws))
    assert [policy.backoff_s(3) for _ in range(3)] == pytest.approx([0.0, 0.4, 0.8])


def test_no_delay_once_attempts_are_used_up() -> None:
    policy = RetryPolicy(max_attempts=3, jitter=False)
    assert policy.delay_s(1) == pytest.approx(0.2)
    assert policy.delay_s(2) == pytest.approx(0.4)
    assert policy.delay_s(3) is None
    assert RetryPolicy.no_retries().delay_s(1) is None


def test_retry_after_wins_but_a_long_one_means_give_up() -> None:
    policy = RetryPolicy(max_attempts=3, max_delay_s=2.0)
    assert policy.delay_s(1, retry_after_s=1.5) == 1.5
    assert policy.delay_s(1, retry_after_s=0) == 0
    assert policy.delay_s(1, retry_after_s=-3) == 0
    assert policy.delay_s(1, retry_after_s=30) is None


@pytest.mark.parametrize(
    "kwargs", [{"max_attempts": 0}, {"base_delay_s": -1}, {"base_delay_s": 3, "max_delay_s": 2}]
)
def test_policy_refuses_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"must|need"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


@given(
    st.integers(min_value=1, max_value=60),
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=0, max_value=5),
    st.floats(min_value=0, max_value=5),
)
def test_backoff_is_always_within_zero_and_the_cap(
    retry: int, draw: float, base: float, extra: float
) -> None:
    policy = RetryPolicy(base_delay_s=base, max_delay_s=base + extra, random=lambda: draw)
    assert 0 <= policy.backoff_s(retry) <= base + extra


def test_breaker_opens_after_the_threshold_of_consecutive_failures() -> None:
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout_s=30, clock=FakeClock())
    for _ in range(2):
        assert breaker.allow()
        breaker.record_failure()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    assert breaker.retry_in_s() == 30


def test_a_success_resets_the_count() -> None:
    breaker = CircuitBreaker(failure_threshold=3, clock=FakeClock())
    for _ in range(2):
        breaker.record_failure()
    breaker.record_success()
    assert breaker.consecutive_failures == 0
    for _ in range(2):
        breaker.record_failure()
    assert breaker.state is BreakerState.CLOSED


def test_half_open_lets_exactly_one_trial_through_and_success_closes() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=30, clock=clock)
    breaker.record_failure()
    clock.advance(29.9)
    assert not breaker.allow()
    assert breaker.retry_in_s() == pytest.approx(0.1)
    clock.advance(0.1)
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()
    assert not breaker.allow()  # the trial is in flight
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    assert breaker.allow()


def test_a_failed_trial_opens_again_for_a_full_timeout() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=5, reset_timeout_s=30, clock=clock)
    for _ in range(5):
        breaker.record_failure()
    clock.advance(30)
    assert breaker.allow()
    breaker.record_failure()  # one failure in half-open is enough
    assert breaker.state is BreakerState.OPEN
    clock.advance(29)
    assert not breaker.allow()
    clock.advance(1)
    assert breaker.allow()


def test_release_frees_the_trial_slot_without_a_verdict() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=1, clock=clock)
    breaker.record_failure()
    clock.advance(1)
    assert breaker.allow()
    breaker.release()  # e.g. the trial call was cancelled
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()


def test_breaker_repr_shows_state_only() -> None:
    assert repr(CircuitBreaker()) == "CircuitBreaker(state=closed, failures=0)"


def test_breaker_refuses_a_zero_threshold() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        CircuitBreaker(failure_threshold=0)


NOW = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, None),
        ("", None),
        ("3", 3.0),
        ("1.5", 1.5),
        ("-4", 0.0),
        ("Wed, 01 Jan 2025 12:00:30 GMT", 30.0),
        ("Wed, 01 Jan 2025 11:59:00 GMT", 0.0),
        ("pronto", None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
