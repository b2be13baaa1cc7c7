"""`seed_orders(database, n)`: n orders with their lines, attempts and transactions, fast.

For benchmarks (the back office's, with a million orders): rows go in through SQLAlchemy Core
in large executemany batches, one transaction per batch, instead of one `OrderRepository`
call per sale. The rows are what the repository would write (the same columns, the shown
attempt's tender and method on the order, the customers' search terms), spread over a year of
Bogotá days and four terminals: most orders paid (by card, Nequi, PSE… or cash), some
pending, failed, cancelled, voided or never charged, and about a third with a customer.
Deterministic: the same n gives the same rows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from mestore_desktop.domain.browse import search_terms
from mestore_desktop.domain.catalogue import fold_for_search
from mestore_desktop.store.db import Database
from mestore_desktop.store.tables import (
    AttemptTransactionRow,
    InstallationRow,
    OrderLineRow,
    OrderRow,
    OrderSearchTermRow,
    PaymentAttemptRow,
    StatusHistoryRow,
    to_micros,
)

INSTALLATION = "BNCH"
TERMINALS = ("T01", "T02", "T03", "T04")
LAST_DAY_END = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # midnight in Bogotá
SPAN = timedelta(days=365)
FIRST = ("Ana", "José", "María", "Andrés", "Lucía", "Carlos", "Sofía", "Julián", "Valentina")
LAST = ("Pérez", "Gómez", "Rodríguez", "Niño", "Martínez", "López", "García", "Díaz", "Ríos")
PESOS = (3_500, 9_900, 12_000, 25_000, 25_000, 48_500, 120_000)
# (weight, order status, tender, attempt status, Wompi method)
OUTCOMES = (
    (40, "paid", "WOMPI", "APPROVED", "CARD"),
    (18, "paid", "WOMPI", "APPROVED", "NEQUI"),
    (6, "paid", "WOMPI", "APPROVED", "PSE"),
    (3, "paid", "WOMPI", "APPROVED", "BANCOLOMBIA_TRANSFER"),
    (20, "paid", "CASH", "APPROVED", ""),
    (4, "awaiting_payment", "WOMPI", "PENDING", ""),
    (4, "failed", "WOMPI", "DECLINED", "CARD"),
    (3, "cancelled", "WOMPI", "PENDING", ""),
    (1, "voided", "WOMPI", "VOIDED", "CARD"),
    (1, "open", "", "", ""),
)
BATCH = 20_000
STILL_PENDING = timedelta(hours=2)  # only the newest unpaid checkouts are still open


@dataclass(frozen=True, slots=True)
class SeededSample:
    """Values a benchmark can search for: they exist among the seeded rows."""

    reference: str
    transaction_id: str
    email: str
    name_word: str
    orders: int


def seed_orders(database: Database, n: int, *, seed: int = 7) -> SeededSample:
    """Append n orders to an empty (migrated) database and return searchable sample values."""
    database.write(_installation)
    rng = random.Random(seed)
    weights = [o[0] for o in OUTCOMES]
    step = SPAN / max(n, 1)
    start = LAST_DAY_END - SPAN
    for first in range(1, n + 1, BATCH):
        numbers = range(first, min(first + BATCH, n + 1))
        rows = [
            _sale(i, start + step * (i - 1), rng, rng.choices(OUTCOMES, weights)[0])
            for i in numbers
        ]
        database.write(lambda s, rows=rows: _insert(s, rows))
    middle = max(1, n // 2)
    customer = max(3, middle - middle % 3)  # every third order has a customer
    return SeededSample(
        reference=_reference(middle),
        transaction_id=_transaction_id(middle),
        email=_email(customer),
        name_word="rodriguez",
        orders=n,
    )


def _installation(session: Any) -> None:
    if session.get(InstallationRow, 1) is None:
        session.add(InstallationRow(id=1, installation_id=INSTALLATION, created_at=LAST_DAY_END))


def _reference(number: int) -> str:
    return f"{TERMINALS[number % 4]}-{INSTALLATION}-{number:06d}-1"


def _transaction_id(number: int) -> str:
    return f"{11000 + number % 89_000}-{1_700_000_000 + number}-{number % 100_000:05d}"


def _email(number: int) -> str:
    first, last = FIRST[number % len(FIRST)], LAST[(number // 9) % len(LAST)]
    return fold_for_search(f"{first}.{last}{number}@example.co")


def _sale(
    number: int, created: datetime, rng: random.Random, outcome: tuple[Any, ...]
) -> dict[str, Any]:
    _weight, status, tender, attempt_status, method = outcome
    if status == "awaiting_payment" and created < LAST_DAY_END - STILL_PENDING:
        status = "cancelled"  # the app closes an unpaid checkout once it expires
    pesos = rng.choice(PESOS)
    cents = pesos * 100
    micros = to_micros(created)
    customer = number % 3 == 0
    name = f"{FIRST[number % len(FIRST)]} {LAST[(number // 9) % len(LAST)]}" if customer else ""
    email = _email(number) if customer else ""
    shown_method = "CASH" if tender == "CASH" else method
    order = {
        "number": number,
        "terminal_id": TERMINALS[number % 4],
        "created_at": micros,
        "cancelled_at": micros + 60_000_000 if status == "cancelled" else None,
        "status": status,
        "total_cents": cents,
        "customer_name": name,
        "customer_email": email,
        "customer_phone": "",
        "customer_document_type": None,
        "customer_document_number": "",
        "tender": tender,
        "payment_method": shown_method,
    }
    sale: dict[str, Any] = {"order": order, "terms": search_terms(name, email)}
    sale["line"] = {
        "order_number": number,
        "position": 0,
        "description": "Producto de prueba",
        "quantity": 1,
        "unit_price_cents": cents,
        "iva_rate": 19,
        "discount_cents": 0,
        "sku": "",
    }
    if tender:
        sale["attempt"] = _attempt(number, micros, cents, tender, attempt_status, method, status)
    return sale


def _attempt(
    number: int, micros: int, cents: int, tender: str, status: str, method: str, order: str
) -> dict[str, Any]:
    seen = tender == "WOMPI" and status != "PENDING"
    return {
        "id": number,
        "reference": _reference(number),
        "order_number": number,
        "attempt_number": 1,
        "tender": tender,
        "amount_cents": cents,
        "status": status,
        "transaction_id": _transaction_id(number) if seen else None,
        "payment_method": method,
        "payment_method_type": method,  # Wompi's type; the label does not matter here
        "status_message": "",
        "created_at": micros + 5_000_000,
        "updated_at": micros + 35_000_000,
        "abandoned_at": micros + 60_000_000 if order == "cancelled" else None,
        "cash_received_cents": cents if tender == "CASH" else None,
        "late_ack_at": None,
        "expires_at": micros + 1_805_000_000 if tender == "WOMPI" else None,
        "watch_ended_at": None,
    }


def _insert(session: Any, sales: list[dict[str, Any]]) -> None:
    conn = session.connection()
    # A big page cache: index entries of a million rows land all over their B-trees.
    conn.exec_driver_sql("PRAGMA cache_size = -262144")
    _many(conn, OrderRow, [s["order"] for s in sales])
    _many(conn, OrderLineRow, [s["line"] for s in sales])
    attempts = [s["attempt"] for s in sales if "attempt" in s]
    _many(conn, PaymentAttemptRow, attempts)
    _many(conn, StatusHistoryRow, list(_history(attempts)))
    seen = [
        {"attempt_id": a["id"], "transaction_id": a["transaction_id"], "status": a["status"]}
        for a in attempts
        if a["transaction_id"]
    ]
    _many(conn, AttemptTransactionRow, seen)
    terms = [
        {"term": term, "order_number": s["order"]["number"]} for s in sales for term in s["terms"]
    ]
    _many(conn, OrderSearchTermRow, terms)


def _many(conn: Any, mapped: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany straight to the driver: timestamps go in as the integer micros they
    are stored as, without SQLAlchemy building parameters row by row."""
    if not rows:
        return
    names = list(rows[0])
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {mapped.__tablename__} ({', '.join(names)}) VALUES ({marks})"  # noqa: S608 - table and column names from tables.py
    conn.exec_driver_sql(sql, [tuple(r[n] for n in names) for r in rows])


def _history(attempts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for a in attempts:
        first = "APPROVED" if a["tender"] == "CASH" else "PENDING"
        yield {
            "attempt_id": a["id"],
            "from_status": None,
            "to_status": first,
            "source": "checkout",
            "at": a["created_at"],
            "transaction_id": None,
            "evidence": "",
        }
        if a["status"] != first:
            yield {
                "attempt_id": a["id"],
                "from_status": first,
                "to_status": a["status"],
                "source": "webhook",
                "at": a["updated_at"],
                "transaction_id": a["transaction_id"],
                "evidence": "",
            }
