"""The back office, as the UI and the CLI call it: orders, reconciliation, voids and day close.

Every method is a coroutine; database work runs on the `DbExecutor` thread, never on the GUI
thread, and pages are keyset pages (never an unbounded SELECT). `build_back_office` builds it
all once; Wompi clients are made from the settings and keyring at each use (back_office_base),
so the orders browser works with Wompi unconfigured and a key saved in Ajustes applies at once.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from mestore_desktop.domain.browse import (
    MAX_PAGE_SIZE,
    OrderDetail,
    OrderFilter,
    OrderPage,
    PageKey,
    SortKey,
)
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import PaymentAttempt, StatusChange, StatusSource, Tender
from mestore_desktop.domain.text import N_
from mestore_desktop.services import csv_export
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    Clock,
    KeyringWompi,
    WompiAccess,
    now_utc,
)
from mestore_desktop.services.day_close import DayCloseService
from mestore_desktop.services.reconciliation import (
    FetchProgress,
    ReconciliationMemory,
    ReconciliationService,
)
from mestore_desktop.services.voids import VoidCheck, VoidError, VoidService
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import WompiNotFoundError
from mestore_desktop.wompi.models import Transaction

# What the UI and the CLI import from here (the contract's names), wherever they live.
__all__ = [
    "BackOffice",
    "BackOfficeError",
    "DayCloseService",
    "FetchProgress",
    "OrdersService",
    "ReconciliationService",
    "VoidCheck",
    "VoidError",
    "assemble",
    "build_back_office",
]

log = logging.getLogger(__name__)

REQUERY_EVIDENCE = "back_office_requery"


class UnknownOrderNumberError(BackOfficeError):
    def __init__(self, number: int) -> None:
        super().__init__(N_("No existe el pedido {number}.", number=number))
        self.number = number


class OrdersService:
    """*Pedidos*: browse, search, export, re-read from Wompi, void."""

    def __init__(self, db: DbExecutor, wompi: WompiAccess, clock: Clock = now_utc) -> None:
        self._db = db
        self._wompi = wompi
        self._clock = clock
        self._voids = VoidService(db, wompi, clock)
        # Orders whose status this service changed (requery, void): views reload those rows.
        self.on_orders_changed: list[Callable[[set[int]], None]] = []

    def page(
        self,
        filter: OrderFilter,
        sort: SortKey = SortKey.CREATED_AT,
        descending: bool = True,
        after: PageKey | None = None,
        limit: int = 100,
    ) -> Awaitable[OrderPage]:
        # Not a coroutine: the read is on the database thread from this call on.
        return self._db.read(lambda s: OrderBrowser(s).page(filter, sort, descending, after, limit))

    async def summaries(self, numbers: Sequence[int]) -> list[OrderSummary]:
        wanted = list(numbers)
        return await self._db.read(lambda s: OrderBrowser(s).summaries(wanted))

    async def detail(self, number: int) -> OrderDetail | None:
        return await self._db.read(lambda s: OrderBrowser(s).detail(number))

    async def terminals(self) -> list[str]:
        return await self._db.read(lambda s: OrderBrowser(s).terminals())

    async def methods(self) -> list[str]:
        return await self._db.read(lambda s: OrderBrowser(s).methods())

    async def export_csv(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        path: Path,
    ) -> int:
        """The filtered orders, in the browser's order, into `path`; the rows written.

        Page by page (each a short read), so a million rows never hold the database thread
        for long, nor memory; the file appears only once complete (csv_export.CsvFile)."""
        with csv_export.CsvFile(Path(path), csv_export.ORDER_HEADER) as out:
            after: PageKey | None = None
            while True:
                page = await self.page(filter, sort, descending, after, MAX_PAGE_SIZE)
                out.write_rows(csv_export.order_row(row) for row in page.rows)
                if page.next_key is None:
                    break
                after = page.next_key
        log.info("orders exported: %d row(s)", out.rows)
        return out.rows

    async def requery(self, number: int) -> list[StatusChange]:
        """*Consultar en Wompi*: read every Wompi attempt of the order again now and apply what
        Wompi says (source poll); the timeline lines this added. By reference with the private
        key (a payer's retry under one reference is found too), else each known transaction
        by id with the public key, as the sync does."""
        attempts = await self._db.read(lambda s: _wompi_attempts(s, number))
        if not attempts:
            return []
        wompi = self._wompi.client()
        searches = self._wompi.has_private_key()
        transactions: list[Transaction] = []
        for attempt in attempts:
            transactions += await _read_attempt(wompi, attempt, searches=searches)
        if not transactions:
            return []
        at = self._clock()

        def save(session: Session) -> list[StatusChange]:
            repo = OrderRepository(session)
            before = {a.reference: len(repo.history(a.reference)) for a in attempts}
            apply_transactions(
                session, transactions, source=StatusSource.POLL, at=at, evidence=REQUERY_EVIDENCE
            )
            added: list[StatusChange] = []
            for reference, count in before.items():
                added += repo.history(reference)[count:]
            return added

        changes = await self._db.write(save)
        if changes:
            self._notify({number})
        return changes

    async def void_check(self, reference: str) -> VoidCheck:
        return await self._voids.check(reference)

    async def void(self, reference: str, actor: str, reason: str) -> PaymentAttempt:
        """Void at Wompi, record VOIDED (source manual), audited; `VoidError` otherwise."""
        attempt = await self._voids.void(reference, actor, reason)
        self._notify({attempt.order_number})
        return attempt

    def _notify(self, orders: set[int]) -> None:
        for observer in list(self.on_orders_changed):
            try:
                observer(set(orders))
            except Exception:
                log.exception("orders observer failed")


def _wompi_attempts(session: Session, number: int) -> list[PaymentAttempt]:
    repo = OrderRepository(session)
    if repo.get_order(number) is None:
        raise UnknownOrderNumberError(number)
    return [a for a in repo.attempts_for(number) if a.tender is Tender.WOMPI]


async def _read_attempt(
    wompi: WompiClient, attempt: PaymentAttempt, *, searches: bool
) -> list[Transaction]:
    if searches:
        found = await wompi.find_transactions(attempt.reference)
        return [tx for tx in found if tx.reference == attempt.reference]
    known = [tx_id for tx_id, _ in attempt.transactions]
    if attempt.transaction_id and attempt.transaction_id not in known:
        known.append(attempt.transaction_id)
    read = []
    for tx_id in known:
        try:
            read.append(await wompi.get_transaction(tx_id))
        except WompiNotFoundError:
            log.warning("transaction %s of %s not found", tx_id, attempt.reference)
    return read


@dataclass(frozen=True)
class BackOffice:
    orders: OrdersService
    reconciliation: ReconciliationService
    day_close: DayCloseService
    terminal_id: str
    actor: str  # who is using this terminal: the OS user at the terminal
    memory: ReconciliationMemory = field(default_factory=ReconciliationMemory)


def build_back_office(
    settings_file: SettingsFile,
    db: DbExecutor,
    http: httpx.AsyncClient,
    *,
    clock: Clock = now_utc,
) -> BackOffice:
    """Everything the Pedidos and Conciliación pages and the CLI call, built once."""
    settings = settings_file.load()
    return assemble(
        db,
        KeyringWompi(settings_file, http),
        settings.terminal_id,
        current_actor(settings.terminal_id),
        clock,
    )


def assemble(
    db: DbExecutor,
    wompi: WompiAccess,
    terminal_id: str,
    actor: str,
    clock: Clock = now_utc,
) -> BackOffice:
    """The same over any Wompi access (tests hand in a client of their own)."""
    memory = ReconciliationMemory()
    return BackOffice(
        orders=OrdersService(db, wompi, clock),
        reconciliation=ReconciliationService(db, wompi, clock, memory),
        day_close=DayCloseService(db, memory, clock),
        terminal_id=terminal_id,
        actor=actor,
        memory=memory,
    )


def current_actor(terminal_id: str) -> str:
    """`usuario@T01`: the person signed in to this computer, at this terminal."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        user = "desconocido"
    return f"{user}@{terminal_id}"
