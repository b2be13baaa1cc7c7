"""Migration 0007: the back office's columns, search terms, audit orders, day closes (issue 10)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.browse import OrderFilter
from mestore_desktop.domain.day_close import build_day_close
from mestore_desktop.domain.payment import Tender
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database, make_engine, with_mode
from mestore_desktop.store.reconciliation_repository import DayCloseRepository
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import T0, Repo, at
from tests.unit.store.old_schemas import (
    PAID_BY_WOMPI,
    STILL_PENDING,
    downgrade_to,
    migrate_to,
    seed_sales,
)

NEW_INDEXES = {
    "ix_orders_total_cents",
    "ix_orders_terminal_id_created_at",
    "ix_orders_tender",
    "ix_orders_payment_method",
    "ix_payment_attempts_created_at",
    "ix_payment_attempts_transaction_id",
    "ix_payment_attempts_status_abandoned_at_created_at",
    "ix_attempt_transactions_transaction_id",
    "ix_audit_log_order_number",
    "ix_order_search_terms_order_number",
}


def add_0006_rows(path: Path) -> None:
    """Beside `seed_sales`: customers on orders 1 and 3; order 6 paid by its first attempt
    then declined on a second; order 7 declined twice (the newest shows); order 8 with no
    attempt; and audit lines naming orders as the app wrote them."""
    engine = make_engine(path)
    try:
        with with_mode(engine, "write").begin() as conn:
            conn.execute(
                text(
                    "UPDATE orders SET customer_name = 'Ana María Pérez', "
                    "customer_email = 'Ana@Example.co' WHERE number = 1"
                )
            )
            conn.execute(text("UPDATE orders SET customer_name = 'José Niño' WHERE number = 3"))
            for number, status in ((6, "paid"), (7, "failed"), (8, "open")):
                conn.execute(
                    text(
                        "INSERT INTO orders (number, terminal_id, created_at, status, "
                        "total_cents, customer_name, customer_email, customer_phone, "
                        "customer_document_number) VALUES (:n, 'T01', :at, :status, 100000, "
                        "'', '', '', '')"
                    ),
                    {"n": number, "at": to_micros(at(number)), "status": status},
                )
            attempts = (
                (20, "T01-000006-1", 6, 1, "APPROVED", "11006-1700000006-1", "CARD"),
                (21, "T01-000006-2", 6, 2, "DECLINED", "11006-1700000006-2", "PSE"),
                (22, "T01-000007-1", 7, 1, "DECLINED", "11007-1700000007-1", "CARD"),
                (23, "T01-000007-2", 7, 2, "DECLINED", "11007-1700000007-2", "NEQUI"),
            )
            for row in attempts:
                conn.execute(
                    text(
                        "INSERT INTO payment_attempts (id, reference, order_number, "
                        "attempt_number, tender, amount_cents, status, transaction_id, "
                        "payment_method, status_message, created_at, updated_at, "
                        "watch_ended_at) VALUES (:id, :ref, :n, :a, 'WOMPI', 100000, :status, "
                        ":tx, :method, '', :at, :at, :at)"
                    ),
                    dict(
                        zip(("id", "ref", "n", "a", "status", "tx", "method"), row, strict=True),
                        at=to_micros(at(60)),
                    ),
                )
            lines = (
                ("payment.conflict", f"reference={STILL_PENDING} transaction_id=tx-x\nevidence"),
                ("payment.duplicate", f"order=1 reference={PAID_BY_WOMPI} first_reference=x"),
                ("sync.bad_transaction", "reference=OTRA-TIENDA-1 currency=USD"),
                ("payment.duplicate_acknowledged", "id=1 first_reference=T01-000002-1"),
                ("sync.cursor_reset", "cursor=5"),
            )
            for action, detail in lines:
                conn.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, detail) "
                        "VALUES (1, 'system', :action, :detail)"
                    ),
                    {"action": action, "detail": detail},
                )
    finally:
        engine.dispose()


@pytest.fixture
def upgraded(db_path: Path) -> Iterator[Database]:
    migrate_to(db_path, "0006")
    seed_sales(db_path)
    add_0006_rows(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def column(database: Database, sql: str) -> list[object]:
    return database.read(lambda s: list(s.execute(text(sql)).scalars()))


def test_orders_keep_their_shown_attempt_s_tender_and_method(upgraded: Database) -> None:
    shown = upgraded.read(
        lambda s: s.execute(
            text("SELECT number, tender, payment_method FROM orders ORDER BY number")
        ).all()
    )
    assert [tuple(r) for r in shown] == [
        (1, "WOMPI", "CARD"),
        (2, "CASH", "CASH"),
        (3, "WOMPI", "CARD"),
        (4, "WOMPI", ""),
        (5, "WOMPI", ""),
        (6, "WOMPI", "CARD"),  # the approved attempt, not the newer declined one
        (7, "WOMPI", "NEQUI"),  # no approval: the newest
        (8, "", ""),
    ]

    def listed(f: OrderFilter) -> list[int]:
        rows = upgraded.read(lambda s: OrderBrowser(s).page(f, limit=50)).rows
        return sorted(r.number for r in rows)

    assert listed(OrderFilter(tender=Tender.CASH)) == [2]
    assert listed(OrderFilter(method="CARD")) == [1, 3, 6]
    # The browser's rows show the method its filter matches (list_orders' shown attempt).
    for row in upgraded.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=50)).rows:
        if row.payment_method:
            assert row.number in listed(OrderFilter(method=row.payment_method))


def test_old_customers_are_found_by_name_word_and_e_mail(upgraded: Database) -> None:
    def found(search: str) -> list[int]:
        rows = upgraded.read(lambda s: OrderBrowser(s).page(OrderFilter(search=search))).rows
        return sorted(r.number for r in rows)

    assert found("perez") == [1]
    assert found("MARÍA") == [1]
    assert found("ana@EXAMPLE") == [1]
    assert found("nino") == [3]
    assert found("11006-1700000006-2") == [6]
    assert found("t01-000007") == [7]
    terms = column(upgraded, "SELECT term FROM order_search_terms ORDER BY term")
    assert terms == ["ana", "ana@example.co", "jose", "maria", "nino", "perez"]


def test_old_audit_lines_know_their_order(upgraded: Database) -> None:
    owners = column(upgraded, "SELECT order_number FROM audit_log ORDER BY id")
    assert owners == [4, 1, None, None, None]
    detail = upgraded.read(lambda s: OrderBrowser(s).detail(4))
    assert detail is not None
    assert [n.action for n in detail.notes] == ["payment.conflict"]
    # New lines are linked when written.
    Repo(upgraded).write(lambda r: r.audit("payment.voided", f"reference={PAID_BY_WOMPI}", at(9)))
    assert column(upgraded, "SELECT order_number FROM audit_log ORDER BY id DESC LIMIT 1") == [1]


def test_day_closes_can_be_saved_after_the_upgrade(upgraded: Database) -> None:
    report = build_day_close("T01", bogota_day(T0), [], cash_counted_cents=0)
    upgraded.write(lambda s: DayCloseRepository(s).save_close(report, at(1), "ana"))
    record = upgraded.read(lambda s: DayCloseRepository(s).get("T01", bogota_day(T0)))
    assert record is not None and record.closed_by == "ana"


def test_the_new_columns_refuse_bad_values(upgraded: Database) -> None:
    for statement in (
        "UPDATE orders SET tender = 'CHEQUE'",
        "UPDATE audit_log SET order_number = 'uno'",
        "INSERT INTO order_search_terms (term, order_number) VALUES ('', 1)",
        "INSERT INTO order_search_terms (term, order_number) VALUES ('x', 999)",
    ):
        with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
            conn.execute(text(statement))


def test_0007_downgrades_to_0006(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0006")
    conn = sqlite3.connect(db_path)
    try:
        orders = {row[1] for row in conn.execute("PRAGMA table_info(orders)")}
        audit = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("orders", "payment_attempts", "audit_log")
        ]
    finally:
        conn.close()
    assert not {"tender", "payment_method"} & orders
    assert "order_number" not in audit
    assert not {"day_closes", "order_search_terms"} & names
    assert not NEW_INDEXES & names
    assert counts == [8, 9, 5]
