"""Migration 0003 (products; cash received and late-approval acknowledgement on attempts)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.db import Database, alembic_config
from mestore_desktop.store.tables import Base
from tests.unit.store.factories import PLENTY, Repo, at, make_order
from tests.unit.store.old_schemas import (
    LATE_APPROVAL,
    PAID_BY_WOMPI,
    PAID_IN_CASH,
    STILL_PENDING,
    downgrade_to,
    migrate_to,
    seed_sales,
)
from tests.unit.store.test_db import schema_sql


@pytest.fixture
def upgraded(db_path: Path) -> Any:
    migrate_to(db_path, "0002")
    seed_sales(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def test_0002_data_survives_and_is_readable_with_the_new_columns(upgraded: Database) -> None:
    repo = Repo(upgraded)
    with upgraded.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    cash = repo.read(lambda r: r.get_attempt(PAID_IN_CASH))
    # A cash sale from before 0003 never recorded what was handed over: unknown, not zero.
    assert (cash.status, cash.cash_received, cash.change) == (PaymentStatus.APPROVED, None, None)
    wompi = repo.read(lambda r: r.get_attempt(PAID_BY_WOMPI))
    assert (wompi.transaction_id, wompi.transactions) == ("tx-1", (("tx-1", "APPROVED"),))
    assert len(repo.read(lambda r: r.history(PAID_BY_WOMPI))) == 1
    assert [a.reference for a in repo.read(lambda r: r.late_approvals("T01"))] == [LATE_APPROVAL]
    assert [a.reference for a in repo.read(lambda r: r.unfinished_attempts("T01"))] == [
        STILL_PENDING
    ]


def test_the_upgraded_database_takes_new_data(upgraded: Database) -> None:
    repo = Repo(upgraded)
    number = repo.write(lambda r: r.create_order(make_order())).number
    attempt = repo.write(lambda r: r.new_attempt(number, Tender.CASH, at(60), cash_received=PLENTY))
    assert repo.read(lambda r: r.get_attempt(attempt.reference)).cash_received == PLENTY
    repo.write(lambda r: r.acknowledge_late_approval(LATE_APPROVAL, at(61)))
    assert repo.read(lambda r: r.late_approvals("T01")) == []
    product = Product("A1", "Pan", Money.from_pesos(1_000), IvaRate.EXEMPT, "7701234567890")
    upgraded.write(lambda s: CatalogueRepository(s).upsert_many([product], at(62)))
    assert upgraded.read(lambda s: CatalogueRepository(s).by_code("7701234567890")) == product


def test_upgraded_schema_is_exactly_the_orm_schema(
    upgraded: Database, db_path: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "create_all.db"
    engine = create_engine(f"sqlite:///{fresh}")
    Base.metadata.create_all(engine)
    engine.dispose()
    assert schema_sql(db_path) == schema_sql(fresh)


def test_0003_downgrades_to_0002_keeping_the_sales(upgraded: Database, db_path: Path) -> None:
    upgraded.write(
        lambda s: CatalogueRepository(s).upsert_many(
            [Product("A1", "Pan", Money(100), IvaRate.EXEMPT)], at(1)
        )
    )
    upgraded.close()
    downgrade_to(db_path, "0002")
    conn = sqlite3.connect(db_path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(payment_attempts)")}
        attempts = conn.execute("SELECT count(*) FROM payment_attempts").fetchone()[0]
    finally:
        conn.close()
    assert "products" not in tables
    assert "ix_payment_attempts_abandoned_at" not in tables
    assert {"cash_received_cents", "late_ack_at"}.isdisjoint(columns)
    assert attempts == 5


PRODUCT = {
    "sku": "A1",
    "name": "Pan",
    "search_name": "pan",
    "price_cents": 100,
    "iva_rate": 0,
    "barcode": None,
    "updated_at": 1,
}


def insert_product(db: Database, **changes: Any) -> None:
    values = {**PRODUCT, **changes}
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO products (sku, name, search_name, price_cents, iva_rate, barcode,"
                " updated_at) VALUES (:sku, :name, :search_name, :price_cents, :iva_rate,"
                " :barcode, :updated_at)"
            ),
            values,
        )


def test_a_valid_product_row_is_accepted(db: Database) -> None:
    insert_product(db)
    insert_product(db, sku="B2", barcode="7701234567890")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("price_cents", 0),
        ("price_cents", -100),
        ("price_cents", 100.5),
        ("price_cents", "cien"),
        ("iva_rate", 16),
        ("iva_rate", "19%"),
        ("barcode", ""),
        ("sku", ""),
        ("sku", None),
        ("updated_at", "2026-01-01"),
    ],
)
def test_product_checks_refuse_bad_values(db: Database, column: str, value: Any) -> None:
    with pytest.raises(IntegrityError):
        insert_product(db, **{column: value})


def test_sku_is_unique_without_case_and_barcode_is_unique(db: Database) -> None:
    insert_product(db, sku="abc-1", barcode="7701234567890")
    with pytest.raises(IntegrityError):
        insert_product(db, sku="ABC-1")
    with pytest.raises(IntegrityError):
        insert_product(db, sku="OTHER", barcode="7701234567890")
    insert_product(db, sku="NULL-1")  # several products may lack a barcode
    insert_product(db, sku="NULL-2")


@pytest.mark.parametrize(
    ("column", "value"),
    [("cash_received_cents", -1), ("cash_received_cents", 10.5), ("late_ack_at", "ayer")],
)
def test_attempt_columns_refuse_bad_values(db: Database, column: str, value: Any) -> None:
    repo = Repo(db)
    repo.write(lambda r: r.create_order(make_order()))
    attempt = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(1)))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        # Column names come from the parameters above, never from input.
        conn.execute(
            text(f"UPDATE payment_attempts SET {column} = :value WHERE reference = :ref"),  # noqa: S608
            {"value": value, "ref": attempt.reference},
        )
