"""The day close of one terminal: what it should hold, what staff counted, what is still open.

Pure: no I/O, no Qt. Rules:

* Expected money counts the terminal's APPROVED attempts created on that Bogota day, per tender
  ("CASH", "WOMPI": both always listed, zero included) and per Wompi method ("CARD", "NEQUI"…;
  "" shown as "DESCONOCIDO"). A VOIDED, DECLINED, ERROR or PENDING attempt counts nothing.
* Cash expected is the approved cash; the difference is counted − expected (negative: cash
  missing). It is recorded with the note and never blocks the close.
* Pending: the terminal's attempts still PENDING created on or before the day, neither abandoned
  nor of a cancelled order (those are given up checkouts, not money expected): carried into the
  next day.
* Unresolved: the exception queues of a reconciliation that still have rows (zeros dropped).

`to_json`/`from_json` give the report one plain JSON shape (what the store saves and the PDF
renderer reads on stdin).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from mestore_desktop.domain.money import MAX_CENTS
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import (
    EXCEPTION_QUEUES,
    UNKNOWN_METHOD,
    LocalAttempt,
    Queue,
    bogota_day,
)
from mestore_desktop.domain.text import N_

MAX_NOTE = 2000


class DayCloseError(ValueError):
    """A day close that cannot be built; `str()` is Spanish for staff."""


class NegativeCashCountError(DayCloseError):
    """The cash counted cannot be below zero."""


@dataclass(frozen=True, slots=True)
class TenderTotal:
    key: str  # "CASH", "WOMPI", or a Wompi method "CARD"…
    count: int
    total_cents: int


@dataclass(frozen=True)
class DayCloseReport:
    terminal_id: str
    day: date
    by_tender: tuple[TenderTotal, ...]  # approved money
    by_method: tuple[TenderTotal, ...]
    cash_expected_cents: int
    cash_counted_cents: int | None
    difference_cents: int | None  # counted - expected
    note: str
    pending: tuple[LocalAttempt, ...]  # still pending: carried into the next day
    unresolved: Mapping[Queue, int]  # exception queues with rows (from a reconciliation)

    @property
    def expected_total_cents(self) -> int:
        return sum(t.total_cents for t in self.by_tender)

    def to_json(self) -> dict[str, object]:
        return {
            "terminal_id": self.terminal_id,
            "day": self.day.isoformat(),
            "by_tender": [_total_json(t) for t in self.by_tender],
            "by_method": [_total_json(t) for t in self.by_method],
            "cash_expected_cents": self.cash_expected_cents,
            "cash_counted_cents": self.cash_counted_cents,
            "difference_cents": self.difference_cents,
            "note": self.note,
            "pending": [attempt_to_json(a) for a in self.pending],
            "unresolved": {str(q): n for q, n in self.unresolved.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> DayCloseReport:
        """The inverse of `to_json`; a malformed document raises DayCloseError."""
        try:
            return cls(
                terminal_id=str(data["terminal_id"]),
                day=date.fromisoformat(str(data["day"])),
                by_tender=tuple(_total_from(t) for t in _list(data["by_tender"])),
                by_method=tuple(_total_from(t) for t in _list(data["by_method"])),
                cash_expected_cents=_int(data["cash_expected_cents"]),
                cash_counted_cents=_opt_int(data["cash_counted_cents"]),
                difference_cents=_opt_int(data["difference_cents"]),
                note=str(data.get("note", "")),
                pending=tuple(attempt_from_json(a) for a in _list(data["pending"])),
                unresolved=MappingProxyType(
                    {Queue(str(q)): _int(n) for q, n in _dict(data["unresolved"]).items()}
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DayCloseError(N_("El cierre guardado no se puede leer: {exc}", exc=exc)) from exc


@dataclass(frozen=True, slots=True)
class DayCloseRecord:
    """A saved close."""

    report: DayCloseReport
    closed_at: datetime
    closed_by: str
    reopened_at: datetime | None = None
    reopened_by: str = ""
    reopen_reason: str = ""

    @property
    def is_open(self) -> bool:
        """Reopened: it must be closed again."""
        return self.reopened_at is not None


def build_day_close(
    terminal_id: str,
    day: date,
    attempts: Iterable[LocalAttempt],
    *,
    cash_counted_cents: int | None = None,
    note: str = "",
    unresolved: Mapping[Queue, int] | None = None,
) -> DayCloseReport:
    """The close of `terminal_id` for `day` from its attempts (others' are ignored)."""
    _check_inputs(terminal_id, day, cash_counted_cents, note)
    mine = [a for a in attempts if a.terminal_id == terminal_id]
    approved = [
        a for a in mine if a.status is PaymentStatus.APPROVED and bogota_day(a.created_at) == day
    ]
    by_tender = tuple(_sum(t.value, [a for a in approved if a.tender is t]) for t in _TENDERS)
    wompi = [a for a in approved if a.tender is Tender.WOMPI]
    methods = sorted({a.payment_method or UNKNOWN_METHOD for a in wompi})
    by_method = tuple(
        _sum(m, [a for a in wompi if (a.payment_method or UNKNOWN_METHOD) == m]) for m in methods
    )
    cash_expected = by_tender[0].total_cents
    return DayCloseReport(
        terminal_id=terminal_id,
        day=day,
        by_tender=by_tender,
        by_method=by_method,
        cash_expected_cents=cash_expected,
        cash_counted_cents=cash_counted_cents,
        difference_cents=None if cash_counted_cents is None else cash_counted_cents - cash_expected,
        note=note.strip(),
        pending=tuple(sorted(_pending(mine, day), key=lambda a: (a.created_at, a.reference))),
        unresolved=_unresolved(unresolved or {}),
    )


_TENDERS = (Tender.CASH, Tender.WOMPI)  # cash first: it is what staff count


def _check_inputs(terminal_id: str, day: date, counted: int | None, note: str) -> None:
    if not terminal_id.strip():
        raise DayCloseError(N_("Indique la terminal del cierre."))
    if not isinstance(day, date) or isinstance(day, datetime):
        raise DayCloseError(N_("Indique el día del cierre como una fecha."))
    if counted is not None:
        if not isinstance(counted, int) or isinstance(counted, bool):
            raise DayCloseError(N_("El efectivo contado debe ser un monto en centavos enteros."))
        if counted < 0:
            raise NegativeCashCountError(N_("El efectivo contado no puede ser negativo."))
        if counted > MAX_CENTS:
            raise DayCloseError(N_("El efectivo contado supera el máximo permitido."))
    if len(note) > MAX_NOTE:
        raise DayCloseError(
            N_(
                "La nota del cierre admite hasta {max_note} caracteres.",
                max_note=MAX_NOTE,
            )
        )


def _sum(key: str, attempts: list[LocalAttempt]) -> TenderTotal:
    return TenderTotal(key, len(attempts), sum(a.amount_cents for a in attempts))


def _pending(attempts: list[LocalAttempt], day: date) -> Iterable[LocalAttempt]:
    for a in attempts:
        if a.status is not PaymentStatus.PENDING or a.abandoned or a.order_cancelled:
            continue
        if bogota_day(a.created_at) <= day:
            yield a


def _unresolved(counts: Mapping[Queue, int]) -> Mapping[Queue, int]:
    for queue, n in counts.items():
        if Queue(queue) is Queue.MATCHED:
            raise DayCloseError(N_("La cola «matched» no es una cola pendiente."))
        if not isinstance(n, int) or n < 0:
            raise DayCloseError(
                N_(
                    "La cola «{queue}» tiene un conteo inválido: {n}.",
                    queue=queue,
                    n=f"{n!r}",
                )
            )
    return MappingProxyType({q: counts[q] for q in EXCEPTION_QUEUES if counts.get(q, 0) > 0})


# -- JSON ---------------------------------------------------------------------------------------


def attempt_to_json(a: LocalAttempt) -> dict[str, object]:
    return {
        "reference": a.reference,
        "order_number": a.order_number,
        "terminal_id": a.terminal_id,
        "tender": str(a.tender),
        "amount_cents": a.amount_cents,
        "status": str(a.status),
        "transaction_id": a.transaction_id,
        "transactions": [[tx, str(s)] for tx, s in a.transactions],
        "payment_method": a.payment_method,
        "created_at": a.created_at.isoformat(),
        "abandoned": a.abandoned,
        "order_cancelled": a.order_cancelled,
        "currency": a.currency,
    }


def attempt_from_json(data: object) -> LocalAttempt:
    d = _dict(data)
    tx_id = d.get("transaction_id")
    return LocalAttempt(
        reference=str(d["reference"]),
        order_number=_int(d["order_number"]),
        terminal_id=str(d["terminal_id"]),
        tender=Tender(str(d["tender"])),
        amount_cents=_int(d["amount_cents"]),
        status=PaymentStatus(str(d["status"])),
        transaction_id=None if tx_id is None else str(tx_id),
        transactions=tuple(
            (str(pair[0]), PaymentStatus(str(pair[1])))
            for pair in (_list(p) for p in _list(d.get("transactions", [])))
        ),
        payment_method=str(d.get("payment_method", "")),
        created_at=datetime.fromisoformat(str(d["created_at"])),
        abandoned=bool(d.get("abandoned", False)),
        order_cancelled=bool(d.get("order_cancelled", False)),
        currency=str(d.get("currency", "COP")),
    )


def _total_json(t: TenderTotal) -> dict[str, object]:
    return {"key": t.key, "count": t.count, "total_cents": t.total_cents}


def _total_from(data: object) -> TenderTotal:
    d = _dict(data)
    return TenderTotal(str(d["key"]), _int(d["count"]), _int(d["total_cents"]))


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"se esperaba un entero, no {value!r}")
    return value


def _opt_int(value: object) -> int | None:
    return None if value is None else _int(value)


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(f"se esperaba una lista, no {type(value).__name__}")
    return value


def _dict(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TypeError(f"se esperaba un objeto, no {type(value).__name__}")
    return value
