"""Wall-clock helpers in Wompi's formats (ISO-8601 UTC with milliseconds and a Z)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime


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
            # REFERENCE §7.1: payment-link expiry is written in UTC, often without an offset.
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
