"""A control that makes `GET /v1/transactions/{id}` lag behind a transaction's changes.

Wompi sends the event of a change at once, but its API may still answer the status before it
for a moment (PENDING just after an approval, APPROVED just after a void). A client must not
take such an answer as final. `ReadBackLags.freeze(tx_id, view, reads=n | seconds=s)` keeps the
transaction's GET view as it is now; after its next change, the next `n` reads by id (or the
reads during `s` seconds after that change) answer the kept view instead of the new one. Reads
that would show nothing newer are answered as they are and do not count. Searches
(`GET /v1/transactions?…`) are never held back.

Test control only: kept in memory, never in the state file.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class _Lag:
    view: dict[str, Any]  # the GET view kept
    reads: int | None  # answers of `view` still to give
    seconds: float | None
    changed_at: float | None = None  # monotonic time of the first change after freezing


class ReadBackLags:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._lags: dict[str, _Lag] = {}
        self._lock = threading.Lock()
        self._monotonic = monotonic

    def freeze(
        self,
        tx_id: str,
        view: dict[str, Any],
        *,
        reads: int | None = None,
        seconds: float | None = None,
    ) -> None:
        """Keep `view` for the next `reads` reads, or `seconds`, after the next change; exactly
        one of them. `reads=0` or `seconds=0` removes the lag."""
        if (reads is None) == (seconds is None):
            raise ValueError("give reads or seconds")
        with self._lock:
            if not (reads or seconds):
                self._lags.pop(tx_id, None)
                return
            self._lags[tx_id] = _Lag(copy.deepcopy(view), reads, seconds)

    def changed(self, tx_id: str) -> None:
        """The transaction changed status: a lag on it starts counting its seconds."""
        with self._lock:
            lag = self._lags.get(tx_id)
            if lag is not None and lag.changed_at is None:
                lag.changed_at = self._monotonic()

    def answer(self, tx_id: str, current: dict[str, Any]) -> dict[str, Any]:
        """What a read by id answers: the kept view while the lag lasts, else `current`."""
        with self._lock:
            lag = self._lags.get(tx_id)
            if lag is None or current.get("status") == lag.view.get("status"):
                return current
            if lag.seconds is not None:
                started = lag.changed_at if lag.changed_at is not None else self._monotonic()
                if self._monotonic() - started >= lag.seconds:
                    del self._lags[tx_id]
                    return current
                return copy.deepcopy(lag.view)
            assert lag.reads is not None  # noqa: S101  (freeze took one of the two)
            lag.reads -= 1
            if lag.reads <= 0:
                del self._lags[tx_id]
            return copy.deepcopy(lag.view)

    def describe(self, tx_id: str) -> dict[str, Any]:
        """The lag on a transaction, as the control answers it."""
        with self._lock:
            lag = self._lags.get(tx_id)
            if lag is None:
                return {"transaction_id": tx_id, "status": None, "reads": None, "seconds": None}
            return {
                "transaction_id": tx_id,
                "status": lag.view.get("status"),
                "reads": lag.reads,
                "seconds": lag.seconds,
            }
