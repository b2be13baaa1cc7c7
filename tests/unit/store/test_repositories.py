"""OrderRepository round trips: orders, lines, customers, attempts, history, events, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order, OrderError
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentStatus,
    StatusChange,
    StatusSource,
    Tender,
)
from mestore_desktop.store.db import Database
from mestore_desktop.store.errors import OrderClosedError, UnknownOrderError, UnknownReferenceError
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.factories import (
    BOGOTA,
    PLENTY,
    T0,
    Repo,
    approved,
    at,
    make_order,
    observation,
    rich_order,
)


def ours(repo: Repo, order: int, attempt: int) -> str:
    """The reference this database makes for `attempt` of `order` (its installation id inside)."""
    installation = repo.read(lambda r: r.installation_id())
    return f"T01-{installation}-{order:06d}-{attempt}"


def test_order_round_trip_keeps_lines_discounts_customer_and_instants(repo: Repo) -> None:
    order = replace(
        rich_order(), created_at=datetime(2026, 1, 2, 23, 59, 59, 999999, tzinfo=BOGOTA)
    )
    saved = repo.write(lambda r: r.create_order(order))
    loaded = repo.read(lambda r: r.get_order(saved.number or 0))
    assert saved.number == 1
    assert loaded == saved == replace(order, number=1)
    assert loaded is not None
    # Same instant, read back in UTC: 23:59:59.999999 in Bogotá is 04:59:59.999999 next day UTC.
    assert loaded.created_at.utcoffset() is not None
    assert loaded.created_at.astimezone(UTC) == datetime(2026, 1, 3, 4, 59, 59, 999999, tzinfo=UTC)
    assert loaded.total == order.total
    assert loaded.totals == order.totals


def test_timestamps_are_stored_as_integer_utc_microseconds(repo: Repo, db: Database) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    query = text("SELECT created_at, typeof(created_at) FROM orders")
    stored = db.read(lambda s: tuple(s.execute(query).one()))
    # T0 is 09:26:53.589793 in Bogotá (UTC-5), i.e. 14:26:53.589793 UTC.
    whole_seconds = int(datetime(2026, 3, 14, 14, 26, 53, tzinfo=UTC).timestamp())
    assert stored == (whole_seconds * 1_000_000 + 589_793, "integer")


def test_numbers_are_assigned_in_order_and_never_reused(repo: Repo) -> None:
    numbers = [repo.write(lambda r: r.create_order(make_order()).number) for _ in range(3)]
    assert numbers == [1, 2, 3]


def test_saving_an_already_numbered_order_is_a_bug(repo: Repo) -> None:
    with pytest.raises(ValueError, match="already saved"):
        repo.write(lambda r: r.create_order(replace(make_order(), number=7)))


def test_missing_order_is_none(repo: Repo) -> None:
    assert repo.read(lambda r: r.get_order(42)) is None


def test_list_orders_newest_first_with_keyset_pages_and_status_filter(repo: Repo) -> None:
    for pesos in range(1, 8):
        repo.write(lambda r, p=pesos: r.create_order(make_order(pesos=p * 1000)))
    repo.write(lambda r: r.new_attempt(3, Tender.CASH, at(1), cash_received=PLENTY))
    repo.write(lambda r: r.new_attempt(5, Tender.WOMPI, at(2)))

    first = repo.read(lambda r: r.list_orders(limit=3))
    second = repo.read(lambda r: r.list_orders(limit=3, before_number=first[-1].number))
    last = repo.read(lambda r: r.list_orders(limit=3, before_number=second[-1].number))
    assert [s.number for s in first + second + last] == [7, 6, 5, 4, 3, 2, 1]

    paid = repo.read(lambda r: r.list_orders(status=OrderStatus.PAID))
    waiting = repo.read(lambda r: r.list_orders(status=OrderStatus.AWAITING_PAYMENT))
    assert [(s.number, s.payment_method, s.last_reference) for s in paid] == [
        (3, "CASH", ours(repo, 3, 1))
    ]
    assert [(s.number, s.status, s.total) for s in waiting] == [
        (5, OrderStatus.AWAITING_PAYMENT, Money.from_pesos(5000))
    ]
    assert first[0].created_at == T0 and first[0].last_reference == ""


def test_summary_shows_the_approved_attempt_over_a_newer_one(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    first = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(1)))
    repo.write(lambda r: r.abandon_attempt(first.reference, at(2)))
    repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(3)))
    repo.write(lambda r: r.apply_observation(first.reference, approved("tx-1", at(4))))
    [summary] = repo.read(lambda r: r.list_orders())
    assert summary.status is OrderStatus.PAID
    assert (summary.last_reference, summary.payment_method) == (ours(repo, 1, 1), "CARD")


def test_customer_fields_in_the_summary(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(rich_order()))
    [summary] = repo.read(lambda r: r.list_orders())
    assert (summary.terminal_id, summary.customer_name, summary.customer_email) == (
        "CAJA2",
        "Ana María Pérez",
        "ana@example.co",
    )


def test_list_orders_limit_is_bounded(repo: Repo) -> None:
    with pytest.raises(ValueError, match="limit"):
        repo.read(lambda r: r.list_orders(limit=0))


def test_wompi_attempt_round_trip(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order(pesos=25_000)))
    attempt = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(10)))
    assert (attempt.reference, attempt.attempt_number, attempt.status) == (
        ours(repo, 1, 1),
        1,
        PaymentStatus.PENDING,
    )
    assert attempt.amount == Money.from_pesos(25_000)
    assert repo.read(lambda r: r.get_attempt(ours(repo, 1, 1))) == attempt
    assert repo.read(lambda r: r.attempts_for(1)) == [attempt]
    assert repo.read(lambda r: r.pending_attempts()) == [attempt]
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.AWAITING_PAYMENT
    assert repo.read(lambda r: r.history(attempt.reference)) == [
        StatusChange(attempt.reference, None, PaymentStatus.PENDING, StatusSource.CHECKOUT, at(10))
    ]


def test_attempt_numbers_follow_the_previous_maximum(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    refs = [
        repo.write(lambda r, i=i: r.new_attempt(1, Tender.WOMPI, at(i)).reference) for i in range(3)
    ]
    assert refs == [ours(repo, 1, 1), ours(repo, 1, 2), ours(repo, 1, 3)]
    assert [a.attempt_number for a in repo.read(lambda r: r.attempts_for(1))] == [1, 2, 3]


def test_cash_attempt_is_approved_at_once_with_a_checkout_history_line(repo: Repo) -> None:
    order = repo.write(lambda r: r.create_order(rich_order()))
    attempt = repo.write(lambda r: r.new_attempt(1, Tender.CASH, at(5), cash_received=PLENTY))
    assert attempt.status is PaymentStatus.APPROVED
    assert attempt.amount == order.total  # cash may have cents; Wompi may not
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.PAID
    assert repo.read(lambda r: r.pending_attempts()) == []
    [line] = repo.read(lambda r: r.history(attempt.reference))
    assert (line.from_status, line.to_status, line.source) == (
        None,
        PaymentStatus.APPROVED,
        StatusSource.CHECKOUT,
    )


def test_wompi_refuses_an_amount_with_cents(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(rich_order()))  # total has 50 cents
    with pytest.raises(OrderError, match="pesos completos"):
        repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(1)))
    assert repo.read(lambda r: r.attempts_for(1)) == []


def test_an_empty_order_cannot_be_charged(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(Order(terminal_id="T01", lines=(), created_at=T0)))
    for tender in Tender:
        with pytest.raises(OrderError, match="no tiene productos"):
            repo.write(lambda r, t=tender: r.new_attempt(1, t, at(1)))


def test_paid_or_cancelled_orders_take_no_new_attempt(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    repo.write(lambda r: r.create_order(make_order()))
    repo.write(lambda r: r.new_attempt(1, Tender.CASH, at(1), cash_received=PLENTY))
    repo.write(lambda r: r.cancel_order(2, at(1)))
    with pytest.raises(OrderClosedError, match="ya está pagado"):
        repo.write(lambda r: r.new_attempt(1, Tender.CASH, at(2)))
    with pytest.raises(OrderClosedError, match="anulado"):
        repo.write(lambda r: r.new_attempt(2, Tender.WOMPI, at(2)))


def test_cancel_abandons_pending_attempts_and_is_idempotent(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    attempt = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(1)))
    cancelled = repo.write(lambda r: r.cancel_order(1, at(2)))
    again = repo.write(lambda r: r.cancel_order(1, at(3)))
    assert cancelled.cancelled_at == again.cancelled_at == at(2)
    assert repo.read(lambda r: r.get_attempt(attempt.reference)).abandoned_at == at(2)
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.CANCELLED
    # Still watched: a late payment must be noticed.
    assert [a.reference for a in repo.read(lambda r: r.pending_attempts())] == [attempt.reference]


def test_a_paid_order_cannot_be_cancelled(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    repo.write(lambda r: r.new_attempt(1, Tender.CASH, at(1), cash_received=PLENTY))
    with pytest.raises(OrderClosedError, match="devolución"):
        repo.write(lambda r: r.cancel_order(1, at(2)))


def test_unknown_order_and_reference_errors_are_typed_and_spanish(repo: Repo) -> None:
    with pytest.raises(UnknownOrderError, match="No existe el pedido número 9"):
        repo.write(lambda r: r.new_attempt(9, Tender.CASH, at(1)))
    with pytest.raises(UnknownOrderError):
        repo.write(lambda r: r.cancel_order(9, at(1)))
    for call in (
        lambda r: r.get_attempt("T01-000009-1"),
        lambda r: r.history("T01-000009-1"),
        lambda r: r.apply_observation("T01-000009-1", approved("tx", at(1))),
    ):
        with pytest.raises(UnknownReferenceError, match="referencia «T01-000009-1»"):
            repo.write(call)
    assert repo.read(lambda r: r.find_attempt("OTHER-REF")) is None
    assert repo.read(lambda r: r.attempts_for(9)) == []


def test_transactions_round_trip_in_first_seen_order(repo: Repo) -> None:
    repo.write(lambda r: r.create_order(make_order()))
    ref = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(1))).reference
    repo.write(
        lambda r: r.apply_observation(ref, observation("tx-b", PaymentStatus.DECLINED, at(2)))
    )
    repo.write(
        lambda r: r.apply_observation(ref, observation("tx-a", PaymentStatus.PENDING, at(3)))
    )
    repo.write(lambda r: r.apply_observation(ref, approved("tx-a", at(4))))
    attempt = repo.read(lambda r: r.get_attempt(ref))
    assert attempt.transactions == (
        ("tx-b", PaymentStatus.DECLINED),
        ("tx-a", PaymentStatus.APPROVED),
    )
    assert (attempt.transaction_id, attempt.status, attempt.updated_at) == (
        "tx-a",
        PaymentStatus.APPROVED,
        at(4),
    )


def test_mark_event_applied_is_insert_or_ignore(repo: Repo, db: Database) -> None:
    assert repo.write(lambda r: r.mark_event_applied("evt-1", at(1))) is True
    assert repo.write(lambda r: r.mark_event_applied("evt-1", at(2))) is False
    assert repo.write(lambda r: r.mark_event_applied("evt-2", at(2))) is True
    query = text(
        "SELECT key, applied_at - (SELECT min(applied_at) FROM applied_events) FROM applied_events"
    )
    rows = db.read(lambda s: sorted(tuple(row) for row in s.execute(query)))
    # The first time is kept: the second call wrote nothing.
    assert rows == [("evt-1", 0), ("evt-2", 1_000_000)]


def test_audit_round_trip_newest_first(repo: Repo) -> None:
    repo.write(lambda r: r.audit("settings.changed", "sandbox -> production", at(1), actor="ana"))
    repo.write(lambda r: r.audit("order.printed", "pedido 1", at(2)))
    entries = repo.read(lambda r: r.audit_entries())
    assert [(e.action, e.actor, e.detail, e.at) for e in entries] == [
        ("order.printed", "system", "pedido 1", at(2)),
        ("settings.changed", "ana", "sandbox -> production", at(1)),
    ]


def test_repository_uses_the_callers_transaction(db: Database) -> None:
    # Two calls in one write commit together or not at all.
    def create_and_fail(session: Session) -> None:
        repo = OrderRepository(session)
        repo.create_order(make_order())
        repo.audit("x", "", at(1))
        raise RuntimeError("after both")

    with pytest.raises(RuntimeError):
        db.write(create_and_fail)
    assert db.read(lambda s: OrderRepository(s).list_orders()) == []
    assert db.read(lambda s: OrderRepository(s).audit_entries()) == []
