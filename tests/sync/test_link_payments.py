"""Payments through our payment links go through the same sync as the counter's (issue 11).

`apply_transactions` is what the relay, the pending watcher and the gap filler all call: a
transaction carrying `payment_link_id` of one of our links is attached to the link's order (or
to a new order made from the link) under Wompi's generated reference, then applied through the
status machine; a link that is not ours stays a foreign transaction, as before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from mestore_desktop.domain.links import PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource, Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.link_repository import LINK_ORDER_CREATED, LINK_PAID, LinkRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.sync.apply import Tally, apply_transactions
from mestore_desktop.sync.link_payments import LINK_AMOUNT_DIFFERS
from mestore_desktop.wompi.models import Transaction

T0 = datetime(2026, 12, 14, 15, 0, tzinfo=UTC)
PESOS = Money.from_pesos(25_000)
LINK_ID = "test_Bj99lR"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "mestore.db")
    yield database
    database.close()


def tx(
    tx_id: str,
    status: str = "APPROVED",
    *,
    reference: str | None = None,
    link_id: str | None = LINK_ID,
    cents: int = PESOS.cents,
    created: datetime = T0,
    **extra: Any,
) -> Transaction:
    data = {
        "id": tx_id,
        "reference": reference or f"{link_id}_{int(created.timestamp())}_{tx_id[-4:]}",
        "amount_in_cents": cents,
        "currency": "COP",
        "status": status,
        "payment_method_type": "CARD",
        "payment_method": {"type": "CARD", "extra": {"brand": "VISA", "last_four": "4242"}},
        "customer_email": "cliente.link@example.com",
        "created_at": created.isoformat(),
        "finalized_at": None
        if status == "PENDING"
        else (created + timedelta(seconds=5)).isoformat(),
        "payment_link_id": link_id,
        **extra,
    }
    return Transaction.from_api(data)


def link(**changes: Any) -> PaymentLinkRecord:
    base = PaymentLinkRecord(
        link_id=LINK_ID,
        url=f"https://checkout.wompi.co/l/{LINK_ID}",
        name="Torta de chocolate",
        description="Torta para 12 personas",
        amount=PESOS,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="TORTA-12",
        order_number=None,
        active=True,
        created_at=T0 - timedelta(hours=1),
        iva_rate=IvaRate.GENERAL,
        terminal_id="T01",
    )
    return replace(base, **changes)


def save_link(db: Database, record: PaymentLinkRecord) -> None:
    db.write(lambda s: LinkRepository(s).save(record))


def new_order(db: Database, pesos: int = 25_000) -> int:
    line = OrderLine("Torta", 1, Money.from_pesos(pesos), IvaRate.EXEMPT)
    order = Order(terminal_id="T01", lines=(line,), created_at=T0 - timedelta(hours=2))
    saved = db.write(lambda s: OrderRepository(s).create_order(order))
    assert saved.number is not None
    return saved.number


def apply(
    db: Database, *transactions: Transaction, source: StatusSource = StatusSource.WEBHOOK
) -> Tally:
    at = T0 + timedelta(minutes=1)
    return db.write(lambda s: apply_transactions(s, transactions, source=source, at=at))


def got_link(db: Database) -> PaymentLinkRecord:
    record = db.read(lambda s: LinkRepository(s).get(LINK_ID))
    assert record is not None
    return record


def status(db: Database, number: int) -> OrderStatus:
    return db.read(lambda s: OrderRepository(s).order_status(number))


def count(db: Database, sql: str) -> int:
    return db.read(lambda s: s.execute(text(sql)).scalar_one())


def audits(db: Database, action: str) -> list[str]:
    entries = db.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.detail for e in entries if e.action == action]


# -- a link of an order ----------------------------------------------------------------------


def test_an_approval_on_an_order_s_link_pays_the_order(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    paid = tx("11-1781936141-1001")
    tally = apply(db, paid)
    assert status(db, number) is OrderStatus.PAID
    assert tally.orders_changed == {number}
    assert tally.foreign == 0
    attempts = db.read(lambda s: OrderRepository(s).attempts_for(number))
    (attempt,) = attempts
    assert (attempt.reference, attempt.tender, attempt.amount) == (
        paid.reference,
        Tender.WOMPI,
        PESOS,
    )
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.APPROVED, paid.id)
    assert attempt.payment_method == "VISA ••4242"
    history = db.read(lambda s: OrderRepository(s).history(paid.reference))
    assert [(h.from_status, h.to_status, h.source) for h in history] == [
        (None, PaymentStatus.PENDING, StatusSource.WEBHOOK),
        (PaymentStatus.PENDING, PaymentStatus.APPROVED, StatusSource.WEBHOOK),
    ]
    record = got_link(db)
    assert (record.payments, record.collected, record.paid_at) == (1, PESOS, paid.finalized_at)
    assert record.status(T0 + timedelta(days=1)).value == "paid"
    assert count(db, "SELECT count(*) FROM foreign_transactions") == 0


def test_a_redelivered_payment_creates_nothing_twice(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    paid = tx("11-1781936141-1001")
    apply(db, paid)
    again = apply(db, paid, source=StatusSource.POLL)
    apply(db, paid, source=StatusSource.RECONCILE)
    assert again.orders_changed == set() and again.attempts_updated == 0
    assert count(db, "SELECT count(*) FROM payment_attempts") == 1
    assert count(db, "SELECT count(*) FROM status_history") == 2
    assert count(db, "SELECT count(*) FROM orders") == 1
    assert len(audits(db, LINK_PAID)) == 1
    assert got_link(db).payments == 1


def test_a_decline_then_a_retry_are_two_attempts_of_the_order(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    apply(db, tx("11-1781936141-1001", "DECLINED"))
    assert status(db, number) is OrderStatus.FAILED
    apply(db, tx("11-1781936200-1002", created=T0 + timedelta(minutes=1)))
    assert status(db, number) is OrderStatus.PAID
    numbers = [a.attempt_number for a in db.read(lambda s: OrderRepository(s).attempts_for(number))]
    assert numbers == [1, 2]
    assert got_link(db).payments == 1


def test_a_pending_link_payment_is_watched_and_settles_like_any_attempt(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    apply(db, tx("11-1781936141-1001", "PENDING"), source=StatusSource.RECONCILE)
    assert status(db, number) is OrderStatus.AWAITING_PAYMENT
    watched = db.read(lambda s: OrderRepository(s).watched_attempts())
    assert [a.transaction_id for a in watched] == ["11-1781936141-1001"]
    assert db.read(lambda s: SyncRepository(s).pending_wompi_count()) == 1
    assert got_link(db).payments == 0
    apply(db, tx("11-1781936141-1001"), source=StatusSource.POLL)
    assert status(db, number) is OrderStatus.PAID
    assert db.read(lambda s: OrderRepository(s).watched_attempts()) == []


def test_an_approval_on_a_link_of_an_order_paid_at_the_counter_is_a_duplicate_payment(
    db: Database,
) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))

    def pay_cash(session: Any) -> str:
        repo = OrderRepository(session)
        return repo.new_attempt(number, Tender.CASH, T0, cash_received=PESOS).reference

    cash = db.write(pay_cash)
    paid = tx("11-1781936141-1001")
    tally = apply(db, paid)
    duplicates = db.read(lambda s: OrderRepository(s).duplicate_payments())
    assert [(d.order_number, d.first.reference, d.extra.reference) for d in duplicates] == [
        (number, cash, paid.reference)
    ]
    assert duplicates[0].extra.transaction_id == paid.id
    assert len(audits(db, "payment.duplicate")) == 1
    assert status(db, number) is OrderStatus.PAID
    assert number in tally.orders_changed
    apply(db, paid)  # seen again: still one duplicate
    assert len(db.read(lambda s: OrderRepository(s).duplicate_payments())) == 1


def test_an_approval_on_a_link_of_a_cancelled_order_is_a_late_approval(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    db.write(lambda s: OrderRepository(s).cancel_order(number, T0 - timedelta(minutes=30)))
    paid = tx("11-1781936141-1001")
    apply(db, paid)
    assert status(db, number) is OrderStatus.PAID
    late = db.read(lambda s: OrderRepository(s).late_approvals("T01"))
    assert [a.reference for a in late] == [paid.reference]
    assert len(audits(db, "payment.approved_after_cancel")) == 1


def test_an_amount_other_than_the_order_s_is_taken_and_audited(db: Database) -> None:
    number = new_order(db, pesos=30_000)
    save_link(db, link(order_number=number, amount=None))
    apply(db, tx("11-1781936141-1001", cents=2_000_000))
    assert status(db, number) is OrderStatus.PAID
    assert got_link(db).collected == Money.from_pesos(20_000)
    (detail,) = audits(db, LINK_AMOUNT_DIFFERS)
    assert f"order={number} link={LINK_ID}" in detail
    assert "amount_cents=2000000 order_total_cents=3000000" in detail


# -- a link without order --------------------------------------------------------------------


def test_a_payment_on_a_link_without_order_creates_one_marked_with_the_link(db: Database) -> None:
    save_link(db, link())
    paid = tx("11-1781936141-1001", cents=3_000_000)
    tally = apply(db, paid)
    (number,) = tally.orders_changed
    order = db.read(lambda s: OrderRepository(s).get_order(number))
    assert order is not None
    assert (order.terminal_id, order.created_at, order.customer.email) == (
        "T01",
        T0,
        "cliente.link@example.com",
    )
    (line,) = order.lines
    assert (line.description, line.quantity, line.unit_price, line.iva_rate, line.sku) == (
        "Torta de chocolate",
        1,
        Money.from_pesos(30_000),
        IvaRate.GENERAL,
        "TORTA-12",
    )
    assert status(db, number) is OrderStatus.PAID
    source = count(db, "SELECT count(*) FROM orders WHERE source_link_id = 'test_Bj99lR'")
    assert source == 1
    rows = db.read(lambda s: OrderRepository(s).list_orders(limit=50))
    assert [r.link_name for r in rows if r.number == number] == ["Torta de chocolate"]
    assert got_link(db).order_number == number  # single use: the link is now that order's
    (detail,) = audits(db, LINK_ORDER_CREATED)
    assert detail.startswith(f"order={number} link={LINK_ID} reference={paid.reference}")
    apply(db, paid)
    assert count(db, "SELECT count(*) FROM orders") == 1


def test_a_multi_use_link_without_order_makes_one_order_per_payment(db: Database) -> None:
    save_link(db, link(single_use=False, iva_rate=None))
    first = apply(db, tx("11-1781936141-1001"))
    second = apply(db, tx("11-1781936300-1002", created=T0 + timedelta(minutes=3)))
    assert first.orders_changed != second.orders_changed
    assert count(db, "SELECT count(*) FROM orders WHERE status = 'paid'") == 2
    assert count(db, "SELECT count(*) FROM order_lines WHERE iva_rate = 0") == 2
    record = got_link(db)
    assert (record.order_number, record.payments, record.collected) == (None, 2, PESOS * 2)
    assert record.status(T0).value == "active"


def test_a_failure_first_seen_on_a_link_without_order_sold_nothing(db: Database) -> None:
    save_link(db, link())
    tally = apply(db, tx("11-1781936141-1001", "DECLINED"))
    assert tally.foreign == 1
    assert count(db, "SELECT count(*) FROM orders") == 0
    foreign = "SELECT count(*) FROM foreign_transactions WHERE payment_link_id = 'test_Bj99lR'"
    assert count(db, foreign) == 1
    # The payer tries again and pays: now there is a sale.
    apply(db, tx("11-1781936200-1002", created=T0 + timedelta(minutes=1)))
    assert count(db, "SELECT count(*) FROM orders WHERE status = 'paid'") == 1


def test_a_pending_payment_then_a_decline_leaves_a_failed_order_and_a_retry_pays_it(
    db: Database,
) -> None:
    save_link(db, link())
    (number,) = apply(db, tx("11-1781936141-1001", "PENDING")).orders_changed
    assert status(db, number) is OrderStatus.AWAITING_PAYMENT
    apply(db, tx("11-1781936141-1001", "DECLINED"))
    assert status(db, number) is OrderStatus.FAILED
    apply(db, tx("11-1781936200-1002", created=T0 + timedelta(minutes=1)))
    assert status(db, number) is OrderStatus.PAID
    assert count(db, "SELECT count(*) FROM orders") == 1


# -- what stays foreign ----------------------------------------------------------------------


def test_a_payment_on_a_link_that_is_not_ours_stays_foreign(db: Database) -> None:
    save_link(db, link())
    tally = apply(db, tx("11-1781936141-1001", link_id="test_OTHER1"))
    assert tally.foreign == 1 and tally.orders_changed == set()
    assert count(db, "SELECT count(*) FROM orders") == 0
    assert count(db, "SELECT count(*) FROM payment_attempts") == 0
    assert got_link(db).payments == 0


def test_a_link_payment_not_in_pesos_is_never_a_sale(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    tally = apply(db, tx("11-1781936141-1001", currency="USD"))
    assert tally.foreign == 1
    assert count(db, "SELECT count(*) FROM payment_attempts") == 0
    assert status(db, number) is OrderStatus.OPEN


def test_a_link_payment_under_a_counter_reference_is_kept_apart(db: Database) -> None:
    number = new_order(db)
    save_link(db, link(order_number=number))
    counter = db.write(lambda s: OrderRepository(s).new_attempt(number, Tender.WOMPI, T0))
    tally = apply(db, tx("11-1781936141-1001", reference=counter.reference))
    assert tally.foreign == 1
    assert status(db, number) is OrderStatus.AWAITING_PAYMENT
    assert got_link(db).payments == 0


def test_pedidos_finds_a_link_payment_by_wompi_s_reference_as_typed_or_its_start(
    db: Database,
) -> None:
    # Wompi makes link references like test_Bj99lR_1781936141_X9yR: mixed case, underscores.
    from mestore_desktop.domain.browse import OrderFilter, SortKey
    from mestore_desktop.store.browse_repository import OrderBrowser

    number = new_order(db)
    save_link(db, link(order_number=number))
    paid = tx("11-1781936141-1001")
    apply(db, paid)

    def found(search: str) -> list[int]:
        page = db.read(
            lambda s: OrderBrowser(s).page(
                OrderFilter(search=search), SortKey.CREATED_AT, True, None, 50
            )
        )
        return [row.number for row in page.rows]

    assert found(paid.reference) == [number]
    assert found(paid.reference[:16]) == [number]
