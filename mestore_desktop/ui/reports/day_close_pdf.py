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

from mestore_desktop.domain.day_close import DayCloseError, DayCloseRecord, DayCloseReport
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


def _t(text: str) -> str:
    return QCoreApplication.translate("DayClosePdf", text)


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


def _title(document: DayCloseDocument) -> str:
    report = document.report
    return _t("Cierre del día {day} — {terminal}").format(
        day=report.day.strftime("%d/%m/%Y"), terminal=report.terminal_id
    )


def day_close_html(document: DayCloseDocument, *, now: datetime) -> str:
    report, e = document.report, html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        _header(document),
        f"<h2>{e(_title(document))}</h2>",
        f"<p><b>{e(_state(document))}</b></p>",
        f"<h3>{e(_t('Por medio de pago'))}</h3>",
        _totals_table(report.by_tender, with_total=True),
        f"<h3>{e(_t('Por método de Wompi'))}</h3>",
        _totals_table(report.by_method, with_total=False),
        _cash(report),
        _pending(report),
        _unresolved(report),
        _signatures(),
        f"<p style='color: #52606d; font-size: 8pt;'>"
        f"{e(_t('Generado el {at} con MeStore Desktop.').format(at=when_text(now)))}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _header(document: DayCloseDocument) -> str:
    e = html.escape
    lines = []
    if document.store_name:
        lines.append(f"<h1 style='margin-bottom: 0;'>{e(document.store_name)}</h1>")
    if document.store_nit:
        lines.append(f"<p>{e(_t('NIT {nit}').format(nit=document.store_nit))}</p>")
    return "\n".join(lines)


def _state(document: DayCloseDocument) -> str:
    if document.record is None:
        return _t("Vista previa: el día todavía no está cerrado.")
    return state_text(document.record)


def _money(cents: int) -> str:
    return html.escape(Money(cents).format())


_TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
_RIGHT = "align='right'"


def _totals_table(totals: tuple, *, with_total: bool) -> str:  # type: ignore[type-arg]
    e = html.escape
    if not totals:
        return f"<p>{e(_t('Ninguno.'))}</p>"
    rows = [
        _TABLE,
        f"<tr><th align='left' width='50%'>{e(_t('Medio'))}</th>"
        f"<th {_RIGHT} width='20%'>{e(_t('Cantidad'))}</th>"
        f"<th {_RIGHT} width='30%'>{e(_t('Total'))}</th></tr>",
    ]
    for total in totals:
        rows.append(
            f"<tr><td>{e(tender_word(total.key))}</td><td {_RIGHT}>{total.count}</td>"
            f"<td {_RIGHT}>{_money(total.total_cents)}</td></tr>"
        )
    if with_total:
        rows.append(
            f"<tr><td><b>{e(_t('Total'))}</b></td>"
            f"<td {_RIGHT}><b>{sum(t.count for t in totals)}</b></td>"
            f"<td {_RIGHT}><b>{_money(sum(t.total_cents for t in totals))}</b></td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _cash(report: DayCloseReport) -> str:
    e = html.escape
    counted = (
        _t("Sin contar")
        if report.cash_counted_cents is None
        else Money(report.cash_counted_cents).format()
    )
    rows = [
        (_t("Efectivo esperado"), Money(report.cash_expected_cents).format()),
        (_t("Efectivo contado"), counted),
        (_t("Diferencia"), difference_text(report.difference_cents)),
        (_t("Nota"), report.note or "—"),
    ]
    body = "".join(f"<tr><td width='35%'><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows)
    return f"<h3>{e(_t('Efectivo'))}</h3>{_TABLE}{body}</table>"


def _pending(report: DayCloseReport) -> str:
    e = html.escape
    title = f"<h3>{e(_t('Pagos pendientes (pasan al día siguiente)'))}</h3>"
    if not report.pending:
        return title + f"<p>{e(_t('Ninguno.'))}</p>"
    rows = [
        title,
        _TABLE,
        f"<tr><th align='left'>{e(_t('Pedido'))}</th><th align='left'>{e(_t('Referencia'))}</th>"
        f"<th align='left'>{e(_t('Medio'))}</th><th align='left'>{e(_t('Día'))}</th>"
        f"<th {_RIGHT}>{e(_t('Monto'))}</th></tr>",
    ]
    for attempt in report.pending:
        method = method_word(attempt.payment_method) if attempt.payment_method else "Wompi"
        rows.append(
            f"<tr><td>{attempt.order_number}</td><td>{e(attempt.reference)}</td>"
            f"<td>{e(method)}</td><td>{bogota_day(attempt.created_at).strftime('%d/%m/%Y')}</td>"
            f"<td {_RIGHT}>{_money(attempt.amount_cents)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _unresolved(report: DayCloseReport) -> str:
    e = html.escape
    title = f"<h3>{e(_t('Colas de conciliación sin resolver'))}</h3>"
    lines = unresolved_lines(report)
    if not lines:
        return title + f"<p>{e(_t('Ninguna registrada.'))}</p>"
    items = "".join(f"<li>{e(line)}</li>" for line in lines)
    return f"{title}<ul>{items}</ul>"


def _signatures() -> str:
    """Room to sign on paper: who counted the cash and who checked it."""
    e = html.escape
    line = "_" * 28
    return (
        "<br/><table width='100%' cellpadding='8'><tr>"
        f"<td width='50%'>{e(_t('Contó'))}: {line}</td>"
        f"<td width='50%'>{e(_t('Revisó'))}: {line}</td>"
        "</tr></table>"
    )


# -- the program ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """`day_close_pdf FILE`: the close as JSON on stdin, the PDF at FILE. 0 ok, 1 refused."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "Uso: python -m mestore_desktop.ui.reports.day_close_pdf ARCHIVO.pdf", file=sys.stderr
        )
        return 1
    target = Path(args[0])
    try:
        document = read_day_close_json(json.loads(sys.stdin.read() or "null"))
    except json.JSONDecodeError as exc:
        print(f"El cierre no es JSON válido: {exc}", file=sys.stderr)
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
