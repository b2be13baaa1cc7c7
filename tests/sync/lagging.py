"""A Wompi client whose read-back of a transaction lags behind the truth, for sync tests.

`LaggingWompi` wraps a real `WompiClient` (in-process sandbox) and forwards every call, except
that after `lag(tx_id, status, reads)` the next `reads` calls of `get_transaction(tx_id)` answer
the transaction as it is but with `status` (the status before its last change), the way
Wompi's API may still show PENDING, or APPROVED, just after it sent the event of a change.
`reads=None` lags for ever.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.models import Transaction


@dataclass
class _Lag:
    status: PaymentStatus
    reads: int | None


class LaggingWompi:
    def __init__(self, inner: WompiClient) -> None:
        self._inner = inner
        self._lags: dict[str, _Lag] = {}
        self.reads: dict[str, int] = {}

    def lag(self, tx_id: str, status: PaymentStatus, reads: int | None = 1) -> None:
        self._lags[tx_id] = _Lag(status, reads)

    def stop(self, tx_id: str) -> None:
        self._lags.pop(tx_id, None)

    async def get_transaction(self, transaction_id: str) -> Transaction:
        tx = await self._inner.get_transaction(transaction_id)
        self.reads[transaction_id] = self.reads.get(transaction_id, 0) + 1
        lag = self._lags.get(transaction_id)
        if lag is None:
            return tx
        if lag.reads is not None:
            lag.reads -= 1
            if lag.reads <= 0:
                del self._lags[transaction_id]
        return replace(tx, status=lag.status)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
