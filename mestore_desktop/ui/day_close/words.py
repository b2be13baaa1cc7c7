"""How the day close reads for staff (shared by the dialog and the PDF)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from mestore_desktop.domain.day_close import DayCloseRecord, DayCloseReport
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.reconciliation import Queue
from mestore_desktop.ui.formatting import local_time, method_word
from mestore_desktop.ui.reconciliation.words import queue_name


def tender_word(key: str) -> str:
    """ "CASH" and "WOMPI" (tenders) or a Wompi method ("CARD", "NEQUI"…)."""
    if key == "WOMPI":
        return "Wompi"
    if key == "DESCONOCIDO":
        return QCoreApplication.translate("DayCloseWords", "Desconocido")
    return method_word(key)


def difference_text(difference_cents: int | None) -> str:
    """Sobrante (more cash than expected), faltante (less), or none; with a mark."""
    if difference_cents is None:
        return QCoreApplication.translate("DayCloseWords", "Sin contar")
    if difference_cents == 0:
        return QCoreApplication.translate("DayCloseWords", "✔ Sin diferencia: cuadra")
    amount = Money(abs(difference_cents)).format()
    if difference_cents > 0:
        return QCoreApplication.translate("DayCloseWords", "▲ Sobrante de {amount}").format(
            amount=amount
        )
    return QCoreApplication.translate("DayCloseWords", "▼ Faltante de {amount}").format(
        amount=amount
    )


def difference_status(difference_cents: int | None) -> str:
    """The theme colour of the difference (QLabel[status=…])."""
    if difference_cents is None:
        return ""
    if difference_cents == 0:
        return "approved"
    return "pending" if difference_cents > 0 else "declined"


def state_text(record: DayCloseRecord | None) -> str:
    """Whether the day is open, closed (by whom, when) or reopened (why)."""
    if record is None:
        return QCoreApplication.translate("DayCloseWords", "○ Día abierto: sin cerrar")
    if record.reopened_at is not None:
        return QCoreApplication.translate(
            "DayCloseWords", "↺ Reabierto el {at} por {who}. Motivo: {why}"
        ).format(
            at=when_text(record.reopened_at),
            who=record.reopened_by or "—",
            why=record.reopen_reason,
        )
    return QCoreApplication.translate("DayCloseWords", "✔ Cerrado el {at} por {who}").format(
        at=when_text(record.closed_at), who=record.closed_by or "—"
    )


def unresolved_lines(report: DayCloseReport) -> list[str]:
    """ "Montos distintos: 2" for each exception queue with rows."""
    return [f"{queue_name(Queue(q))}: {n}" for q, n in report.unresolved.items() if n]


def when_text(moment: datetime) -> str:
    """Bogotá time; a naive moment is UTC (how SQLite hands datetimes back)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_time(moment)
