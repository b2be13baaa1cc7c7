"""Orders for the browser's tests, saved through `OrderRepository` as the app saves them, and an
oracle: the same filters, search and sorts computed in plain Python from what the repository
reads back, to compare the browser's indexed pages against."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from mestore_desktop.domain.browse import OrderFilter, SortKey, parse_search, search_terms
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, IvaRate, Order, OrderLine, OrderSummary
from mestore_desktop.domain.payment import (
    Observation,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository, shown_attempt
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import PLENTY, T0

TERMINALS = ("T01", "T02", "CAJA2")
DAYS = tuple(bogota_day(T0) + timedelta(days=d) for d in range(4))
NAMES = ("Ana María Pérez", "José Niño", "", "Andrés Gómez-Ruiz", "ana lucía", "")
EMAILS = ("Ana@Example.co", "", "jose.nino@correo.com", "", "andres@example.co", "")
PESOS = (10_000, 25_000, 25_000, 3_500, 25_000)
KINDS = ("open", "cash", "card", "nequi", "pending", "declined", "cancelled", "retry", "voided")


@dataclass(frozen=True)
class Known:
    """One saved order as the repository reads it back."""

    summary: OrderSummary
    order: Order
    attempts: tuple[PaymentAttempt, ...]


def tx_id(i: int, attempt: int = 1) -> str:
    return f"{1100 + i}-17000{attempt}-{i:05d}"


def seed(database: Database, count: int = 63) -> None:
    """`count` orders over three terminals and four Bogotá days, many sharing a creation
    instant, a total or a status (keyset ties), in every kind of outcome."""
    for i in range(count):
        database.write(lambda s, i=i: _sale(OrderRepository(s), i))


def _sale(repo: OrderRepository, i: int) -> None:
    created = T0 + timedelta(days=i % 4, minutes=i % 5)  # five instants a day: ties
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(PESOS[i % 5]), IvaRate.REDUCED)
    customer = Customer(name=NAMES[i % 6], email=EMAILS[i % 6])
    order = Order(TERMINALS[i % 3], (line,), created, customer=customer)
    number = repo.create_order(order).number
    assert number is not None
    at = created + timedelta(seconds=30)
    kind = KINDS[i % len(KINDS)]
    if kind == "open":
        return
    if kind == "cash":
        repo.new_attempt(number, Tender.CASH, at, cash_received=PLENTY)
        return
    first = repo.new_attempt(number, Tender.WOMPI, at).reference
    method = "NEQUI" if kind == "nequi" else "CARD"
    if kind in ("card", "nequi", "voided"):
        _observe(repo, first, tx_id(i), PaymentStatus.APPROVED, at, method)
    if kind == "voided":
        _observe(repo, first, tx_id(i), PaymentStatus.VOIDED, at + timedelta(minutes=1), method)
    if kind in ("declined", "retry"):
        _observe(repo, first, tx_id(i), PaymentStatus.DECLINED, at, "PSE")
    if kind == "retry":
        second = repo.new_attempt(number, Tender.WOMPI, at + timedelta(minutes=2)).reference
        _observe(repo, second, tx_id(i, 2), PaymentStatus.APPROVED, at, "NEQUI", StatusSource.POLL)
    if kind == "cancelled":
        repo.cancel_order(number, at + timedelta(minutes=3))


def _observe(
    repo: OrderRepository,
    reference: str,
    transaction_id: str,
    status: PaymentStatus,
    at: object,
    method: str,
    source: StatusSource = StatusSource.WEBHOOK,
) -> None:
    obs = Observation(
        transaction_id,
        status,
        source,
        at,  # type: ignore[arg-type]
        None,
        payment_method=method,
        payment_method_type=method,
    )
    repo.apply_observation(reference, obs)


def known(database: Database) -> list[Known]:
    def read(s: object) -> list[Known]:
        repo = OrderRepository(s)  # type: ignore[arg-type]
        rows = []
        for summary in repo.list_orders(limit=1000):
            order = repo.get_order(summary.number)
            assert order is not None
            rows.append(Known(summary, order, tuple(repo.attempts_for(summary.number))))
        return rows

    return database.read(read)


def expected(
    rows: list[Known], f: OrderFilter, sort: SortKey, descending: bool
) -> list[OrderSummary]:
    """The oracle: what the browser must list, in order."""
    kept = [r for r in rows if _matches(r, f)]
    kept.sort(key=lambda r: (sort_value(r.summary, sort), r.summary.number), reverse=descending)
    return [r.summary for r in kept]


def sort_value(summary: OrderSummary, sort: SortKey) -> int | str:
    if sort is SortKey.CREATED_AT:
        return to_micros(summary.created_at)
    if sort is SortKey.TOTAL:
        return summary.total.cents
    return summary.status.value


def _matches(r: Known, f: OrderFilter) -> bool:
    s = r.summary
    day = bogota_day(s.created_at)
    shown = shown_attempt(r.attempts)
    checks = (
        f.first_day is None or day >= f.first_day,
        f.last_day is None or day <= f.last_day,
        not f.statuses or s.status in f.statuses,
        f.tender is None or (shown is not None and shown.tender is f.tender),
        not f.method or s.payment_method == f.method,
        not f.terminal_id or s.terminal_id == f.terminal_id,
        _search_matches(r, f.search),
    )
    return all(checks)


def _search_matches(r: Known, text: str) -> bool:
    q = parse_search(text)
    if q.empty:
        return True
    terms = search_terms(r.order.customer.name, r.order.customer.email)
    words = (q.email,) if q.email else q.words
    by_words = bool(words) and all(any(t.startswith(w) for t in terms) for w in words)
    references = [a.reference for a in r.attempts]
    by_reference = bool(q.reference) and any(ref.startswith(q.reference) for ref in references)
    seen = [a.transaction_id or "" for a in r.attempts]
    seen += [tx for a in r.attempts for tx, _ in a.transactions]
    by_tx = bool(q.transaction_id) and any(tx.startswith(q.transaction_id) for tx in seen)
    return by_words or by_reference or by_tx


def a_day(offset: int) -> date:
    return DAYS[offset]


def with_search(f: OrderFilter, search: str) -> OrderFilter:
    return replace(f, search=search)
