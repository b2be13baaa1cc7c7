"""Benchmark (not a test): the back office over 1,000,000 orders.

Run: `.venv/bin/python -m tests.benchmarks.bench_back_office [--orders 1000000] [--database FILE]`

A real SQLite file (WAL, synchronous=FULL, migrated by `Database.open` as the app opens it) in a
temporary folder is filled with `--orders` orders over a year and three terminals, each with its
attempts (cash, card, Nequi, PSE; approved, pending, declined, voided, a few retries), their
Wompi transactions and the customers' search terms, through SQLAlchemy core `executemany` in the
store's own tables (`--database FILE` keeps the file and reuses it on the next run). Then, in one
run, beside a bare `QTableView` over a plain `QAbstractTableModel` of the same rows (this
machine's yardstick), on a qasync loop under an offscreen QApplication with the app's theme
(`--plain-style`: Qt's default style) and automatic garbage collection off (the app collects on
a GUI timer):

* first paint of *Pedidos*, as a person meets it: the app builds the page at startup and reads its
  first rows then (`OrdersPage.start_loading`, from `MainWindow.add_orders_page`), so opening
  the page (Ctrl+2) is from `show()` to the end of the first paint of its table with rows. Here
  the real `OrdersPage` is built over a `BackOffice` (services on a `DbExecutor`, as the app
  builds them) and its rows read, untimed; then its show is timed. The bare view: a
  `QTableView` over a plain model of the same rows (read through the store's
  `OrderBrowser.page`), built untimed, from `show()` to the end of its first paint. Medians of
  `--samples` each, after one warm-up each (fonts, styles);
* cold first paint (printed, not a target): the page built and shown at once, reading its first
  rows on that show (what a person would meet opening Pedidos in the first milliseconds after
  startup), beside the bare view built, reading the same rows synchronously and shown;
* scroll step: PageDown-sized steps down the page's table (the model fetching keyset pages as it
  goes, as a person scrolling), each from moving the scroll bar to the end of the repaint; the
  bare view over as many rows, already loaded;
* search: `OrderBrowser.page` (one read transaction, as the service runs it) for a reference and
  for a customer e-mail, alone and with a date range, several of each; search_ms is the worst
  kind's p95, with EXPLAIN QUERY PLAN printed for any kind over the target;
* matching: `domain.reconciliation.reconcile` over 100,000 Wompi transactions and 100,000 local
  attempts (every queue represented), median wall time of five runs, with automatic garbage
  collection off as in the app (app.py turns it off for the whole process; the service runs
  `reconcile` on the database thread, where a collection never starts by itself either).

Targets on a 2-core machine: first paint ≤ 1.3× the bare view, scroll step p95 < 30 ms, search
< 50 ms, matching < 0.5 s. The last line sums them up:
`back-office: first_paint_ratio=R scroll_p95_ms=S search_ms=Q match_100k_s=M`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from sqlalchemy import insert, text

from mestore_desktop.domain.browse import OrderFilter, SortKey, search_terms
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import (
    LocalAttempt,
    Queue,
    WompiTransaction,
    bogota_day,
    reconcile,
)
from mestore_desktop.services.back_office import BackOffice, assemble
from mestore_desktop.services.back_office_base import WompiNotConfiguredError
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.tables import (
    AttemptTransactionRow,
    OrderRow,
    OrderSearchTermRow,
    PaymentAttemptRow,
)
from mestore_desktop.ui.models.orders_model import PAGE_SIZE
from mestore_desktop.ui.pages.orders import OrdersPage
from mestore_desktop.ui.theme import apply_theme

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60.0
WINDOW = (1280, 720)
NOW = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
DAYS = 365
CHUNK = 50_000
TERMINALS = ("T01", "T02", "CAJA2")
INSTALLATION = "BNCH"
FIRST = ("Ana", "José", "María", "Andrés", "Lucía", "Carlos", "Valentina", "Juan", "Sofía")
FIRST += ("Camilo", "Daniela", "Santiago", "Isabella", "Mateo", "Mariana", "Nicolás", "Paula")
LAST = ("Pérez", "Gómez", "Rodríguez", "Niño", "Martínez", "García", "López", "Hernández")
LAST += ("Díaz", "Moreno", "Álvarez", "Romero", "Ruiz", "Torres", "Ramírez", "Castaño")
EMAIL_NAMES = ("ana", "jose", "maria", "andres", "lucia", "carlos", "vale", "juan", "sofia")
PESOS = (3_500, 9_900, 12_000, 25_000, 48_500, 120_000, 310_000)
TARGETS = {"ratio": 1.3, "scroll_ms": 30.0, "search_ms": 50.0, "match_s": 0.5}


def prepare_headless_qt() -> None:
    """As tests/conftest.py: offscreen, caches in the work tree. Before the QApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_CACHE_HOME", str(ROOT / ".cache"))
    os.environ.setdefault("XDG_RUNTIME_DIR", str(ROOT / ".xdg-runtime"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)


def pct(values: list[float], q: int) -> float:
    # Inclusive: with a few dozen samples, p95 stays within what was seen.
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# -- the database -------------------------------------------------------------------------------


def reference(order: int, attempt: int) -> str:
    return f"{TERMINALS[order % 3]}-{INSTALLATION}-{order:06d}-{attempt}"


def transaction_id(order: int, attempt: int) -> str:
    return f"1234-{1_750_000_000 + order}-{order:07d}{attempt}"


def email_of(order: int) -> str:
    """Every third customer leaves an e-mail, each their own."""
    if order % 3:
        return ""
    return f"{EMAIL_NAMES[order % len(EMAIL_NAMES)]}.{order}@correo.co"


def name_of(order: int) -> str:
    if order % 5 == 0:
        return ""
    return f"{FIRST[order % len(FIRST)]} {LAST[(order // 7) % len(LAST)]}"


def created_of(order: int, count: int) -> datetime:
    """Orders spread evenly over the year before NOW, numbered in time order."""
    return NOW - timedelta(seconds=(count - order) * DAYS * 86_400 // count)


# Per order: (tender, attempt statuses, the order's status, method); one in ten has a retry.
OUTCOMES: tuple[tuple[Tender, tuple[PaymentStatus, ...], OrderStatus, str], ...] = (
    (Tender.CASH, (PaymentStatus.APPROVED,), OrderStatus.PAID, "CASH"),
    (Tender.WOMPI, (PaymentStatus.APPROVED,), OrderStatus.PAID, "CARD"),
    (Tender.WOMPI, (PaymentStatus.APPROVED,), OrderStatus.PAID, "NEQUI"),
    (Tender.WOMPI, (PaymentStatus.APPROVED,), OrderStatus.PAID, "CARD"),
    (Tender.CASH, (PaymentStatus.APPROVED,), OrderStatus.PAID, "CASH"),
    (Tender.WOMPI, (PaymentStatus.DECLINED, PaymentStatus.APPROVED), OrderStatus.PAID, "PSE"),
    (Tender.WOMPI, (PaymentStatus.PENDING,), OrderStatus.AWAITING_PAYMENT, "NEQUI"),
    (Tender.WOMPI, (PaymentStatus.DECLINED,), OrderStatus.FAILED, "CARD"),
    (Tender.WOMPI, (PaymentStatus.VOIDED,), OrderStatus.VOIDED, "CARD"),
    (Tender.WOMPI, (PaymentStatus.APPROVED,), OrderStatus.PAID, "CARD"),
)


def rows_for(first: int, last: int, count: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of orders first..last (inclusive) for each table."""
    orders, attempts, transactions, terms = [], [], [], []
    for n in range(first, last + 1):
        tender, statuses, status, method = OUTCOMES[n % len(OUTCOMES)]
        created = created_of(n, count)
        total = PESOS[n % len(PESOS)] * 100
        name, email = name_of(n), email_of(n)
        orders.append(
            {
                "number": n,
                "terminal_id": TERMINALS[n % 3],
                "created_at": created,
                "cancelled_at": None,
                "status": status.value,
                "total_cents": total,
                "customer_name": name,
                "customer_email": email,
                "customer_phone": "",
                "customer_document_type": None,
                "customer_document_number": "",
                "tender": tender.value,
                "payment_method": method,  # the shown attempt's type, "CASH" for cash (store)
            }
        )
        for k, attempt_status in enumerate(statuses, start=1):
            attempt_id = 2 * n + k - 1  # room for two attempts per order
            at = created + timedelta(seconds=20 + 90 * (k - 1))
            tx = transaction_id(n, k) if tender is Tender.WOMPI else None
            attempts.append(
                {
                    "id": attempt_id,
                    "reference": reference(n, k),
                    "order_number": n,
                    "attempt_number": k,
                    "tender": tender.value,
                    "amount_cents": total,
                    "status": attempt_status.value,
                    "transaction_id": tx,
                    # Label and Wompi type; a cash attempt has neither (as the counter saves it).
                    "payment_method": "" if tender is Tender.CASH else method,
                    "payment_method_type": "" if tender is Tender.CASH else method,
                    "status_message": "",
                    "created_at": at,
                    "updated_at": at + timedelta(seconds=40),
                    "abandoned_at": None,
                    "cash_received_cents": total if tender is Tender.CASH else None,
                    "late_ack_at": None,
                    "expires_at": None,
                    "watch_ended_at": None,
                }
            )
            if tx is not None:
                transactions.append(
                    {"attempt_id": attempt_id, "transaction_id": tx, "status": attempt_status.value}
                )
        terms.extend({"term": t, "order_number": n} for t in search_terms(name, email))
    return {"orders": orders, "attempts": attempts, "transactions": transactions, "terms": terms}


def build_database(path: Path, count: int) -> Database:
    """`count` orders through the store's tables, CHUNK orders per write transaction."""
    database = Database.open(path)
    have = database.read(lambda s: s.execute(text("SELECT count(*) FROM orders")).scalar_one())
    if have == count:
        print(f"database: reusing {path} ({count:,} orders)")
        return database
    if have:
        raise SystemExit(f"{path} holds {have:,} orders, not {count:,}: pass another --database")
    started = time.perf_counter()
    for first in range(1, count + 1, CHUNK):
        rows = rows_for(first, min(first + CHUNK - 1, count), count)

        def write(s: Any, rows: dict[str, list[dict[str, Any]]] = rows) -> None:
            s.execute(insert(OrderRow.__table__), rows["orders"])
            s.execute(insert(PaymentAttemptRow.__table__), rows["attempts"])
            s.execute(insert(AttemptTransactionRow.__table__), rows["transactions"])
            s.execute(insert(OrderSearchTermRow.__table__), rows["terms"])

        database.write(write)
        done = min(first + CHUNK - 1, count)
        print(f"database: {done:,} orders ({time.perf_counter() - started:.0f} s)", flush=True)
    database.write(lambda s: s.execute(text("ANALYZE")))
    return database


# -- search ------------------------------------------------------------------------------------


def search_kinds(count: int, rng: random.Random) -> dict[str, list[OrderFilter]]:
    """Several searches of each kind, for orders spread over the whole table."""
    numbers = [rng.randrange(1, count + 1) for _ in range(20)]
    with_email = [n - n % 3 or 3 for n in numbers]
    recent = (bogota_day(NOW) - timedelta(days=30), bogota_day(NOW))
    return {
        "reference": [OrderFilter(search=reference(n, 1)) for n in numbers],
        "e-mail": [OrderFilter(search=email_of(n)) for n in with_email],
        "reference + last 30 days": [
            OrderFilter(first_day=recent[0], last_day=recent[1], search=reference(n, 1))
            for n in numbers
        ],
        "e-mail + last 30 days": [
            OrderFilter(first_day=recent[0], last_day=recent[1], search=email_of(n))
            for n in with_email
        ],
    }


def time_searches(database: Database, filters: list[OrderFilter]) -> list[float]:
    timings = []
    for f in filters:
        started = time.perf_counter()
        page = database.read(lambda s, f=f: OrderBrowser(s).page(f, SortKey.CREATED_AT, True))
        timings.append(time.perf_counter() - started)
        if f.first_day is None and not page.rows:
            raise RuntimeError(f"the search {f.search!r} found nothing")
    return timings


def explain(database: Database, f: OrderFilter) -> None:
    """The query plans SQLite chose for a search (printed when a kind misses the target)."""
    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    from sqlalchemy import event

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        database.read(lambda s: OrderBrowser(s).page(f))
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)
    for statement, params in statements:
        with database.engine.connect() as conn:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
        print("    " + " ".join(statement.split())[:160])
        for row in plan:
            print(f"      {row[-1]}")


def run_searches(database: Database, count: int) -> float:
    worst = 0.0
    print("search (OrderBrowser.page, one read transaction):")
    kinds = search_kinds(count, random.Random(7))
    for kind, filters in kinds.items():
        time_searches(database, filters[:3])  # warm the page cache, as a running app has it
        timings = time_searches(database, filters)
        p95 = pct(timings, 95)
        worst = max(worst, p95)
        print(f"  {kind:<26} median {ms(statistics.median(timings))}  p95 {ms(p95)}")
        if p95 * 1000 > TARGETS["search_ms"]:
            explain(database, filters[0])
    return worst


# -- matching ------------------------------------------------------------------------------------


def matching_inputs(n: int) -> tuple[list[LocalAttempt], list[WompiTransaction], date]:
    """n attempts and n transactions over one day, about one in ten an exception, every queue
    represented: per attempt a roll picks its situation."""
    rng = random.Random(10)
    day_start = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    local: list[LocalAttempt] = []
    wompi: list[WompiTransaction] = []
    statuses = [PaymentStatus.APPROVED] * 7 + [PaymentStatus.DECLINED, PaymentStatus.PENDING]
    for i in range(n):
        at = day_start + timedelta(seconds=i * 86_000 // n)
        ref, tx = reference(i + 1, 1), transaction_id(i + 1, 1)
        amount = PESOS[i % len(PESOS)] * 100
        status = rng.choice(statuses)
        ours, theirs, tx_ref, tx_amount = status, status, ref, amount
        roll = rng.random()
        if roll >= 0.98:  # stale pending: Wompi decided, we still wait
            ours, theirs = PaymentStatus.PENDING, PaymentStatus.APPROVED
        elif roll >= 0.96:  # amount mismatch
            tx_amount = amount + 100_000
        elif roll >= 0.94:  # an orphan (and this attempt pending with nothing at Wompi)
            ours, tx, tx_ref = PaymentStatus.PENDING, "9" + tx, "AJENA-" + ref
        elif roll >= 0.93:  # paid here, declined at Wompi
            ours, theirs = PaymentStatus.APPROVED, PaymentStatus.DECLINED
        elif roll >= 0.92:  # a second approval under the same reference: duplicate payment
            ours = theirs = PaymentStatus.APPROVED
            wompi.append(
                WompiTransaction(transaction_id(i + 1, 2), ref, amount, "COP", theirs, "NEQUI",
                                 at + timedelta(seconds=90))
            )  # fmt: skip
        local.append(
            LocalAttempt(
                ref, i + 1, TERMINALS[i % 3], Tender.WOMPI, amount, ours,
                tx if ours is not PaymentStatus.PENDING or roll >= 0.98 else None,
                ((tx, ours),) if roll < 0.94 or roll >= 0.98 else (), "CARD", at,
                abandoned=0.91 <= roll < 0.92 and theirs is PaymentStatus.APPROVED,
                order_cancelled=False,
            )
        )  # fmt: skip
        wompi.append(
            WompiTransaction(
                tx, tx_ref, tx_amount, "COP", theirs, "CARD", at + timedelta(seconds=30)
            )
        )
    return local, wompi, bogota_day(day_start)


def run_matching(n: int = 100_000, runs: int = 5) -> float:
    local, wompi, day = matching_inputs(n)
    timings, cpu = [], []
    result = None
    for _ in range(runs):
        result = None  # the previous run's rows are freed here, outside the timing
        started, started_cpu = time.perf_counter(), time.process_time()
        result = reconcile(local, wompi, first_day=day, last_day=day)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    assert result is not None
    counts = ", ".join(f"{q.value} {result.count(q):,}" for q in Queue if result.count(q))
    median = statistics.median(timings)
    print(f"matching {len(wompi):,} transactions against {n:,} attempts: median {median:.3f} s")
    print(f"  (best {min(timings):.3f} s; CPU median {statistics.median(cpu):.3f} s; {counts})")
    return median


# -- Qt: first paint and scrolling -----------------------------------------------------------


class NoWompi:
    """The back office without Wompi: listing orders never calls it."""

    def client(self) -> Any:
        raise WompiNotConfiguredError()

    def has_private_key(self) -> bool:
        return False


COLUMNS = ("Fecha", "Pedido", "Referencia", "Cliente", "Total", "Medio", "Estado")


class PlainModel(QAbstractTableModel):
    """The yardstick: the same rows as plain text, nothing else."""

    def __init__(self, rows: list[OrderSummary]) -> None:
        super().__init__()
        self.rows = [self._texts(r) for r in rows]

    @staticmethod
    def _texts(r: OrderSummary) -> tuple[str, ...]:
        return (
            r.created_at.strftime("%Y-%m-%d %H:%M"),
            str(r.number),
            r.last_reference,
            r.customer_name or r.customer_email,
            r.total.format(),
            r.payment_method,
            r.status.value,
        )

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Any, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class PaintWatch(QObject):
    """Resolves a future at the end of the next paint of a table's viewport that shows rows."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.future: asyncio.Future[float] | None = None
        table.viewport().installEventFilter(self)

    def arm(self) -> asyncio.Future[float]:
        self.future = asyncio.get_running_loop().create_future()
        return self.future

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        future = self.future
        if (
            event.type() == QEvent.Type.Paint
            and future is not None
            and self.table.model() is not None
            and self.table.model().rowCount() > 0
        ):
            self.future = None
            # The paint runs after this filter returns; stamp once it is done.
            QTimer.singleShot(0, lambda: future.done() or future.set_result(time.perf_counter()))
        return False


async def wait(future: asyncio.Future[float], what: str) -> float:
    try:
        return await asyncio.wait_for(future, TIMEOUT_S)
    except TimeoutError:
        raise TimeoutError(f"timed out waiting for {what}") from None


async def delete_soon(widget: QWidget) -> None:
    """Close and delete `widget` once the loop is back (never processEvents inside a task: it
    would run other tasks' steps inside this one)."""
    widget.close()
    widget.deleteLater()
    await asyncio.sleep(0.05)
    gc.collect()  # here, on the GUI thread, as the app does on its timer


async def settle(page: OrdersPage) -> None:
    """Until the page has no request in flight (its options and pages), untimed."""
    deadline = time.monotonic() + TIMEOUT_S
    while page.model.is_loading:
        if time.monotonic() > deadline:
            raise TimeoutError("the orders page kept loading")
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.05)


# Per first paint of the page, when (from its start) it was built, shown, held its first rows.
PAGE_PHASES: list[tuple[float, float, float]] = []


async def page_first_paint(back_office: BackOffice) -> tuple[float, OrdersPage]:
    """As in the app: built, its rows read (untimed), then shown; until its rows are painted."""
    page = OrdersPage(back_office)
    page.resize(*WINDOW)
    page.start_loading()
    await settle(page)
    painted = PaintWatch(page.table).arm()
    started = time.perf_counter()
    page.show()
    return await wait(painted, "the orders page's first paint") - started, page


async def bare_first_paint(database: Database) -> tuple[float, QTableView]:
    """A bare view over a plain model of the same rows, built (untimed), then shown."""
    view = QTableView()
    view.resize(*WINDOW)
    first = database.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=PAGE_SIZE))
    view.setModel(PlainModel(list(first.rows)))
    await asyncio.sleep(0.05)  # as the page's settle leaves it: nothing pending
    painted = PaintWatch(view).arm()
    started = time.perf_counter()
    view.show()
    return await wait(painted, "the bare view's first paint") - started, view


async def cold_page_first_paint(back_office: BackOffice) -> tuple[float, OrdersPage]:
    """Built and shown at once: the first show reads the rows."""
    started = time.perf_counter()
    page = OrdersPage(back_office)
    page.resize(*WINDOW)
    built = time.perf_counter()
    rows_at: list[float] = []
    page.model.rows_loaded.connect(
        lambda: rows_at or page.model.rowCount() == 0 or rows_at.append(time.perf_counter())
    )
    painted = PaintWatch(page.table).arm()
    page.show()
    shown = time.perf_counter()
    took = await wait(painted, "the orders page's first paint") - started
    first_rows = rows_at[0] if rows_at else float("nan")
    PAGE_PHASES.append((built - started, shown - started, first_rows - started))
    return took, page


async def cold_bare_first_paint(database: Database) -> tuple[float, QTableView]:
    """Built, reading the same rows synchronously (it has no executor), and shown."""
    started = time.perf_counter()
    view = QTableView()
    view.resize(*WINDOW)
    watch = PaintWatch(view)
    painted = watch.arm()
    first = database.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=PAGE_SIZE))
    view.setModel(PlainModel(list(first.rows)))
    view.show()
    return await wait(painted, "the bare view's first paint") - started, view


PageTimer = Callable[[BackOffice], Any]
BareTimer = Callable[[Database], Any]


async def first_paints(
    database: Database,
    back_office: BackOffice,
    samples: int,
    timers: tuple[PageTimer, BareTimer] = (page_first_paint, bare_first_paint),
) -> tuple[list[float], list[float]]:
    page_paint, bare_paint = timers
    page_times, bare_times = [], []
    for sample in range(samples + 1):  # the first of each is a warm-up
        for kind in ("bare", "page") if sample % 2 else ("page", "bare"):
            if kind == "page":
                took, page = await page_paint(back_office)
                if sample:
                    page_times.append(took)
                await settle(page)
                await delete_soon(page)
            else:
                took, view = await bare_paint(database)
                if sample:
                    bare_times.append(took)
                await delete_soon(view)
    return page_times, bare_times


async def report_first_paints(database: Database, back_office: BackOffice, samples: int) -> float:
    """Both first paints, the app's and the cold one; returns the app's ratio."""
    page_times, bare_times = await first_paints(database, back_office, samples)
    page_paint, bare_paint = statistics.median(page_times), statistics.median(bare_times)
    print(f"first paint (opening Pedidos, its rows read at startup): Pedidos {ms(page_paint)}, "
          f"bare QTableView {ms(bare_paint)} (medians of {samples})")  # fmt: skip
    cold = (cold_page_first_paint, cold_bare_first_paint)
    page_times, bare_times = await first_paints(database, back_office, samples, cold)
    cold_page, cold_bare = statistics.median(page_times), statistics.median(bare_times)
    print(f"cold first paint (built, read and shown at once): Pedidos {ms(cold_page)}, bare "
          f"{ms(cold_bare)}, ratio {cold_page / cold_bare:.2f} (not a target)")  # fmt: skip
    built, shown, rows = (statistics.median(p[k] for p in PAGE_PHASES[1:]) for k in range(3))
    print(f"  Pedidos cold: built at {ms(built)}, shown at {ms(shown)}, first rows in the model "
          f"at {ms(rows)}, painted at {ms(cold_page)}")  # fmt: skip
    return page_paint / bare_paint


async def scroll_steps(table: QTableView, steps: int, loaded: Callable[[], int]) -> list[float]:
    """PageDown-sized steps, each timed from moving the scroll bar to the end of the repaint;
    at the bottom, waits (untimed) for the model's next page, as a person would see it load."""
    bar = table.verticalScrollBar()
    watch = PaintWatch(table)
    timings: list[float] = []
    while len(timings) < steps:
        if bar.value() >= bar.maximum():
            rows = loaded()
            deadline = time.monotonic() + TIMEOUT_S
            while loaded() == rows:
                if time.monotonic() > deadline:
                    raise TimeoutError("the next page of orders never arrived")
                await asyncio.sleep(0.001)
            await asyncio.sleep(0.01)  # the view lays the new rows out
            continue
        painted = watch.arm()
        started = time.perf_counter()
        bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
        timings.append(await wait(painted, "a scroll step's repaint") - started)
    return timings


async def run_qt(database: Database, samples: int, steps: int) -> dict[str, float]:
    executor = DbExecutor(database)
    back_office = assemble(executor, NoWompi(), "T01", "bench@T01")
    try:
        ratio = await report_first_paints(database, back_office, samples)

        _took, page = await page_first_paint(back_office)
        await settle(page)
        page_steps = await scroll_steps(page.table, steps, page.model.rowCount)
        loaded = page.model.rowCount()
        await settle(page)
        await delete_soon(page)

        # The bare view holds as many rows and more, all loaded: it never waits for a page.
        rows = database.read(lambda s: _first_rows(s, loaded + 1000))
        view = QTableView()
        view.resize(*WINDOW)
        view.setModel(PlainModel(rows))
        painted = PaintWatch(view).arm()
        view.show()
        await wait(painted, "the bare view")
        bare_steps = await scroll_steps(view, steps, view.model().rowCount)
        await delete_soon(view)
        print(
            f"scroll step ({steps} page steps, {loaded:,} rows): Pedidos median "
            f"{ms(statistics.median(page_steps))} p95 {ms(pct(page_steps, 95))}; bare median "
            f"{ms(statistics.median(bare_steps))} p95 {ms(pct(bare_steps, 95))}"
        )
    finally:
        executor.shutdown()
    return {
        "ratio": ratio,
        "scroll_ms": pct(page_steps, 95) * 1000,
    }


def _first_rows(session: Any, count: int) -> list[OrderSummary]:
    rows: list[OrderSummary] = []
    for row in OrderBrowser(session).iter_rows(OrderFilter(), SortKey.CREATED_AT, True):
        rows.append(row)
        if len(rows) >= count:
            break
    return rows


def quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every window shown that it cannot propagate size hints;
    everything else Qt says still reaches stderr."""
    previous: list[Any] = []

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous[0] is not None:
            previous[0](mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous.append(qInstallMessageHandler(handler))


def run_gui(database: Database, samples: int, steps: int, *, themed: bool) -> dict[str, float]:
    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    if themed:
        apply_theme(app)  # as app.py: Fusion, the 11 pt font and the QSS theme, for both views
    loop = qasync.QEventLoop(app)
    with loop:
        return loop.run_until_complete(run_qt(database, samples, steps))


# -- main --------------------------------------------------------------------------------------


@contextmanager
def database_at(path: str | None, count: int) -> Iterator[Database]:
    with tempfile.TemporaryDirectory(prefix="mestore-bench-") as tmp:
        file = Path(path) if path else Path(tmp) / "mestore.sqlite3"
        database = build_database(file, count)
        try:
            yield database
        finally:
            database.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--database", help="keep the built database here and reuse it")
    parser.add_argument("--samples", type=int, default=9, help="first paints of each view")
    parser.add_argument("--steps", type=int, default=120, help="scroll steps of each view")
    parser.add_argument(
        "--plain-style",
        action="store_true",
        help="Qt's default style instead of the app's theme (both views)",
    )
    args = parser.parse_args()
    prepare_headless_qt()
    # As the app runs: no automatic cyclic collection (app.py collects on a GUI-thread timer).
    gc.disable()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPU(s), load average {load}, Python {sys.version.split()[0]}")
    match_s = run_matching()
    with database_at(args.database, args.orders) as database:
        search_ms = run_searches(database, args.orders) * 1000
        figures = run_gui(database, args.samples, args.steps, themed=not args.plain_style)
    missed = [
        name
        for name, value, target in (
            ("first paint", figures["ratio"], TARGETS["ratio"]),
            ("scroll step", figures["scroll_ms"], TARGETS["scroll_ms"]),
            ("search", search_ms, TARGETS["search_ms"]),
            ("matching", match_s, TARGETS["match_s"]),
        )
        if value > target
    ]
    print("targets missed: " + ", ".join(missed) if missed else "every target met")
    print(
        f"back-office: first_paint_ratio={figures['ratio']:.2f} "
        f"scroll_p95_ms={figures['scroll_ms']:.1f} search_ms={search_ms:.1f} "
        f"match_100k_s={match_s:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
