"""Relay events whose transaction Wompi's read-back did not reflect yet (issue 9, defect 3).

Just after sending an event Wompi's `GET /transactions/{id}` may still show the status before
it (PENDING after an approval, APPROVED after a void). Such an event is not applied: it is kept
here and its transaction re-read with backoff until the answer reflects it; after the last try
it is left to the gap filler (`due_at` None). Rows live in `sync_state` under
`held_event:<dedupe key>` as JSON, so holding an event commits in the same transaction as the
cursor that moves past it: a crash can neither lose it nor keep it twice.

Like the other repositories, `HeldEvents` never opens, commits or rolls back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mestore_desktop.store.tables import SyncStateRow, from_micros, to_micros

PREFIX = "held_event:"
_TIMES = ("created_at", "held_at", "due_at", "gave_up_at")


@dataclass(frozen=True, slots=True)
class HeldEvent:
    """An event waiting for Wompi's read-back to reflect it."""

    dedupe_key: str
    transaction_id: str
    status: str  # what the event says
    relay_seq: int
    reference: str  # from Wompi's answer
    created_at: datetime  # the transaction's: where the gap filler must search
    held_at: datetime
    tries: int = 0  # re-reads so far
    due_at: datetime | None = None  # next re-read; None once given up
    gave_up_at: datetime | None = None

    @property
    def given_up(self) -> bool:
        return self.due_at is None


class HeldEvents:
    """The held events, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, dedupe_key: str) -> HeldEvent | None:
        row = self._session.get(SyncStateRow, PREFIX + dedupe_key)
        return None if row is None else _load(row.value)

    def all(self) -> list[HeldEvent]:
        """Oldest first."""
        query = select(SyncStateRow).where(SyncStateRow.key.startswith(PREFIX, autoescape=True))
        held = [_load(row.value) for row in self._session.scalars(query)]
        return sorted(held, key=lambda h: (h.held_at, h.relay_seq))

    def save(self, held: HeldEvent) -> None:
        row = self._session.get(SyncStateRow, PREFIX + held.dedupe_key)
        if row is None:
            self._session.add(SyncStateRow(key=PREFIX + held.dedupe_key, value=_dump(held)))
        else:
            row.value = _dump(held)
        self._session.flush()

    def release(self, dedupe_key: str) -> bool:
        """Forget it (settled or dropped); False if it was not held."""
        row = self._session.get(SyncStateRow, PREFIX + dedupe_key)
        if row is None:
            return False
        self._session.delete(row)
        self._session.flush()
        return True


def _dump(held: HeldEvent) -> str:
    data: dict[str, Any] = asdict(held)
    for name in _TIMES:
        value = data[name]
        # Integer microseconds, like every other timestamp in the database.
        data[name] = None if value is None else to_micros(value)
    return json.dumps(data, sort_keys=True)


def _load(text: str) -> HeldEvent:
    data = json.loads(text)
    for name in _TIMES:
        value = data.get(name)
        data[name] = None if value is None else from_micros(int(value))
    return HeldEvent(**data)
