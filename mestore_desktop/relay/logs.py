"""Structured logs: one JSON object per line, with the fields passed as `extra`.

Nothing secret is ever passed to a log call (no tokens, no events secret, no bodies), so the
formatter needs no redaction; it only keeps the fields that are not LogRecord's own.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(level: str = "info") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Alembic narrates every start-up ("Context impl SQLiteImpl."); only its problems matter.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))


class OutcomeSummary:
    """Request outcomes counted in memory and logged as ONE info line per interval.

    A log line per event cost more than parsing and verifying it (issue 12), so per-request
    lines are debug and this line says what happened: `{"stored": 812, "duplicate": 3, ...}`.
    """

    def __init__(
        self,
        logger: logging.Logger,
        interval_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log = logger
        self._interval_s = interval_s
        self._clock = clock
        self._since = clock()
        self._counts: dict[str, int] = {}

    def count(self, outcome: str) -> None:
        self._counts[outcome] = self._counts.get(outcome, 0) + 1

    def flush_if_due(self) -> None:
        if self._clock() - self._since >= self._interval_s:
            self.flush()

    def flush(self) -> None:
        """Log the counts since the last line (nothing when idle) and start again."""
        now = self._clock()
        counts, self._counts = self._counts, {}
        elapsed, self._since = now - self._since, now
        if counts:
            self._log.info(
                "relay summary", extra={"interval_s": round(elapsed, 1), "outcomes": counts}
            )
