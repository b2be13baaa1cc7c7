"""Migration 0006: duplicate payments, and the end of an attempt's watch (issue 9)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import Approval, DuplicatePayment, PaymentStatus
from mestore_desktop.store.db import Database, make_engine, with_mode
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import Repo, at
from tests.unit.store.old_schemas import (
    PAID_BY_WOMPI,
    STILL_PENDING,
    downgrade_to,
    migrate_to,
    seed_sales,
)

OLD_DECLINED = "T01-000004-2"
EXPIRING_DECLINED = "T01-000004-3"


def add_declined(path: Path) -> None:
    """Two declined attempts of order 4 saved at 0005: one with no expiry (as before 0004),
    one with its checkout's expiry."""
    engine = make_engine(path)
    try:
        with with_mode(engine, "write").begin() as conn:
            for number, (reference, expires) in enumerate(
                ((OLD_DECLINED, None), (EXPIRING_DECLINED, to_micros(at(1800)))), start=2
            ):
                conn.execute(
                    text(
                        "INSERT INTO payment_attempts (id, reference, order_number, "
                        "attempt_number, tender, amount_cents, status, transaction_id, "
                        "payment_method, status_message, created_at, updated_at, expires_at) "
                        "VALUES (:id, :reference, 4, :number, 'WOMPI', 2500000, 'DECLINED', "
                        ":tx, 'CARD', '', :created, :updated, :expires)"
                    ),
                    {
                        "id": 10 + number,
                        "reference": reference,
                        "number": number,
                        "tx": f"tx-declined-{number}",
                        "created": to_micros(at(40)),
                        "updated": to_micros(at(50 + number)),
                        "expires": expires,
                    },
                )
    finally:
        engine.dispose()


@pytest.fixture
def upgraded(db_path: Path) -> Any:
    migrate_to(db_path, "0005")
    seed_sales(db_path)
    add_declined(db_path)
    database = Database.open(db_path)
    yield database
    database.close()


def watched(database: Database) -> list[str]:
    return [a.reference for a in Repo(database).read(lambda r: r.watched_attempts())]


def test_old_declined_attempts_are_not_polled_after_the_upgrade(upgraded: Database) -> None:
    # Pending ones as before; a declined one only when its checkout carries an expiry.
    assert set(watched(upgraded)) == {STILL_PENDING, "T02-000005-1", EXPIRING_DECLINED}
    ended = upgraded.read(
        lambda s: s.execute(
            text("SELECT watch_ended_at FROM payment_attempts WHERE reference = :r"),
            {"r": OLD_DECLINED},
        ).scalar_one()
    )
    assert ended == to_micros(at(52))  # its last update


def test_a_duplicate_payment_is_recorded_once_and_acknowledged(upgraded: Database) -> None:
    repo = Repo(upgraded)
    duplicate = DuplicatePayment(
        order_number=1,
        amount=Money.from_pesos(25_000),
        first=Approval(PAID_BY_WOMPI, "tx-1"),
        extra=Approval(PAID_BY_WOMPI, "tx-again"),
        detected_at=at(100),
    )
    assert repo.write(lambda r: r.record_duplicate(duplicate)) is True
    assert repo.write(lambda r: r.record_duplicate(duplicate)) is False
    (listed,) = repo.read(lambda r: r.duplicate_payments("T01"))
    assert listed.extra == duplicate.extra and listed.id is not None
    assert repo.read(lambda r: r.duplicate_payments("T02")) == []

    acked = repo.write(lambda r: r.acknowledge_duplicate_payment(listed.id, at(200), "cajero"))
    assert acked.acknowledged_at == at(200)
    assert repo.read(lambda r: r.duplicate_payments("T01")) == []
    kept = repo.read(lambda r: r.duplicate_payments(include_acknowledged=True))
    assert [d.id for d in kept] == [listed.id]
    entries = repo.read(lambda r: r.audit_entries())
    assert [(e.action, e.actor) for e in entries][:2] == [
        ("payment.duplicate_acknowledged", "cajero"),
        ("payment.duplicate", "system"),
    ]


def test_the_new_columns_refuse_what_is_not_an_integer(upgraded: Database) -> None:
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(text("UPDATE payment_attempts SET watch_ended_at = 'luego'"))
    with pytest.raises(IntegrityError), upgraded.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO duplicate_payments (order_number, reference, transaction_id, "
                "first_reference, first_transaction_id, amount_cents, detected_at) "
                "VALUES (1, 'r', 't', 'f', 'g', 10.5, 1)"
            )
        )


def test_an_ended_watch_is_kept_and_an_expired_attempt_is_closed_once(
    upgraded: Database,
) -> None:
    repo = Repo(upgraded)
    assert repo.write(lambda r: r.end_watch(EXPIRING_DECLINED, at(2000))) is True
    assert repo.write(lambda r: r.end_watch(EXPIRING_DECLINED, at(3000))) is False
    assert EXPIRING_DECLINED not in watched(upgraded)

    later = at(0) + timedelta(hours=2)
    assert repo.write(lambda r: r.close_expired_attempt(STILL_PENDING, later)) is True
    assert repo.write(lambda r: r.close_expired_attempt(STILL_PENDING, later)) is False
    closed = repo.read(lambda r: r.get_attempt(STILL_PENDING))
    assert (closed.status, closed.abandoned_at) == (PaymentStatus.PENDING, later)


def test_0006_downgrades_to_0005(upgraded: Database, db_path: Path) -> None:
    upgraded.close()
    downgrade_to(db_path, "0005")
    conn = sqlite3.connect(db_path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(payment_attempts)")}
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        attempts = conn.execute("SELECT count(*) FROM payment_attempts").fetchone()[0]
    finally:
        conn.close()
    assert "watch_ended_at" not in columns
    assert "duplicate_payments" not in tables
    assert attempts == 7
