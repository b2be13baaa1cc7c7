"""How often the sync asks, and how long it waits after a failure: `SyncSettings` and backoffs.

Two kinds of waiting:

* after a failure (relay or Wompi unreachable): capped exponential backoff with *full jitter*
  (uniform in [floor, cap_n]), so that many terminals that lost the network together do not
  come back in lockstep;
* between polls of a PENDING attempt: a schedule per payment method. A card or Nequi payment
  settles in seconds; PSE and Bancolombia transfers wait for the payer at their bank's site;
  cash at a Corresponsal Bancario (BANCOLOMBIA_COLLECT) may take hours. A small jitter keeps
  the polls of attempts created together apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class PollSchedule:
    """First interval, doubling up to `cap_s`."""

    first_s: float
    cap_s: float

    def interval_s(self, step: int) -> float:
        """The base interval after `step` polls (0 = the first re-poll)."""
        growth: float = 2 ** min(step, 32)  # int ** int is typed Any (negative: a float)
        return min(self.cap_s, self.first_s * growth)


FAST = PollSchedule(10.0, 60.0)
SLOW = PollSchedule(30.0, 300.0)
CASH = PollSchedule(600.0, 3 * 3600.0)

# docs/wompi.md §5.1 / §11: methods whose outcome waits for the payer somewhere else.
DEFAULT_SCHEDULES: Mapping[str, PollSchedule] = MappingProxyType(
    {
        "CARD": FAST,
        "NEQUI": FAST,
        "DAVIPLATA": FAST,
        "BANCOLOMBIA_QR": FAST,
        "SU_PLUS": FAST,
        "PSE": SLOW,
        "BANCOLOMBIA_TRANSFER": SLOW,
        "BANCOLOMBIA_BNPL": SLOW,
        "PCOL": SLOW,
        "BANCOLOMBIA_COLLECT": CASH,
    }
)


@dataclass(frozen=True, slots=True)
class SyncSettings:
    # -- relay feed
    long_poll_wait_s: float = 25.0
    batch_limit: int = 100
    relay_backoff_first_s: float = 1.0
    relay_backoff_cap_s: float = 30.0
    offline_after_failures: int = 3
    # -- Wompi re-reads (the event stays next in line while Wompi is down)
    wompi_backoff_first_s: float = 2.0
    wompi_backoff_cap_s: float = 60.0
    # Wompi answers that cannot be read: after this many tries the event is audited and skipped
    # (the pending watcher and the gap filler still cover its transaction).
    bad_answer_tries: int = 3
    # -- events Wompi's read-back does not reflect yet: re-read after first, doubling up to cap,
    # this many times; then left to the gap filler, and dropped (audited) after forget_after.
    lag_first_s: float = 2.0
    lag_cap_s: float = 60.0
    lag_tries: int = 8
    lag_forget_after_s: float = 24 * 3600.0
    # -- pending watcher
    first_check_after_s: float = 20.0
    watch_tick_s: float = 2.0
    watch_jitter: float = 0.2
    schedules: Mapping[str, PollSchedule] = field(default_factory=lambda: DEFAULT_SCHEDULES)
    default_schedule: PollSchedule = FAST
    # An attempt pending this long was most likely abandoned by the payer: poll it rarely.
    stale_after_s: float = 24 * 3600.0
    stale_interval_s: float = 3600.0
    # -- gap filler
    gap_check_s: float = 30.0
    # With no relay (or the relay offline) Wompi is searched this often.
    fallback_gap_interval_s: float = 300.0
    # Attempts created this long ago with no event since: events are probably not arriving.
    silence_after_s: float = 600.0
    gap_margin_s: float = 3600.0
    max_gap_days: int = 31

    def schedule_for(self, method_type: str | None) -> PollSchedule:
        if method_type is None:
            return self.default_schedule
        return self.schedules.get(method_type, self.default_schedule)


def full_jitter(first_s: float, cap_s: float, failures: int, random: Callable[[], float]) -> float:
    """Delay after the `failures`-th consecutive failure: uniform in [first/10, cap_n]."""
    growth: float = 2 ** min(max(failures, 1) - 1, 32)
    ceiling = min(cap_s, first_s * growth)
    floor = first_s / 10  # never a busy loop against a relay that refuses at once
    return max(floor, ceiling * random())


def jittered(interval_s: float, jitter: float, random: Callable[[], float]) -> float:
    """`interval_s` shortened by up to `jitter` (a fraction), at random."""
    return interval_s * (1.0 - jitter * random())
