"""Migration 0004: payment attempts remember when their signed checkout expires."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.store.db import Database
from tests.unit.store.factories import Repo, at, make_order
from tests.unit.store.old_schemas import STILL_PENDING, downgrade_to, migrate_to, seed_sales


@pytest.fixture
def upgraded(db_path: Path) -> Any:
    migrate_to(db_path, "0003")
    seed_sales(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def test_0003_attempts_read_back_without_an_expiry(upgraded: Database) -> None:
    repo = Repo(upgraded)
    pending = repo.read(lambda r: r.get_attempt(STILL_PENDING))
    assert (pending.status, pending.expires_at) == (PaymentStatus.PENDING, None)


def test_a_new_wompi_attempt_keeps_its_expiry_and_cash_has_none(upgraded: Database) -> None:
    repo = Repo(upgraded)
    expires = at(0) + timedelta(minutes=30)

    def save(r: Any) -> tuple[Any, Any]:
        order = r.create_order(make_order())
        wompi = r.new_attempt(order.number, Tender.WOMPI, at(0), expires_at=expires)
        other = r.create_order(make_order())
        cash = r.new_attempt(
            other.number, Tender.CASH, at(0), cash_received=other.total, expires_at=expires
        )
        return wompi, cash

    wompi, cash = repo.write(save)
    assert repo.read(lambda r: r.get_attempt(wompi.reference)).expires_at == expires
    assert repo.read(lambda r: r.get_attempt(cash.reference)).expires_at is None


def test_the_expiry_must_be_an_integer(upgraded: Database) -> None:
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(text("UPDATE payment_attempts SET expires_at = 'mañana'"))


def test_0004_downgrades_to_0003(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0003")
    conn = sqlite3.connect(db_path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(payment_attempts)")}
        attempts = conn.execute("SELECT count(*) FROM payment_attempts").fetchone()[0]
    finally:
        conn.close()
    assert "expires_at" not in columns
    assert attempts == 5
