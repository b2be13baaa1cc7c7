"""Migration 0008: attempts keep Wompi's method type beside the label; orders show the type.

Before it, an attempt's `payment_method` held only the label made for receipts ("VISA ••4242",
"Nequi 399•••1111"), and `orders.payment_method` (0007) copied it, so the back office listed
and grouped one "method" per card or phone. The upgrade derives the type from each label where
the label says it, and the downgrade puts the labels back where 0007's app kept them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.browse import OrderFilter
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database, make_engine, with_mode
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import at
from tests.unit.store.old_schemas import downgrade_to, migrate_to

# (label as 0007's app stored it, tender, status, the type 0008 derives)
LABELS = [
    ("VISA ••4242", "WOMPI", "APPROVED", "CARD"),
    ("MASTERCARD ••5555", "WOMPI", "APPROVED", "CARD"),
    ("Tarjeta ••1111", "WOMPI", "APPROVED", "CARD"),  # a card without its brand
    ("Tarjeta", "WOMPI", "DECLINED", "CARD"),  # neither brand nor last four
    ("Nequi 399•••1111", "WOMPI", "APPROVED", "NEQUI"),
    ("Nequi", "WOMPI", "APPROVED", "NEQUI"),
    ("PSE", "WOMPI", "APPROVED", "PSE"),
    ("Botón Bancolombia", "WOMPI", "APPROVED", "BANCOLOMBIA_TRANSFER"),
    ("QR Bancolombia", "WOMPI", "APPROVED", "BANCOLOMBIA_QR"),
    ("Corresponsal Bancolombia", "WOMPI", "APPROVED", "BANCOLOMBIA_COLLECT"),
    ("Compra y paga después Bancolombia", "WOMPI", "APPROVED", "BANCOLOMBIA_BNPL"),
    ("Daviplata", "WOMPI", "APPROVED", "DAVIPLATA"),
    ("Puntos Colombia", "WOMPI", "APPROVED", "PCOL"),
    ("SU+ Pay", "WOMPI", "APPROVED", "SU_PLUS"),
    ("CARD", "WOMPI", "APPROVED", "CARD"),  # already a type: kept
    ("MASTERCARD", "WOMPI", "APPROVED", ""),  # a brand alone could be anything
    ("Wompi", "WOMPI", "APPROVED", ""),  # Wompi named no method
    ("SOMETHING_NEW", "WOMPI", "APPROVED", ""),  # an unknown label is not guessed at
    ("", "WOMPI", "PENDING", ""),
    ("", "CASH", "APPROVED", ""),
]
RETRIED = 21  # paid by card, then a newer PSE try declined (orders 1-20: LABELS)


def seed_0007(path: Path) -> None:
    """One order per label, each with one attempt, plus an order paid then retried; orders'
    tender and method as 0007's app kept them (the shown attempt's label, "CASH" for cash)."""
    engine = make_engine(path)
    attempts = [
        (n, 1, label, tender, status) for n, (label, tender, status, _t) in enumerate(LABELS, 1)
    ]
    attempts += [
        (RETRIED, 1, "VISA ••4242", "WOMPI", "APPROVED"),
        (RETRIED, 2, "PSE", "WOMPI", "DECLINED"),
    ]
    shown = {n: (tender, label or ("CASH" if tender == "CASH" else "")) for n, _a, label,
             tender, _s in attempts if (n, _a) != (RETRIED, 2)}  # fmt: skip
    try:
        with with_mode(engine, "write").begin() as conn:
            for number, (tender, method) in shown.items():
                conn.execute(
                    text(
                        "INSERT INTO orders (number, terminal_id, created_at, status, "
                        "total_cents, customer_name, customer_email, customer_phone, "
                        "customer_document_number, tender, payment_method) VALUES (:n, 'T01', "
                        ":at, 'paid', 100000, '', '', '', '', :tender, :method)"
                    ),
                    {"n": number, "at": to_micros(at(number)), "tender": tender, "method": method},
                )
            for i, (number, attempt, label, tender, status) in enumerate(attempts, 1):
                conn.execute(
                    text(
                        "INSERT INTO payment_attempts (id, reference, order_number, "
                        "attempt_number, tender, amount_cents, status, transaction_id, "
                        "payment_method, status_message, created_at, updated_at) VALUES (:id, "
                        ":ref, :n, :a, :tender, 100000, :status, NULL, :label, '', :at, :at)"
                    ),
                    {
                        "id": i,
                        "ref": f"T01-{number:06d}-{attempt}",
                        "n": number,
                        "a": attempt,
                        "tender": tender,
                        "status": status,
                        "label": label,
                        "at": to_micros(at(60 + i)),
                    },
                )
    finally:
        engine.dispose()


@pytest.fixture
def upgraded(db_path: Path) -> Iterator[Database]:
    migrate_to(db_path, "0007")
    seed_0007(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    return database.read(lambda s: [tuple(r) for r in s.execute(text(sql))])


def test_attempts_get_the_type_their_label_says_and_keep_the_label(upgraded: Database) -> None:
    found = rows(
        upgraded,
        "SELECT payment_method, payment_method_type FROM payment_attempts "
        "WHERE attempt_number = 1 AND order_number != 21 ORDER BY id",
    )
    assert found == [(label, kind) for label, _tender, _status, kind in LABELS]


def test_orders_show_their_shown_attempt_s_type(upgraded: Database) -> None:
    shown = dict(rows(upgraded, "SELECT number, payment_method FROM orders"))
    expected = {n: kind for n, (_l, _t, _s, kind) in enumerate(LABELS, 1)}
    expected[len(LABELS)] = "CASH"
    expected[RETRIED] = "CARD"  # the approved card, not the newer declined PSE
    assert shown == expected


def test_the_browser_lists_types_and_filters_by_them(upgraded: Database) -> None:
    methods = upgraded.read(lambda s: OrderBrowser(s).methods())
    assert methods == sorted({kind for *_rest, kind in LABELS if kind})

    def listed(method: str) -> list[int]:
        page = upgraded.read(lambda s: OrderBrowser(s).page(OrderFilter(method=method), limit=50))
        return sorted(r.number for r in page.rows)

    assert listed("CARD") == [1, 2, 3, 4, 15, RETRIED]
    assert listed("NEQUI") == [5, 6]


def test_the_new_column_refuses_what_is_not_a_type(upgraded: Database) -> None:
    for statement in (
        "UPDATE payment_attempts SET payment_method_type = 'VISA ••4242' WHERE id = 1",
        "UPDATE payment_attempts SET payment_method_type = 'card' WHERE id = 1",
        "UPDATE payment_attempts SET payment_method_type = 7 WHERE id = 1",
        "UPDATE payment_attempts SET payment_method_type = NULL WHERE id = 1",
    ):
        with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
            conn.execute(text(statement))
    with upgraded.engine.begin() as conn:
        conn.execute(
            text("UPDATE payment_attempts SET payment_method_type = 'SU_PLUS' WHERE id = 1")
        )


def test_0008_downgrades_to_0007_with_the_labels_back(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0007")
    conn = sqlite3.connect(db_path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(payment_attempts)")}
        orders = dict(conn.execute("SELECT number, payment_method FROM orders").fetchall())
        labels = [r[0] for r in conn.execute("SELECT payment_method FROM payment_attempts")]
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    assert "payment_method_type" not in columns
    expected = {n: label for n, (label, _t, _s, _k) in enumerate(LABELS, 1)}
    expected[len(LABELS)] = "CASH"
    expected[RETRIED] = "VISA ••4242"
    assert orders == expected
    assert len(labels) == len(LABELS) + 2
    assert version == "0007"
