"""Concurrent writers: BEGIN IMMEDIATE + busy_timeout means no lost update and no "locked"."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mestore_desktop.domain.payment import Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.factories import at, make_order

WRITES_PER_THREAD = 40


def add_attempts(database: Database, errors: list[BaseException]) -> None:
    """Read-then-write: each new attempt number is the previous maximum + 1."""
    try:
        for i in range(WRITES_PER_THREAD):
            database.write(lambda s, i=i: OrderRepository(s).new_attempt(1, Tender.WOMPI, at(i)))
    except BaseException as exc:  # reported by the test, not lost in the thread
        errors.append(exc)


@pytest.mark.parametrize("sharing", ["one Database", "one Database per thread"])
def test_two_threads_writing_lose_nothing(db_path: Path, sharing: str) -> None:
    first = Database.open(db_path)
    second = first if sharing == "one Database" else Database.open(db_path)
    first.write(lambda s: OrderRepository(s).create_order(make_order()))
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=add_attempts, args=(database, errors))
        for database in (first, second)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    numbers = first.read(lambda s: [a.attempt_number for a in OrderRepository(s).attempts_for(1)])
    first.close()
    second.close()
    assert errors == []
    assert numbers == list(range(1, 2 * WRITES_PER_THREAD + 1))


def test_a_writer_waits_for_another_instead_of_failing(db: Database, db_path: Path) -> None:
    # Another process holds the write lock briefly; our write waits (busy_timeout) and succeeds.
    holder_ready = threading.Event()

    def hold_lock() -> None:
        engine_db = Database.open(db_path)

        def hold(session: Session) -> None:
            session.execute(
                text(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'x', 'hold', '')"
                )
            )
            holder_ready.set()
            time.sleep(0.5)

        engine_db.write(hold)
        engine_db.close()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert holder_ready.wait(5)
    started = time.monotonic()
    order = db.write(lambda s: OrderRepository(s).create_order(make_order()))
    waited = time.monotonic() - started
    holder.join()
    assert order.number == 1
    assert 0.2 < waited < 5


def test_why_deferred_transactions_are_not_enough(db: Database) -> None:
    # The failure BEGIN IMMEDIATE avoids: two deferred transactions read, one commits a write,
    # and the other's write is refused at once ("database is locked"), busy_timeout or not.
    deferred = sessionmaker(db.engine)
    insert = text("INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'x', 'y', '')")
    count = text("SELECT count(*) FROM audit_log")
    with deferred() as a, deferred() as b:
        a.execute(count)
        b.execute(count)
        a.execute(insert)
        a.commit()
        started = time.monotonic()
        with pytest.raises(OperationalError, match="locked"):
            b.execute(insert)
        assert time.monotonic() - started < 1
