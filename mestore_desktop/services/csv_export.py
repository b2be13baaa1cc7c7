"""CSV files for Excel in es-CO: UTF-8 with a BOM, `;` between fields, a Spanish header row.

Excel in Colombia uses the comma as its decimal mark, so it splits a comma-separated file in the
wrong places and reads UTF-8 without a BOM as Windows-1252 (ñ and tildes garbled). Money is
written as plain pesos (`25000`, `25000,50` when there are centavos), which Excel reads as a
number. A file is written next to its destination and moved into place when complete, so a
failed export never leaves half a file under the name the person asked for.

Text that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'`: a customer name
typed at the counter must never run as a formula on the back office's computer.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO

from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, Tender
from mestore_desktop.services.payment_details import CASH_LABEL, METHOD_LABELS

ENCODING = "utf-8-sig"  # writes the BOM Excel needs to read UTF-8
DELIMITER = ";"
# Colombia has no daylight saving time: a fixed offset is exact (domain/reconciliation's BOGOTA).
_BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ORDER_STATUS_WORDS = {
    OrderStatus.OPEN: "Abierto",
    OrderStatus.AWAITING_PAYMENT: "Esperando pago",
    OrderStatus.PAID: "Pagado",
    OrderStatus.FAILED: "Fallido",
    OrderStatus.CANCELLED: "Cancelado",
    OrderStatus.VOIDED: "Anulado",
}
PAYMENT_STATUS_WORDS = {
    PaymentStatus.PENDING: "Pendiente",
    PaymentStatus.APPROVED: "Aprobado",
    PaymentStatus.DECLINED: "Rechazado",
    PaymentStatus.ERROR: "Error",
    PaymentStatus.VOIDED: "Anulado",
}
ORDER_HEADER = (
    "Pedido",
    "Fecha (Bogotá)",
    "Caja",
    "Estado",
    "Total (pesos)",
    "Cliente",
    "Correo",
    "Referencia",
    "Medio de pago",
)


def pesos(cents: int) -> str:
    """Integer cents as pesos for Excel es-CO: `2500000` → `25000`, `2500050` → `25000,50`."""
    sign = "-" if cents < 0 else ""
    whole, centavos = divmod(abs(cents), 100)
    return f"{sign}{whole},{centavos:02d}" if centavos else f"{sign}{whole}"


def text(value: object) -> str:
    """A text cell; formula-like text is neutralised with a leading apostrophe."""
    shown = "" if value is None else str(value)
    return "'" + shown if shown.startswith(_FORMULA_STARTS) else shown


def bogota_time(moment: datetime) -> str:
    return moment.astimezone(_BOGOTA).strftime("%Y-%m-%d %H:%M")


def day_text(day: date) -> str:
    return day.isoformat()


def payment_status_word(status: PaymentStatus | None) -> str:
    return "" if status is None else PAYMENT_STATUS_WORDS[status]


def order_row(summary: OrderSummary) -> list[str]:
    return [
        str(summary.number),
        bogota_time(summary.created_at),
        text(summary.terminal_id),
        ORDER_STATUS_WORDS[summary.status],
        pesos(summary.total.cents),
        text(summary.customer_name),
        text(summary.customer_email),
        text(summary.last_reference),
        text(_order_method(summary)),
    ]


def _order_method(summary: OrderSummary) -> str:
    """As Pedidos shows it: "Link · <name>" when paid or awaited through a payment link."""
    if summary.link_name and summary.payment_method != Tender.CASH.value:
        return f"Link · {summary.link_name}"
    return method_text(summary.payment_method)


def method_text(method: str) -> str:
    """An order's method (Wompi's type, or "CASH") in Spanish: "Efectivo", "Tarjeta", "Nequi"…;
    anything else as it is."""
    if method == Tender.CASH.value:
        return CASH_LABEL
    return METHOD_LABELS.get(method, method)


class CsvFile:
    """One CSV being written; `write_rows` counts rows; committed into place on a clean exit."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path = Path(path)
        self.header = tuple(header)
        self.rows = 0
        self._handle: IO[str] | None = None
        self._temp: Path | None = None

    def __enter__(self) -> CsvFile:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".", suffix=".csv.part", dir=self.path.parent)
        self._temp = Path(name)
        self._handle = os.fdopen(fd, "w", encoding=ENCODING, newline="")
        self._writer = csv.writer(self._handle, delimiter=DELIMITER, lineterminator="\r\n")
        self._writer.writerow(self.header)
        return self

    def write_rows(self, rows: Iterable[Sequence[str]]) -> None:
        for row in rows:
            self._writer.writerow(row)
            self.rows += 1

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._handle is not None  # noqa: S101  entered
        assert self._temp is not None  # noqa: S101  entered
        try:
            self._handle.close()
            if exc_type is None:
                os.replace(self._temp, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                self._temp.unlink()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write a whole file; returns the number of data rows."""
    with CsvFile(path, header) as out:
        out.write_rows(rows)
    return out.rows


def read_csv(path: Path) -> Iterator[list[str]]:
    """Rows as Excel would split them (tests and support scripts)."""
    with Path(path).open(encoding=ENCODING, newline="") as handle:
        yield from csv.reader(handle, delimiter=DELIMITER)
