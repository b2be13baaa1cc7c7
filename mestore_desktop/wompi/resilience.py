"""When to try a Wompi call again, and when to stop calling for a while.

`RetryPolicy` spaces attempts with capped exponential backoff and *full jitter* (a random delay
between zero and the cap), so that several terminals that failed together do not retry in
lockstep. The client applies it only to idempotent reads: a create, a void or a PATCH that
timed out may already have happened, and sending it again could charge or change twice.

`CircuitBreaker` stops a terminal from hammering a Wompi that is down. After
`failure_threshold` consecutive failures (5xx, timeouts, connection errors; a 4xx is an answer
and proves Wompi is up) it opens and calls fail at once; after `reset_timeout_s` it lets one
trial call through (half-open): success closes it, failure opens it again.

Both take their clock, sleep and randomness as arguments so tests run instantly.
"""

from __future__ import annotations

import asyncio
import email.utils
import random as _random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Capped exponential backoff with full jitter.

    The delay before retry n (n = 1 after the first failure) is uniform in
    [0, min(max_delay_s, base_delay_s * 2**(n-1))], or exactly that cap without jitter.
    """

    max_attempts: int = 3
    base_delay_s: float = 0.2
    max_delay_s: float = 2.0
    jitter: bool = True
    sleep: Callable[[float], Awaitable[None]] = field(
        default=asyncio.sleep, repr=False, compare=False
    )
    random: Callable[[], float] = field(default=_random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay_s < 0 or self.max_delay_s < self.base_delay_s:
            raise ValueError("need 0 <= base_delay_s <= max_delay_s")

    @classmethod
    def no_retries(cls) -> RetryPolicy:
        return cls(max_attempts=1)

    def backoff_s(self, retry_number: int) -> float:
        """Delay before the `retry_number`-th retry (1-based), jitter applied."""
        growth: float = 2 ** (retry_number - 1)  # int ** int is typed Any (negative: a float)
        cap = min(self.max_delay_s, self.base_delay_s * growth)
        return cap * self.random() if self.jitter else cap

    def delay_s(self, retry_number: int, retry_after_s: float | None = None) -> float | None:
        """How long to wait before retrying, or None when waiting is not worth it.

        A server's Retry-After wins over our backoff; but a POS clerk is waiting at the
        counter, so a Retry-After longer than `max_delay_s` means giving up now and saying so.
        """
        if retry_number >= self.max_attempts:
            return None
        if retry_after_s is not None:
            return max(0.0, retry_after_s) if retry_after_s <= self.max_delay_s else None
        return self.backoff_s(retry_number)


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Consecutive-failure breaker shared by every call of one client (one event loop).

    Protocol: `allow()` before sending; then exactly one of `record_success()`,
    `record_failure()` or `release()` (the call ended without telling us anything about
    Wompi's health, e.g. it was cancelled), so a half-open trial slot is never lost.
    """

    def __init__(
        self,
        failure_threshold: int = 5,
        reset_timeout_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.reset_timeout_s = reset_timeout_s
        self._clock = clock
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trial_in_flight = False

    def __repr__(self) -> str:
        return f"CircuitBreaker(state={self.state.value}, failures={self._failures})"

    @property
    def state(self) -> BreakerState:
        """The state as of now: an open breaker whose timeout passed reports half-open."""
        if self._state is BreakerState.OPEN and self._cooled_down():
            return BreakerState.HALF_OPEN
        return self._state

    @property
    def consecutive_failures(self) -> int:
        return self._failures

    def retry_in_s(self) -> float:
        """Seconds until a trial call will be allowed (0 when calls are allowed now)."""
        if self._state is not BreakerState.OPEN:
            return 0.0
        return max(0.0, self._opened_at + self.reset_timeout_s - self._clock())

    def allow(self) -> bool:
        """Whether a call may be sent now; in half-open only one trial is let through."""
        if self._state is BreakerState.OPEN and self._cooled_down():
            self._state = BreakerState.HALF_OPEN
        if self._state is BreakerState.CLOSED:
            return True
        if self._state is BreakerState.HALF_OPEN and not self._trial_in_flight:
            self._trial_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._trial_in_flight = False

    def record_failure(self) -> None:
        self._failures += 1
        self._trial_in_flight = False
        if self._state is BreakerState.HALF_OPEN or self._failures >= self.failure_threshold:
            self._state = BreakerState.OPEN
            self._opened_at = self._clock()

    def release(self) -> None:
        """The call ended without a verdict: free the half-open trial slot for the next one."""
        self._trial_in_flight = False

    def _cooled_down(self) -> bool:
        return self._clock() - self._opened_at >= self.reset_timeout_s


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header as seconds from `now`: delta-seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
