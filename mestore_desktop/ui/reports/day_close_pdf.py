"""The day close as a PDF (QPdfWriter + QTextDocument, laid out like the receipts).

A letter-size page ("Carta", what Colombian offices print on): the store's name and NIT, the day
and terminal, whether it is closed (by whom, when) or only a preview, the expected totals per
tender and per Wompi method, the cash counted and its difference with the note, the payments
still pending (carried into the next day) and the reconciliation queues left unresolved.

Run as a program it reads the close as JSON on stdin (see `day_close_json`) and writes the PDF
to the path given: the command line (`mestore day-close --pdf FILE`) never loads Qt itself.

    python -m mestore_desktop.ui.reports.day_close_pdf FILE < cierre.json
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mestore_desktop.domain.day_close import (
    DayCloseError,
    DayCloseRecord,
    DayCloseReport,
    TenderTotal,
)
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.ui.day_close.words import (
    difference_text,
    state_text,
    tender_word,
    unresolved_lines,
    when_text,
)
from mestore_desktop.ui.formatting import method_word
from mestore_desktop.ui.reports.day_close_json import (
    DayCloseDocument,
    document_of,
    read_day_close_json,
)

PDF_RESOLUTION = 300
MARGIN_MM = 15.0


def render_day_close_pdf(
    close: DayCloseReport | DayCloseRecord,
    path: Path,
    *,
    store_name: str = "",
    store_nit: str = "",
    now: datetime | None = None,
) -> None:
    """Write the PDF of a saved close (or of a preview) at *path*, atomically."""
    document = document_of(close, store_name=store_name, store_nit=store_nit)
    write_pdf(pdf_bytes(document, now=now), Path(path))


def pdf_bytes(document: DayCloseDocument, *, now: datetime | None = None) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("MeStore Desktop")
    writer.setTitle(_title(document))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    text = QTextDocument()
    # Laid out against the writer, so the PDF's text stays searchable (see receipt_output.py).
    text.documentLayout().setPaintDevice(writer)
    text.setHtml(day_close_html(document, now=now or datetime.now(UTC)))
    page = writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF()
    text.setPageSize(page)
    text.print_(writer)
    del text, writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(data.data())


def write_pdf(content: bytes, path: Path) -> None:
    """Save *content* at *path*: a crash leaves the old file or none, never half a PDF."""
    fd, tmp_name = tempfile.mkstemp(prefix=".cierre-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def default_filename(report: DayCloseReport) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in report.terminal_id)
    return f"cierre-{safe}-{report.day.isoformat()}.pdf"


# -- the HTML ---------------------------------------------------------------------------------


def _words() -> dict[str, str]:
    """Every fixed word of the report, translated (literal calls, so lupdate finds them)."""
    return {
        "title": QCoreApplication.translate("DayClosePdf", "Cierre del día {day} — {terminal}"),
        "nit": QCoreApplication.translate("DayClosePdf", "NIT {nit}"),
        "preview": QCoreApplication.translate(
            "DayClosePdf", "Vista previa: el día todavía no está cerrado."
        ),
        "by_tender": QCoreApplication.translate("DayClosePdf", "Por medio de pago"),
        "by_method": QCoreApplication.translate("DayClosePdf", "Por método de Wompi"),
        "method": QCoreApplication.translate("DayClosePdf", "Medio"),
        "count": QCoreApplication.translate("DayClosePdf", "Cantidad"),
        "total": QCoreApplication.translate("DayClosePdf", "Total"),
        "cash": QCoreApplication.translate("DayClosePdf", "Efectivo"),
        "expected": QCoreApplication.translate("DayClosePdf", "Efectivo esperado"),
        "counted": QCoreApplication.translate("DayClosePdf", "Efectivo contado"),
        "not_counted": QCoreApplication.translate("DayClosePdf", "Sin contar"),
        "difference": QCoreApplication.translate("DayClosePdf", "Diferencia"),
        "note": QCoreApplication.translate("DayClosePdf", "Nota"),
        "pending": QCoreApplication.translate(
            "DayClosePdf", "Pagos pendientes (pasan al día siguiente)"
        ),
        "order": QCoreApplication.translate("DayClosePdf", "Pedido"),
        "reference": QCoreApplication.translate("DayClosePdf", "Referencia"),
        "day": QCoreApplication.translate("DayClosePdf", "Día"),
        "amount": QCoreApplication.translate("DayClosePdf", "Monto"),
        "none_m": QCoreApplication.translate("DayClosePdf", "Ninguno."),
        "unresolved": QCoreApplication.translate(
            "DayClosePdf", "Colas de conciliación sin resolver"
        ),
        "none_f": QCoreApplication.translate("DayClosePdf", "Ninguna registrada."),
        "counted_by": QCoreApplication.translate("DayClosePdf", "Contó"),
        "checked_by": QCoreApplication.translate("DayClosePdf", "Revisó"),
        "generated": QCoreApplication.translate(
            "DayClosePdf", "Generado el {at} con MeStore Desktop."
        ),
    }


def _title(document: DayCloseDocument) -> str:
    report = document.report
    return _words()["title"].format(
        day=report.day.strftime("%d/%m/%Y"), terminal=report.terminal_id
    )


def day_close_html(document: DayCloseDocument, *, now: datetime) -> str:
    report, w, e = document.report, _words(), html.escape
    state = state_text(document.record) if document.record is not None else w["preview"]
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        _header(document, w),
        f"<h2>{e(_title(document))}</h2>",
        f"<p><b>{e(state)}</b></p>",
        f"<h3>{e(w['by_tender'])}</h3>",
        _totals_table(report.by_tender, w, with_total=True),
        f"<h3>{e(w['by_method'])}</h3>",
        _totals_table(report.by_method, w, with_total=False),
        _cash(report, w),
        _pending(report, w),
        _unresolved(report, w),
        _signatures(w),
        "<p style='color: #52606d; font-size: 8pt;'>"
        f"{e(w['generated'].format(at=when_text(now)))}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _header(document: DayCloseDocument, w: dict[str, str]) -> str:
    e = html.escape
    lines = []
    if document.store_name:
        lines.append(f"<h1 style='margin-bottom: 0;'>{e(document.store_name)}</h1>")
    if document.store_nit:
        lines.append(f"<p>{e(w['nit'].format(nit=document.store_nit))}</p>")
    return "\n".join(lines)


def _money(cents: int) -> str:
    return html.escape(Money(cents).format())


_TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
_RIGHT = "align='right'"


def _totals_table(totals: tuple[TenderTotal, ...], w: dict[str, str], *, with_total: bool) -> str:
    e = html.escape
    if not totals:
        return f"<p>{e(w['none_m'])}</p>"
    rows = [
        _TABLE,
        f"<tr><th align='left' width='50%'>{e(w['method'])}</th>"
        f"<th {_RIGHT} width='20%'>{e(w['count'])}</th>"
        f"<th {_RIGHT} width='30%'>{e(w['total'])}</th></tr>",
    ]
    for total in totals:
        rows.append(
            f"<tr><td>{e(tender_word(total.key))}</td><td {_RIGHT}>{total.count}</td>"
            f"<td {_RIGHT}>{_money(total.total_cents)}</td></tr>"
        )
    if with_total:
        rows.append(
            f"<tr><td><b>{e(w['total'])}</b></td>"
            f"<td {_RIGHT}><b>{sum(t.count for t in totals)}</b></td>"
            f"<td {_RIGHT}><b>{_money(sum(t.total_cents for t in totals))}</b></td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _cash(report: DayCloseReport, w: dict[str, str]) -> str:
    e = html.escape
    counted = report.cash_counted_cents
    rows = [
        (w["expected"], Money(report.cash_expected_cents).format()),
        (w["counted"], w["not_counted"] if counted is None else Money(counted).format()),
        (w["difference"], difference_text(report.difference_cents)),
        (w["note"], report.note or "—"),
    ]
    body = "".join(f"<tr><td width='35%'><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows)
    return f"<h3>{e(w['cash'])}</h3>{_TABLE}{body}</table>"


def _pending(report: DayCloseReport, w: dict[str, str]) -> str:
    e = html.escape
    title = f"<h3>{e(w['pending'])}</h3>"
    if not report.pending:
        return title + f"<p>{e(w['none_m'])}</p>"
    head = "".join(
        f"<th align='left'>{e(w[k])}</th>" for k in ("order", "reference", "method", "day")
    )
    rows = [title, _TABLE, f"<tr>{head}<th {_RIGHT}>{e(w['amount'])}</th></tr>"]
    for attempt in report.pending:
        method = method_word(attempt.payment_method) if attempt.payment_method else "Wompi"
        created = bogota_day(attempt.created_at).strftime("%d/%m/%Y")
        rows.append(
            f"<tr><td>{attempt.order_number}</td><td>{e(attempt.reference)}</td>"
            f"<td>{e(method)}</td><td>{created}</td>"
            f"<td {_RIGHT}>{_money(attempt.amount_cents)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _unresolved(report: DayCloseReport, w: dict[str, str]) -> str:
    e = html.escape
    title = f"<h3>{e(w['unresolved'])}</h3>"
    lines = unresolved_lines(report)
    if not lines:
        return title + f"<p>{e(w['none_f'])}</p>"
    items = "".join(f"<li>{e(line)}</li>" for line in lines)
    return f"{title}<ul>{items}</ul>"


def _signatures(w: dict[str, str]) -> str:
    """Room to sign on paper: who counted the cash and who checked it."""
    e = html.escape
    line = "_" * 28
    return (
        "<br/><table width='100%' cellpadding='8'><tr>"
        f"<td width='50%'>{e(w['counted_by'])}: {line}</td>"
        f"<td width='50%'>{e(w['checked_by'])}: {line}</td>"
        "</tr></table>"
    )


# -- the program ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """`day_close_pdf FILE`: the close as JSON on stdin, the PDF at FILE. 0 ok, 1 refused."""
    args = sys.argv[1:] if argv is None else argv
    # The command line reads our messages as UTF-8 (a Windows console would write cp1252).
    with contextlib.suppress(AttributeError, ValueError):
        sys.stderr.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    if len(args) != 1:
        print(
            "Uso: python -m mestore_desktop.ui.reports.day_close_pdf ARCHIVO.pdf", file=sys.stderr
        )
        return 1
    target = Path(args[0])
    try:
        # Bytes, decoded as UTF-8 whatever the console's code page (Windows: cp1252).
        document = read_day_close_json(json.loads(sys.stdin.buffer.read().decode("utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"El cierre no es JSON válido en UTF-8: {exc}", file=sys.stderr)
        return 1
    except DayCloseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    _ensure_application()
    try:
        write_pdf(pdf_bytes(document), target)
    except OSError as exc:
        print(f"No se pudo guardar el PDF en {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _ensure_application() -> object:
    """Fonts need a QGuiApplication; without a display (a server, a terminal over SSH) Qt's
    offscreen platform does the job."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["mestore-day-close-pdf"])


if __name__ == "__main__":
    sys.exit(main())
