"""Crash-test writer, run as a subprocess by test_crash_safety.py (pytest does not collect it).

Usage: python crash_writer.py DB_PATH. Opens (and migrates) the database, then forever: creates
an order, starts a Wompi attempt and applies its approval, all in one transaction; only after
the commit returns does it print the order number and flush stdout. So every number the parent
reads was committed, and a kill can land anywhere, including in the middle of a transaction.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import Observation, PaymentStatus, StatusSource, Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository


def sell_one(session: Session) -> int:
    repo = OrderRepository(session)
    now = datetime.now(UTC)
    line = OrderLine("Pan", 2, Money.from_pesos(1_500), IvaRate.EXEMPT)
    number = repo.create_order(Order("T01", (line,), now)).number
    assert number is not None
    attempt = repo.new_attempt(number, Tender.WOMPI, now)
    approval = Observation(f"tx-{number}", PaymentStatus.APPROVED, StatusSource.WEBHOOK, now)
    repo.apply_observation(attempt.reference, approval)
    repo.mark_event_applied(f"evt-{number}", now)
    return number


def main(path: Path) -> None:
    database = Database.open(path)
    while True:
        number = database.write(sell_one)
        sys.stdout.write(f"{number}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
