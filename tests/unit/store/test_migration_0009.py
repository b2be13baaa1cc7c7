"""Migration 0009: the payment links' mirror, and the link an attempt or an order came from.

Sales saved before it keep every row and read no link; the new table and columns refuse what
the domain would never store; the downgrade drops them and keeps the sales."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import T0
from tests.unit.store.old_schemas import (
    ORDER_STATUSES,
    PAID_BY_WOMPI,
    downgrade_to,
    migrate_to,
    seed_sales,
)

LINK = (
    "INSERT INTO payment_links (link_id, url, name, description, search_text, amount_cents, "
    "single_use, expires_at, redirect_url, sku, iva_rate, collect_shipping, order_number, "
    "terminal_id, active, created_at, deactivated_at, paid_at, collected_cents, payments, "
    "last_synced_at) VALUES ('test_Bj99lR', 'https://checkout.wompi.co/l/test_Bj99lR', "
    "'Torta', 'Para 12', 'torta para 12 test_bj99lr', 2500000, 1, NULL, '', '', 19, 0, 1, "
    "'T01', 1, :at, NULL, NULL, 0, 0, NULL)"
)


@pytest.fixture
def upgraded(db_path: Path) -> Iterator[Database]:
    migrate_to(db_path, "0008")
    seed_sales(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    return database.read(lambda s: [tuple(r) for r in s.execute(text(sql))])


def write(database: Database, sql: str, **params: object) -> None:
    with database.engine.begin() as conn:
        conn.execute(text(sql), params)


def test_sales_saved_before_keep_their_rows_and_read_no_link(upgraded: Database) -> None:
    orders = rows(upgraded, "SELECT number, status, source_link_id FROM orders ORDER BY number")
    assert orders == [(n, status, None) for n, status in ORDER_STATUSES.items()]
    links = rows(upgraded, "SELECT DISTINCT payment_link_id FROM payment_attempts")
    assert links == [(None,)]
    assert rows(upgraded, "SELECT count(*) FROM payment_links") == [(0,)]
    attempt = upgraded.read(lambda s: OrderRepository(s).get_attempt(PAID_BY_WOMPI))
    assert attempt.order_number == 1


def test_the_new_table_takes_a_link_and_its_order(upgraded: Database) -> None:
    write(upgraded, LINK, at=to_micros(T0))
    assert rows(upgraded, "SELECT link_id, order_number, amount_cents FROM payment_links") == [
        ("test_Bj99lR", 1, 2500000)
    ]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("amount_cents", "0"),  # an open amount is NULL, never zero
        ("amount_cents", "25000.5"),
        ("single_use", "2"),
        ("active", "'yes'"),
        ("iva_rate", "7"),
        ("payments", "-1"),
        ("collected_cents", "1.5"),
        ("created_at", "'hoy'"),
        ("name", "''"),
        ("order_number", "99"),  # no such order
    ],
)
def test_the_new_table_refuses_what_the_domain_never_stores(
    upgraded: Database, column: str, value: str
) -> None:
    write(upgraded, LINK, at=to_micros(T0))
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(text(f"UPDATE payment_links SET {column} = {value}"))  # noqa: S608


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE payment_attempts SET payment_link_id = '' WHERE id = 1",
        "UPDATE orders SET source_link_id = '' WHERE number = 1",
    ],
)
def test_the_new_columns_refuse_an_empty_link_id(upgraded: Database, statement: str) -> None:
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(text(statement))


def test_the_new_columns_are_indexed(upgraded: Database) -> None:
    plans = [
        "EXPLAIN QUERY PLAN SELECT id FROM payment_attempts WHERE payment_link_id = 'x'",
        "EXPLAIN QUERY PLAN SELECT number FROM orders WHERE source_link_id = 'x'",
        "EXPLAIN QUERY PLAN SELECT link_id FROM payment_links WHERE order_number = 1",
    ]
    for plan in plans:
        detail = " ".join(str(r[-1]) for r in rows(upgraded, plan))
        assert "USING" in detail and "INDEX" in detail, detail


def test_0009_downgrades_to_0008_keeping_the_sales(upgraded: Database, db_path: Path) -> None:
    write(upgraded, LINK, at=to_micros(T0))
    write(upgraded, "UPDATE orders SET source_link_id = 'test_Bj99lR' WHERE number = 1")
    upgraded.close()
    downgrade_to(db_path, "0008")
    conn = sqlite3.connect(db_path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        attempt_columns = {r[1] for r in conn.execute("PRAGMA table_info(payment_attempts)")}
        order_columns = {r[1] for r in conn.execute("PRAGMA table_info(orders)")}
        orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    assert "payment_links" not in tables
    assert "payment_link_id" not in attempt_columns
    assert "source_link_id" not in order_columns
    assert orders == len(ORDER_STATUSES)
    assert version == "0008"


def test_0009_upgrades_again_after_its_downgrade(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0008")
    migrate_to(db_path, "0009")
    reopened = Database.open(db_path)
    try:
        assert rows(reopened, "SELECT count(*) FROM payment_links") == [(0,)]
    finally:
        reopened.close()
