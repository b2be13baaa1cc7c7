"""Wall-clock helpers in Wompi's formats (ISO-8601 UTC with milliseconds and a Z), and the
sandbox's deadline clock, which a test control can move forward."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """`2025-01-01T17:00:00.000Z`, the shape of every timestamp in Wompi's payloads."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def now_iso() -> str:
    return iso(now())


def unix_now() -> int:
    return int(time.time())


def parse_iso(text: str) -> datetime | None:
    """An aware UTC datetime, or None for anything that is not ISO-8601 (naive means UTC)."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            # docs/wompi.md §7.1: payment-link expiry is written in UTC, often without an offset.
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (TypeError, ValueError, OverflowError):  # overflow: year 9999 with a negative offset
        return None


def parse_day(text: str) -> date | None:
    """A `YYYY-MM-DD` query date, or None."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


class DeadlineClock:
    """The time a sandbox judges deadlines by: a checkout's `expiration-time`, an API
    `expiration_time`, a payment link's `expires_at`, acceptance and card tokens, card expiry.

    `advance()` (the `/_sandbox/clock/advance` control) moves it ahead of the wall clock, so a
    test can let a payer "walk away" for an hour in no time. Recorded timestamps (`created_at`,
    `finalized_at`, ids, events) stay on the wall clock: the app searches Wompi by date and the
    relay dates its events, and neither shares this offset.
    """

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return now() + self._offset

    def timestamp(self) -> float:
        return self.now().timestamp()

    @property
    def offset_s(self) -> float:
        with self._lock:
            return self._offset.total_seconds()

    def advance(self, seconds: float) -> None:
        """Move the deadline clock `seconds` (>= 0) forward; it never goes back."""
        if not seconds >= 0:  # also refuses NaN
            raise ValueError("seconds must be >= 0")
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        """Back to the wall clock."""
        with self._lock:
            self._offset = timedelta(0)
