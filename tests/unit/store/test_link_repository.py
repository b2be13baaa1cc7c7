"""`LinkRepository`: the payment links' mirror, its list and filters, and what links collected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

import pytest
from sqlalchemy.orm import Session

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource, Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.link_repository import (
    DEACTIVATE_REQUESTED,
    LINK_PAID,
    LinkRepository,
    UnknownLinkError,
)
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.factories import T0, approved, at, make_order, observation

T = TypeVar("T")
PESOS = Money.from_pesos(25_000)


def link(link_id: str = "test_Bj99lR", **changes: object) -> PaymentLinkRecord:
    base = PaymentLinkRecord(
        link_id=link_id,
        url=f"https://checkout.wompi.co/l/{link_id}",
        name="Torta de chocolate",
        description="Torta para 12 personas",
        amount=PESOS,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="",
        order_number=None,
        active=True,
        created_at=T0,
        terminal_id="T01",
    )
    return replace(base, **changes)


def write(db: Database, fn: Callable[[LinkRepository], T]) -> T:
    return db.write(lambda s: fn(LinkRepository(s)))


def read(db: Database, fn: Callable[[LinkRepository], T]) -> T:
    return db.read(lambda s: fn(LinkRepository(s)))


def new_order(db: Database) -> int:
    order = db.write(lambda s: OrderRepository(s).create_order(make_order()))
    assert order.number is not None
    return order.number


def test_a_saved_link_reads_back_the_same(db: Database) -> None:
    number = new_order(db)
    record = link(
        amount=None,
        single_use=False,
        expires_at=at(3600),
        redirect_url="https://tienda.co/ok",
        sku="TORTA-12",
        order_number=number,
        iva_rate=IvaRate.GENERAL,
        collect_shipping=True,
        last_synced_at=at(1),
    )
    assert write(db, lambda r: r.save(record)) == record
    assert read(db, lambda r: r.get("test_Bj99lR")) == record
    assert read(db, lambda r: r.get("nope")) is None


def test_a_refresh_rewrites_what_wompi_holds_and_keeps_what_we_counted(db: Database) -> None:
    number = new_order(db)
    write(db, lambda r: r.save(link(order_number=number, iva_rate=IvaRate.REDUCED)))
    paid_at = at(60)
    _pay_through_link(db, number, "test_Bj99lR", "test_Bj99lR_1_A", "tx-1", paid_at)
    # A refresh read from Wompi before the payment was attached: counts nothing, no order.
    stale = link(name="Torta grande", active=False, last_synced_at=at(90))
    saved = write(db, lambda r: r.save(stale))
    assert (saved.name, saved.active, saved.last_synced_at) == ("Torta grande", False, at(90))
    assert saved.deactivated_at == at(90)
    assert (saved.payments, saved.collected, saved.paid_at) == (1, PESOS, paid_at)
    assert (saved.order_number, saved.iva_rate, saved.terminal_id) == (
        number,
        IvaRate.REDUCED,
        "T01",
    )
    again = write(db, lambda r: r.save(replace(stale, active=True, last_synced_at=None)))
    assert again.active and again.deactivated_at is None and again.last_synced_at == at(90)


def test_the_list_is_newest_first_and_searches_name_description_and_id(db: Database) -> None:
    write(db, lambda r: r.save(link("test_AAAAAA", name="Torta de Maracuyá", created_at=at(1))))
    write(db, lambda r: r.save(link("test_BBBBBB", name="Pan", description="Baguette niño")))
    write(db, lambda r: r.save(link("test_CCCCCC", name="Café", created_at=at(2))))

    def ids(search: str = "") -> list[str]:
        return [x.link_id for x in read(db, lambda r: r.list(search))]

    assert ids() == ["test_CCCCCC", "test_AAAAAA", "test_BBBBBB"]
    assert ids("maracuya") == ["test_AAAAAA"]
    assert ids("  NINO ") == ["test_BBBBBB"]  # accents and case ignored
    assert ids("test_cc") == ["test_CCCCCC"]  # the id, its "_" taken literally
    assert ids("test%") == []
    assert [x.link_id for x in read(db, lambda r: r.list(limit=1))] == ["test_CCCCCC"]


def test_the_status_filter_agrees_with_the_record_s_status(db: Database) -> None:
    now = at(1000)
    records = [
        link("test_ACTIVE"),
        link("test_SOONXX", expires_at=now + timedelta(seconds=1)),
        link("test_EXPIRD", expires_at=now),
        link("test_OFFXXX", active=False, deactivated_at=at(5)),
        link("test_PAIDXX", payments=1, collected=PESOS, paid_at=at(9), active=False),
        link("test_MULTIX", single_use=False, payments=2, collected=PESOS * 2, paid_at=at(9)),
    ]
    for record in records:
        write(db, lambda r, record=record: r.save(record))
    for status in LinkStatus:
        listed = {x.link_id for x in read(db, lambda r, s=status: r.list(status=s, now=now))}
        assert listed == {x.link_id for x in records if x.status(now) is status}, status
    with pytest.raises(ValueError, match="now"):
        read(db, lambda r: r.list(status=LinkStatus.ACTIVE))


def test_an_order_s_active_links_leave_out_the_off_and_paid_ones(db: Database) -> None:
    number, other = new_order(db), new_order(db)
    for record in (
        link("test_LIVE01", order_number=number, created_at=at(1)),
        link("test_LIVE02", order_number=number, single_use=False, payments=1, created_at=at(2)),
        link("test_EXPIRD", order_number=number, expires_at=at(5), created_at=at(3)),
        link("test_OFFXXX", order_number=number, active=False),
        link("test_PAIDXX", order_number=number, payments=1, collected=PESOS),
        link("test_OTHERX", order_number=other),
    ):
        write(db, lambda r, record=record: r.save(record))
    active = read(db, lambda r: [x.link_id for x in r.active_for_order(number)])
    assert active == ["test_LIVE01", "test_LIVE02", "test_EXPIRD"]
    live = read(db, lambda r: [x.link_id for x in r.active_for_order(number, at(10))])
    assert live == ["test_LIVE01", "test_LIVE02"]
    assert len(read(db, lambda r: r.for_order(number))) == 5


def test_deactivating_keeps_the_first_time(db: Database) -> None:
    write(db, lambda r: r.save(link()))
    first = write(db, lambda r: r.mark_deactivated("test_Bj99lR", at(10)))
    again = write(db, lambda r: r.mark_deactivated("test_Bj99lR", at(20)))
    assert first.status(at(30)) is LinkStatus.DEACTIVATED
    assert first.deactivated_at == again.deactivated_at == at(10)
    with pytest.raises(UnknownLinkError, match="test_nope"):
        write(db, lambda r: r.mark_deactivated("test_nope", at(10)))


def _pay_through_link(
    db: Database, number: int, link_id: str, reference: str, tx: str, when: datetime
) -> None:
    def pay(session: Session) -> None:
        orders = OrderRepository(session)
        orders.add_link_attempt(number, reference, link_id, PESOS, T0, StatusSource.WEBHOOK)
        orders.apply_observation(reference, approved(tx, when, PESOS))
        LinkRepository(session).record_payment(link_id, when)

    db.write(pay)


def test_record_payment_counts_approved_link_attempts_once(db: Database) -> None:
    number = new_order(db)
    write(db, lambda r: r.save(link(single_use=False, order_number=number)))
    _pay_through_link(db, number, "test_Bj99lR", "test_Bj99lR_1_A", "tx-1", at(60))
    again = write(db, lambda r: r.record_payment("test_Bj99lR", at(99)))
    assert (again.payments, again.collected, again.paid_at) == (1, PESOS, at(60))
    audits = db.read(lambda s: OrderRepository(s).audit_entries())
    paid = [a for a in audits if a.action == LINK_PAID]
    assert len(paid) == 1
    assert paid[0].detail.startswith(f"order={number} link=test_Bj99lR payments=1")


def test_a_voided_payment_is_no_longer_counted(db: Database) -> None:
    number = new_order(db)
    write(db, lambda r: r.save(link(order_number=number)))
    _pay_through_link(db, number, "test_Bj99lR", "test_Bj99lR_1_A", "tx-1", at(60))
    voided = observation("tx-1", PaymentStatus.VOIDED, at(70))
    db.write(lambda s: OrderRepository(s).apply_observation("test_Bj99lR_1_A", voided))
    record = write(db, lambda r: r.record_payment("test_Bj99lR", at(70)))
    assert (record.payments, record.collected, record.paid_at) == (0, Money.zero(), None)


def test_a_link_attempt_on_a_paid_order_is_a_duplicate_payment(db: Database) -> None:
    number = new_order(db)
    repo = OrderRepository
    counter = db.write(lambda s: repo(s).new_attempt(number, Tender.WOMPI, at(1)))
    db.write(lambda s: repo(s).apply_observation(counter.reference, approved("tx-0", at(2))))
    write(db, lambda r: r.save(link(order_number=number)))
    _pay_through_link(db, number, "test_Bj99lR", "test_Bj99lR_1_A", "tx-1", at(60))
    duplicates = db.read(lambda s: repo(s).duplicate_payments(include_acknowledged=True))
    assert [(d.first.reference, d.extra.reference) for d in duplicates] == [
        (counter.reference, "test_Bj99lR_1_A")
    ]
    assert db.read(lambda s: repo(s).order_status(number)) is OrderStatus.PAID


def test_a_link_attempt_on_a_cancelled_order_is_a_late_approval(db: Database) -> None:
    number = new_order(db)
    db.write(lambda s: OrderRepository(s).cancel_order(number, at(5)))
    write(db, lambda r: r.save(link(order_number=number)))
    _pay_through_link(db, number, "test_Bj99lR", "test_Bj99lR_1_A", "tx-1", at(60))
    late = db.read(lambda s: OrderRepository(s).late_approvals("T01"))
    assert [a.reference for a in late] == ["test_Bj99lR_1_A"]


def test_a_pending_link_attempt_is_watched_but_not_the_counter_s_unfinished_sale(
    db: Database,
) -> None:
    number = new_order(db)

    def start(session: Session) -> None:
        OrderRepository(session).add_link_attempt(
            number, "test_Bj99lR_1_A", "test_Bj99lR", PESOS, T0, StatusSource.POLL
        )

    db.write(start)
    watched = db.read(lambda s: [a.reference for a in OrderRepository(s).watched_attempts()])
    unfinished = db.read(lambda s: OrderRepository(s).unfinished_attempts("T01"))
    assert watched == ["test_Bj99lR_1_A"]
    assert unfinished == []
    history = db.read(lambda s: OrderRepository(s).history("test_Bj99lR_1_A"))
    assert [(h.to_status, h.source, h.evidence) for h in history] == [
        (PaymentStatus.PENDING, StatusSource.POLL, "payment_link=test_Bj99lR")
    ]
    assert read(db, lambda r: r.link_of_attempt("test_Bj99lR_1_A")) == "test_Bj99lR"


def test_pedidos_names_the_link_an_order_came_from_or_was_paid_through(db: Database) -> None:
    made, paid, plain = new_order(db), new_order(db), new_order(db)
    write(db, lambda r: r.save(link("test_MADEXX", name="Torta")))
    write(db, lambda r: r.save(link("test_PAIDXX", name="Pan", order_number=paid)))
    write(db, lambda r: r.mark_order_from_link(made, "test_MADEXX"))
    _pay_through_link(db, paid, "test_PAIDXX", "test_PAIDXX_1_A", "tx-1", at(60))
    rows = db.read(lambda s: OrderRepository(s).list_orders(limit=50))
    names = {r.number: r.link_name for r in rows if r.number in (made, paid, plain)}
    assert names == {made: "Torta", paid: "Pan", plain: ""}


def test_audit_link_names_the_order_when_the_link_has_one(db: Database) -> None:
    number = new_order(db)
    write(db, lambda r: r.save(link("test_WITHOR", order_number=number)))
    write(db, lambda r: r.save(link("test_NOORDR")))
    write(db, lambda r: r.audit_link(DEACTIVATE_REQUESTED, "test_WITHOR", at(1), "ana"))
    write(db, lambda r: r.audit_link(DEACTIVATE_REQUESTED, "test_NOORDR", at(2), detail="x=1"))
    entries = db.read(lambda s: OrderRepository(s).audit_entries(limit=2))
    assert [(e.actor, e.detail) for e in reversed(entries)] == [
        ("ana", f"order={number} link=test_WITHOR"),
        ("system", "link=test_NOORDR x=1"),
    ]
