"""Migration 0002 (sync_state, foreign_transactions) and `SyncRepository`."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import Outcome, PaymentStatus, StatusSource, Tender
from mestore_desktop.store.db import Database, alembic_config, make_engine, with_mode
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import ForeignTransaction, SyncKey, SyncRepository
from tests.unit.store.factories import PLENTY, Repo, at, make_order
from tests.unit.store.old_schemas import APPLIED_EVENT, PAID_BY_WOMPI, migrate_to, seed_sales


def test_0001_databases_with_data_upgrade_to_0002(db_path: Path) -> None:
    migrate_to(db_path, "0001")
    seed_sales(db_path)

    upgraded = Database.open(db_path)  # migrates to head
    try:
        with upgraded.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
        repo = Repo(upgraded)
        assert repo.read(lambda r: r.get_attempt(PAID_BY_WOMPI)).status is PaymentStatus.APPROVED
        assert repo.read(lambda r: r.order_status(1)).value == "paid"
        sync = upgraded.read(lambda s: SyncRepository(s).event_applied(APPLIED_EVENT))
        assert sync
        assert upgraded.read(lambda s: SyncRepository(s).cursor()) == 0
    finally:
        upgraded.close()


def test_0002_downgrades_to_0001(db_path: Path) -> None:
    Database.open(db_path).close()
    engine = make_engine(db_path)
    try:
        with with_mode(engine, "write").begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
        with engine.connect() as conn:
            tables = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
    finally:
        engine.dispose()
    assert "sync_state" not in tables
    assert "foreign_transactions" not in tables


def test_cursor_and_times_round_trip(db: Database) -> None:
    def write(session) -> None:
        sync = SyncRepository(session)
        sync.set_cursor(41)
        sync.set_cursor(42)
        sync.set_time(SyncKey.LAST_HEALTHY_AT, at(5))
        sync.advance_time(SyncKey.LAST_EVENT_AT, at(10))
        sync.advance_time(SyncKey.LAST_EVENT_AT, at(3))  # older: ignored

    db.write(write)
    sync = db.read(
        lambda s: (
            SyncRepository(s).cursor(),
            SyncRepository(s).get_time(SyncKey.LAST_EVENT_AT),
            SyncRepository(s).get_time(SyncKey.LAST_HEALTHY_AT),
            SyncRepository(s).get_time(SyncKey.GAP_FILLED_AT),
        )
    )
    assert sync == (42, at(10), at(5), None)
    with pytest.raises(ValueError, match="negative"):
        db.write(lambda s: SyncRepository(s).set_cursor(-1))


def foreign(status: PaymentStatus, seen: float, tx: str = "tx-9") -> ForeignTransaction:
    return ForeignTransaction(
        transaction_id=tx,
        reference="TIENDA-WEB-1",
        status=status,
        amount=Money(1_000_000),
        payment_link_id="link_1",
        created_at=at(0),
        last_seen_at=at(seen),
        source=StatusSource.WEBHOOK,
    )


def test_foreign_transactions_never_regress(db: Database) -> None:
    def record(f: ForeignTransaction) -> Outcome:
        return db.write(lambda s: SyncRepository(s).record_foreign(f)).outcome

    assert record(foreign(PaymentStatus.PENDING, 1)) is Outcome.APPLY
    assert record(foreign(PaymentStatus.APPROVED, 2)) is Outcome.APPLY
    assert record(foreign(PaymentStatus.PENDING, 3)) is Outcome.STALE
    assert record(foreign(PaymentStatus.APPROVED, 4)) is Outcome.DUPLICATE
    assert record(foreign(PaymentStatus.DECLINED, 5)) is Outcome.CONFLICT
    assert record(foreign(PaymentStatus.VOIDED, 6)) is Outcome.APPLY
    stored = db.read(lambda s: SyncRepository(s).get_foreign("tx-9"))
    assert stored is not None
    assert (stored.status, stored.last_seen_at, stored.payment_link_id) == (
        PaymentStatus.VOIDED,
        at(6),
        "link_1",
    )
    audit = db.read(lambda s: OrderRepository(s).audit_entries())
    assert [e.action for e in audit] == ["foreign.conflict"]
    assert "current=APPROVED incoming=DECLINED" in audit[0].detail
    listed = db.read(lambda s: SyncRepository(s).foreign_transactions())
    assert [f.transaction_id for f in listed] == ["tx-9"]


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO sync_state (key, value) VALUES ('k', X'00')",  # TEXT affinity keeps a blob
        "INSERT INTO foreign_transactions VALUES ('t', 'r', 'PAID', 1, NULL, 1, 1, 'webhook')",
        "INSERT INTO foreign_transactions VALUES ('t', 'r', 'PENDING', 1.5, NULL, 1, 1, 'webhook')",
        "INSERT INTO foreign_transactions VALUES ('t', 'r', 'PENDING', -1, NULL, 1, 1, 'webhook')",
        "INSERT INTO foreign_transactions VALUES ('t', 'r', 'PENDING', 1, NULL, 'x', 1, 'webhook')",
        "INSERT INTO foreign_transactions VALUES ('t', 'r', 'PENDING', 1, NULL, 1, 1, 'rumor')",
    ],
)
def test_check_constraints_refuse_bad_rows(db: Database, sql: str) -> None:
    with pytest.raises(IntegrityError):
        db.write(lambda s: s.execute(text(sql)))


def test_newest_attempt_and_pending_count(db: Database) -> None:
    repo = Repo(db)
    assert db.read(lambda s: SyncRepository(s).newest_wompi_attempt_at()) is None
    for seconds in (1, 7):
        number = repo.write(lambda r: r.create_order(make_order())).number
        repo.write(lambda r, n=number, t=seconds: r.new_attempt(n, Tender.WOMPI, at(t)))
    cash = repo.write(lambda r: r.create_order(make_order())).number
    repo.write(lambda r: r.new_attempt(cash, Tender.CASH, at(9), cash_received=PLENTY))
    assert db.read(lambda s: SyncRepository(s).newest_wompi_attempt_at()) == at(7)
    assert db.read(lambda s: SyncRepository(s).pending_wompi_count()) == 2
