"""*Cierre del día* of one terminal: preview, close, reopen (with a reason), read back.

The report is the pure `domain.day_close.build_day_close` over the terminal's attempts of that
Bogotá day and those still pending from before it (carried into the next day). Its unresolved
reconciliation queues are those of the last reconciliation run in this session that covered the
day, minus rows applied or resolved since (`ReconciliationMemory`); with no such run they are
`{}` — kept simple on purpose: reconciling needs Wompi and the private key, and a day close must
never wait for either. The day close page may offer to reconcile first.

Saving and reopening belong to the store's `DayCloseRepository` (audited there); a reopen needs
a reason, and so does nothing else: a cash difference is recorded with its note, never blocking.
"""

from __future__ import annotations

import json
from datetime import date

from mestore_desktop.domain.day_close import DayCloseRecord, DayCloseReport, build_day_close
from mestore_desktop.services.back_office_base import Clock, now_utc, require_reason
from mestore_desktop.services.reconciliation import ReconciliationMemory
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.reconciliation_repository import DayCloseRepository


class DayCloseService:
    def __init__(
        self,
        db: DbExecutor,
        memory: ReconciliationMemory | None = None,
        clock: Clock = now_utc,
    ) -> None:
        self._db = db
        self._memory = memory or ReconciliationMemory()
        self._clock = clock

    async def preview(
        self,
        terminal_id: str,
        day: date,
        cash_counted_cents: int | None = None,
        note: str = "",
    ) -> DayCloseReport:
        """The report as it stands now; nothing is saved."""
        attempts = await self._db.read(
            lambda s: DayCloseRepository(s).attempts_for_day(terminal_id, day)
        )
        return build_day_close(
            terminal_id,
            day,
            attempts,
            cash_counted_cents=cash_counted_cents,
            note=note,
            unresolved=self._memory.unresolved(day) or {},
        )

    async def close(self, report: DayCloseReport, actor: str) -> DayCloseRecord:
        """Save the close; `DayAlreadyClosedError` (store) for a day closed and not reopened."""
        at = self._clock()
        return await self._db.write(lambda s: DayCloseRepository(s).save_close(report, at, actor))

    async def reopen(self, terminal_id: str, day: date, reason: str, actor: str) -> DayCloseRecord:
        actor, reason = require_reason(actor, reason)
        at = self._clock()
        return await self._db.write(
            lambda s: DayCloseRepository(s).reopen(terminal_id, day, reason, at, actor)
        )

    async def get(self, terminal_id: str, day: date) -> DayCloseRecord | None:
        return await self._db.read(lambda s: DayCloseRepository(s).get(terminal_id, day))


def record_json(record: DayCloseRecord) -> dict[str, object]:
    """A saved close as JSON: the report's shape plus who closed (and reopened) it and when."""
    return {
        **record.report.to_json(),
        "closed_at": record.closed_at.isoformat(),
        "closed_by": record.closed_by,
        "reopened_at": None if record.reopened_at is None else record.reopened_at.isoformat(),
        "reopened_by": record.reopened_by,
        "reopen_reason": record.reopen_reason,
    }


def report_json_text(document: dict[str, object]) -> str:
    """What the PDF renderer reads on stdin (`ui.reports.day_close_pdf`)."""
    return json.dumps(document, ensure_ascii=False)
