"""`mestore reconcile`, `mestore day-close` and the filters of `mestore orders list`.

    mestore reconcile --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--csv DIR] [--apply]
    mestore day-close --date YYYY-MM-DD [--cash-counted PESOS] [--note TEXT] [--pdf FILE]
                      [--json] [--preview] [--terminal ID]
    mestore orders list [--from DAY] [--to DAY] [--status S[,S…]] [--search TEXT] [--limit N]

`reconcile` exits 0 when every queue other than `matched` is empty, 3 when any is not (after
`--apply`, counting what is left), 1 on errors (no private key, Wompi unreachable…), 2 on bad
arguments. Days are Bogotá days. The services are the desktop's own (services/back_office.py).

`day-close` saves the close of this terminal's day (or, with `--preview`, only shows it); a day
already closed is shown as saved and is only changed by reopening it, with a reason, from the
desktop's *Conciliación*. Its unresolved reconciliation queues come from a reconciliation run
in the same session, so from the command line they are never known: it says so. `--pdf` runs
the desktop's PDF renderer as a child process (`python -m mestore_desktop.ui.reports.
day_close_pdf FILE`, the report JSON on its stdin), so this command line never imports Qt.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

import httpx

from mestore_desktop import __version__
from mestore_desktop.cli.commands import CliError, print_json
from mestore_desktop.domain.browse import MAX_PAGE_SIZE, OrderFilter, SortKey
from mestore_desktop.domain.day_close import DayCloseRecord, DayCloseReport
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus, StatusChange
from mestore_desktop.domain.reconciliation import EXCEPTION_QUEUES, Queue, Reconciliation
from mestore_desktop.paths import database_path
from mestore_desktop.services.back_office import BackOffice, assemble, current_actor
from mestore_desktop.services.back_office_base import BackOfficeError, KeyringWompi
from mestore_desktop.services.csv_export import payment_status_word
from mestore_desktop.services.day_close import record_json, report_json_text
from mestore_desktop.services.reconciliation import QUEUE_NAMES
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor

T = TypeVar("T")

EXIT_OPEN_EXCEPTIONS = 3
APPLY_REASON = "mestore reconcile --apply: estado final de Wompi"
PDF_MODULE = "mestore_desktop.ui.reports.day_close_pdf"
PDF_TIMEOUT_S = 120
_TENDER_WORDS = {"CASH": "Efectivo", "WOMPI": "Wompi"}


# -- arguments ---------------------------------------------------------------------------------


def day_argument(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}» no es una fecha válida (AAAA-MM-DD, p. ej. 2025-03-14)"
        ) from None


def pesos_argument(text: str) -> int:
    """Cash counted in pesos ("250000", "250.000", "250.000,50") as cents; never negative."""
    try:
        return Money.parse(text).cents
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(f"«{text}»: {exc}") from None


def statuses_argument(text: str) -> frozenset[OrderStatus]:
    words = [w.strip() for w in text.split(",") if w.strip()]
    valid = {s.value for s in OrderStatus}
    wrong = [w for w in words if w not in valid]
    if wrong or not words:
        raise argparse.ArgumentTypeError(
            f"estado desconocido «{(wrong or [text])[0]}»; use: {', '.join(sorted(valid))}"
        )
    return frozenset(OrderStatus(w) for w in words)


def add_parsers(groups: argparse._SubParsersAction) -> None:
    reconcile = groups.add_parser(
        "reconcile",
        help="concilia las transacciones de Wompi con los pedidos (salida 3: quedan pendientes)",
    )
    reconcile.add_argument("--from", dest="first_day", required=True, type=day_argument,
                           metavar="AAAA-MM-DD", help="primer día (Bogotá)")  # fmt: skip
    reconcile.add_argument("--to", dest="last_day", required=True, type=day_argument,
                           metavar="AAAA-MM-DD", help="último día (Bogotá), incluido")  # fmt: skip
    reconcile.add_argument("--json", action="store_true", help="salida JSON")
    reconcile.add_argument("--csv", metavar="DIR", type=Path, help="un CSV por cola y totales")
    reconcile.add_argument(
        "--apply", action="store_true", help="aplica el estado final de Wompi a stale_pending"
    )
    reconcile.set_defaults(handler=reconcile_command)
    close = groups.add_parser("day-close", help="cierre del día de esta terminal")
    close.add_argument("--date", dest="day", required=True, type=day_argument,
                       metavar="AAAA-MM-DD")  # fmt: skip
    close.add_argument("--cash-counted", type=pesos_argument, metavar="PESOS",
                       help="efectivo contado, p. ej. 250000 o 250.000")  # fmt: skip
    close.add_argument("--note", default="", metavar="TEXTO", help="nota del cierre")
    close.add_argument("--pdf", type=Path, metavar="ARCHIVO", help="guarda el informe en PDF")
    close.add_argument("--json", action="store_true", help="salida JSON")
    close.add_argument("--preview", action="store_true", help="solo muestra; no cierra el día")
    close.add_argument("--terminal", metavar="ID", help="otra terminal (si no, la de Ajustes)")
    close.set_defaults(handler=day_close_command)


def add_orders_list_filters(list_: argparse.ArgumentParser) -> None:
    list_.add_argument("--from", dest="first_day", type=day_argument, metavar="AAAA-MM-DD",
                       help="desde este día (Bogotá)")  # fmt: skip
    list_.add_argument("--to", dest="last_day", type=day_argument, metavar="AAAA-MM-DD",
                       help="hasta este día (Bogotá), incluido")  # fmt: skip
    list_.add_argument("--status", type=statuses_argument, metavar="ESTADO[,ESTADO]",
                       help="paid, awaiting_payment, failed, cancelled, voided, open")  # fmt: skip
    list_.add_argument("--search", metavar="TEXTO",
                       help="referencia, id de transacción, correo o nombre")  # fmt: skip


def check_range(first_day: date | None, last_day: date | None) -> None:
    if first_day is not None and last_day is not None and last_day < first_day:
        raise CliError(
            f"--to ({last_day.isoformat()}) es anterior a --from ({first_day.isoformat()})",
            exit_code=2,
        )


# -- running the services ------------------------------------------------------------------------


def _with_back_office(home: Path, work: Callable[[BackOffice], Awaitable[T]]) -> T:
    settings_file = SettingsFile(home)
    settings = settings_file.load()
    database = Database.open(database_path(home))
    executor = DbExecutor(database)

    async def run() -> T:
        async with httpx.AsyncClient(
            timeout=httpx.Timeout(10.0, connect=5.0),
            headers={"User-Agent": f"MeStoreDesktop/{__version__} (back-office)"},
        ) as http:
            office = assemble(
                executor,
                KeyringWompi(settings_file, http),
                settings.terminal_id,
                current_actor(settings.terminal_id),
            )
            return await work(office)

    try:
        return asyncio.run(run())
    except BackOfficeError as exc:
        raise CliError(str(exc)) from exc
    finally:
        executor.shutdown()
        database.close()


# -- reconcile ----------------------------------------------------------------------------------


def reconcile_command(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    check_range(args.first_day, args.last_day)

    async def work(office: BackOffice) -> tuple[Reconciliation, list[StatusChange]]:
        service = office.reconciliation
        result = await service.run(args.first_day, args.last_day)
        applied: list[StatusChange] = []
        stale = result.rows(Queue.STALE_PENDING)
        if args.apply and stale:
            applied = await service.apply_stale(stale, office.actor, APPLY_REASON)
            result = await service.rematch(args.first_day, args.last_day)
        if args.csv is not None:
            service.export_csv(result, args.csv)
        return result, applied

    result, applied = _with_back_office(home, work)
    if args.json:
        document = result.to_json()
        if args.apply:
            document["applied"] = [_change_json(c) for c in applied]
        print_json(document, out)
    else:
        _print_reconciliation(result, applied if args.apply else None, out)
        if args.csv is not None:
            out.write(f"CSV: {len(Queue) + 1} archivos en {args.csv}\n")
    left = result.open_exceptions()
    if left:
        raise CliError(
            f"quedan {left} fila(s) por revisar en la conciliación", EXIT_OPEN_EXCEPTIONS
        )


def _change_json(change: StatusChange) -> dict[str, object]:
    return {
        "reference": change.reference,
        "transaction_id": change.transaction_id,
        "from_status": None if change.from_status is None else str(change.from_status),
        "to_status": str(change.to_status),
        "source": str(change.source),
    }


def _print_reconciliation(
    result: Reconciliation, applied: list[StatusChange] | None, out: TextIO
) -> None:
    out.write(f"Conciliación del {result.first_day.isoformat()} al {result.last_day.isoformat()}\n")
    if applied is not None:
        out.write(f"Estado de Wompi aplicado a {len(applied)} pago(s):\n")
        for change in applied:
            before = payment_status_word(change.from_status) or "—"
            after = payment_status_word(change.to_status)
            out.write(f"  {change.reference}  {before} → {after} (fuente: {change.source})\n")
    width = max(len(name) for name in QUEUE_NAMES.values())
    for queue in Queue:
        total = Money(result.total_cents(queue)).format()
        out.write(f"{QUEUE_NAMES[queue]:<{width}}  {queue.value:<22} ")
        out.write(f"{result.count(queue):>6}  {total:>16}\n")
    for queue in EXCEPTION_QUEUES:
        rows = result.rows(queue)
        if rows:
            out.write(f"\n{QUEUE_NAMES[queue]}:\n")
        for row in rows:
            tx = row.transaction_id or "—"
            out.write(f"  {row.day.isoformat()}  {row.reference}  {tx}  ")
            out.write(f"{Money(row.amount_cents).format()}  {row.detail}\n")
    if result.totals:
        out.write("\nTotales aprobados por día y medio de pago:\n")
    for t in result.totals:
        out.write(f"  {t.day.isoformat()}  {t.method:<22} {t.count:>6}  ")
        out.write(f"{Money(t.total_cents).format():>16}\n")


# -- day close ----------------------------------------------------------------------------------


def day_close_command(args: argparse.Namespace, home: Path, out: TextIO) -> None:
    async def work(office: BackOffice) -> tuple[DayCloseRecord | DayCloseReport, bool]:
        terminal = args.terminal or office.terminal_id
        saved = await office.day_close.get(terminal, args.day)
        if saved is not None and not saved.is_open:
            if args.cash_counted is not None or args.note:
                raise CliError(
                    f"El día {args.day.isoformat()} de la terminal {terminal} ya está cerrado "
                    f"(por {saved.closed_by}); para cambiarlo, reábralo con un motivo desde "
                    "Conciliación › Cierre del día."
                )
            return saved, False
        report = await office.day_close.preview(terminal, args.day, args.cash_counted, args.note)
        if args.preview:
            return report, False
        return await office.day_close.close(report, office.actor), True

    shown, closed_now = _with_back_office(home, work)
    document = record_json(shown) if isinstance(shown, DayCloseRecord) else shown.to_json()
    if args.pdf is not None:
        settings = SettingsFile(home).load()  # the PDF's header names the store
        document = {**document, "store_name": settings.store_name, "store_nit": settings.store_nit}
        render_pdf(document, args.pdf)
    if args.json:
        print_json(document, out)
        return
    _print_day_close(shown, closed_now, out)
    if args.pdf is not None:
        out.write(f"PDF: {args.pdf}\n")


def pyside_available() -> bool:
    return importlib.util.find_spec("PySide6") is not None


def render_pdf(document: dict[str, object], path: Path) -> None:
    """The desktop's PDF renderer in a child process (Qt stays out of this one)."""
    if not pyside_available():
        raise CliError(
            "No se puede crear el PDF: falta PySide6 (la parte gráfica de MeStore) en esta "
            "instalación. Instálela o quite --pdf; el cierre se puede ver con --json."
        )
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # over SSH there is no display
    try:
        child = subprocess.run(  # noqa: S603  our own module, run by this same interpreter
            [sys.executable, "-m", PDF_MODULE, str(path)],
            input=report_json_text(document),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=PDF_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CliError("No se pudo crear el PDF: el generador no terminó a tiempo.") from None
    if child.returncode != 0:
        lines = [line for line in child.stderr.splitlines() if line.strip()]
        why = lines[-1] if lines else f"código de salida {child.returncode}"
        raise CliError(f"No se pudo crear el PDF {path}: {why}")


def _print_day_close(shown: DayCloseRecord | DayCloseReport, closed_now: bool, out: TextIO) -> None:
    report = shown.report if isinstance(shown, DayCloseRecord) else shown
    out.write(f"Cierre del día {report.day.isoformat()} · terminal {report.terminal_id}\n")
    if isinstance(shown, DayCloseRecord):
        verb = "Cerrado ahora" if closed_now else "Cerrado"
        at = shown.closed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        out.write(f"{verb} el {at} por {shown.closed_by}\n")
    else:
        out.write("Vista previa: el día no se cerró.\n")
    out.write("Por medio de pago:\n")
    for t in report.by_tender:
        name = _TENDER_WORDS.get(t.key, t.key)
        out.write(f"  {name:<20} {t.count:>5}  {Money(t.total_cents).format():>16}\n")
    if report.by_method:
        out.write("Por método de Wompi:\n")
    for t in report.by_method:
        out.write(f"  {t.key:<20} {t.count:>5}  {Money(t.total_cents).format():>16}\n")
    out.write(f"Efectivo esperado: {Money(report.cash_expected_cents).format()}\n")
    if report.cash_counted_cents is not None and report.difference_cents is not None:
        out.write(f"Efectivo contado: {Money(report.cash_counted_cents).format()}\n")
        out.write(f"Diferencia: {Money(report.difference_cents).format()}")
        out.write(f"{_difference_word(report.difference_cents)}\n")
    else:
        out.write("Efectivo contado: no se registró\n")
    if report.note:
        out.write(f"Nota: {report.note}\n")
    out.write(f"Pendientes que pasan al día siguiente: {len(report.pending)}\n")
    for a in report.pending:
        out.write(f"  {a.reference}  pedido {a.order_number}  {Money(a.amount_cents).format()}\n")
    if report.unresolved:
        out.write("Colas de conciliación sin resolver:\n")
        for queue, count in report.unresolved.items():
            out.write(f"  {QUEUE_NAMES[queue]}: {count}\n")
    else:
        out.write(
            "Colas de conciliación sin resolver: no se concilió en esta sesión "
            "(use «mestore reconcile»).\n"
        )


def _difference_word(cents: int) -> str:
    if cents < 0:
        return " (falta efectivo)"
    if cents > 0:
        return " (sobra efectivo)"
    return " (cuadra)"


# -- orders list filters -------------------------------------------------------------------------


def has_filters(args: argparse.Namespace) -> bool:
    return any(
        getattr(args, name, None) is not None
        for name in ("first_day", "last_day", "status", "search")
    )


def filtered_orders(args: argparse.Namespace, home: Path) -> list[OrderSummary]:
    """`orders list` with filters: the browser's indexed, keyset-paged query, newest first."""
    check_range(args.first_day, args.last_day)
    wanted = OrderFilter(
        first_day=args.first_day,
        last_day=args.last_day,
        statuses=args.status or frozenset(),
        search=(args.search or "").strip(),
    )
    database = Database.open(database_path(home))
    try:
        return database.read(lambda s: _pages(OrderBrowser(s), wanted, args.limit))
    finally:
        database.close()


def _pages(browser: OrderBrowser, wanted: OrderFilter, limit: int) -> list[OrderSummary]:
    rows: list[OrderSummary] = []
    after = None
    while len(rows) < limit:
        page = browser.page(
            wanted, SortKey.CREATED_AT, True, after, min(MAX_PAGE_SIZE, limit - len(rows))
        )
        rows += page.rows
        if page.next_key is None:
            break
        after = page.next_key
    return rows
