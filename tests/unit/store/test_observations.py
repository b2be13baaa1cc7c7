"""apply_observation: the status machine's decisions, saved (or not) with history and audit."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    OrderStatus,
    Outcome,
    PaymentStatus,
    StatusChange,
    StatusSource,
    Tender,
)
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.factories import Repo, approved, at, make_order, observation

STATE_TABLES = ("orders", "payment_attempts", "attempt_transactions", "status_history")


@pytest.fixture
def ref(repo: Repo) -> str:
    """A pending Wompi attempt for order 1 ($ 25.000)."""
    repo.write(lambda r: r.create_order(make_order(pesos=25_000)))
    return repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(0))).reference


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Every row of the payment state, to show that a refused observation changed nothing."""

    def dump(session: Session) -> dict[str, list[Any]]:
        return {
            table: [tuple(row) for row in session.execute(text(f"SELECT * FROM {table}"))]  # noqa: S608
            for table in STATE_TABLES
        }

    return db.read(dump)


def audit_actions(repo: Repo) -> list[str]:
    return [e.action for e in repo.read(lambda r: r.audit_entries())]


def test_approval_is_saved_with_history_and_pays_the_order(repo: Repo, ref: str) -> None:
    update = repo.write(
        lambda r: r.apply_observation(ref, approved("tx-1", at(5)), evidence='{"event": 1}')
    )
    assert update.decision.outcome is Outcome.APPLY
    attempt = repo.read(lambda r: r.get_attempt(ref))
    assert attempt == update.attempt
    assert (attempt.status, attempt.transaction_id, attempt.payment_method) == (
        PaymentStatus.APPROVED,
        "tx-1",
        "CARD",
    )
    assert repo.read(lambda r: r.history(ref))[-1] == StatusChange(
        ref,
        PaymentStatus.PENDING,
        PaymentStatus.APPROVED,
        StatusSource.WEBHOOK,
        at(5),
        transaction_id="tx-1",
        evidence='{"event": 1}',
    )
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.PAID
    assert repo.read(lambda r: r.pending_attempts()) == []
    assert audit_actions(repo) == []


def test_decline_after_approval_is_a_conflict_that_changes_nothing(
    repo: Repo, db: Database, ref: str
) -> None:
    repo.write(lambda r: r.apply_observation(ref, approved("tx-1", at(5))))
    before = snapshot(db)
    declined = observation("tx-1", PaymentStatus.DECLINED, at(6), StatusSource.POLL)
    update = repo.write(lambda r: r.apply_observation(ref, declined, evidence="poll body"))
    assert update.decision.outcome is Outcome.CONFLICT
    assert snapshot(db) == before
    [entry] = repo.read(lambda r: r.audit_entries())
    assert (entry.action, entry.actor, entry.at) == ("payment.conflict", "system", at(6))
    assert f"reference={ref}" in entry.detail
    assert "current=APPROVED incoming=DECLINED" in entry.detail
    assert entry.detail.endswith("\npoll body")


def test_a_duplicate_or_stale_observation_is_ignored(repo: Repo, db: Database, ref: str) -> None:
    repo.write(lambda r: r.apply_observation(ref, approved("tx-1", at(5))))
    before = snapshot(db)
    again = repo.write(lambda r: r.apply_observation(ref, approved("tx-1", at(7))))
    late_pending = observation("tx-1", PaymentStatus.PENDING, at(8))
    stale = repo.write(lambda r: r.apply_observation(ref, late_pending))
    assert (again.decision.outcome, stale.decision.outcome) == (Outcome.DUPLICATE, Outcome.STALE)
    assert snapshot(db) == before
    assert audit_actions(repo) == []


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([PaymentStatus.DECLINED], OrderStatus.FAILED),
        ([PaymentStatus.ERROR], OrderStatus.FAILED),
        ([PaymentStatus.APPROVED, PaymentStatus.VOIDED], OrderStatus.VOIDED),
        ([PaymentStatus.VOIDED], OrderStatus.VOIDED),
    ],
)
def test_order_status_is_derived_from_its_attempts(
    repo: Repo, ref: str, statuses: list[PaymentStatus], expected: OrderStatus
) -> None:
    for i, status in enumerate(statuses):
        repo.write(lambda r, s=status, t=i: r.apply_observation(ref, observation("tx-1", s, at(t))))
    assert repo.read(lambda r: r.order_status(1)) is expected
    [summary] = repo.read(lambda r: r.list_orders(status=expected))
    assert summary.number == 1


def test_a_retry_after_a_failure_waits_again_then_pays(repo: Repo, ref: str) -> None:
    declined = observation("tx-1", PaymentStatus.DECLINED, at(1))
    repo.write(lambda r: r.apply_observation(ref, declined))
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.FAILED
    second = repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(2))).reference
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.AWAITING_PAYMENT
    repo.write(lambda r: r.apply_observation(second, approved("tx-2", at(3))))
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.PAID


def test_a_second_approval_under_one_reference_is_a_double_charge_conflict(
    repo: Repo, db: Database, ref: str
) -> None:
    repo.write(lambda r: r.apply_observation(ref, approved("tx-1", at(1))))
    before = snapshot(db)
    update = repo.write(lambda r: r.apply_observation(ref, approved("tx-2", at(2))))
    assert update.decision.outcome is Outcome.CONFLICT
    assert snapshot(db) == before
    attempt = repo.read(lambda r: r.get_attempt(ref))
    assert attempt.transaction_status("tx-2") is None
    duplicate, conflict = repo.read(lambda r: r.audit_entries())
    assert conflict.action == "payment.conflict"
    assert "pago doble" in conflict.detail
    # Recorded as a duplicate payment too, for the counter and the back office (issue 9, defect 2).
    assert duplicate.action == "payment.duplicate" and "transaction_id=tx-2" in duplicate.detail
    [recorded] = repo.read(lambda r: r.duplicate_payments())
    assert (recorded.first.transaction_id, recorded.extra.transaction_id) == ("tx-1", "tx-2")


def test_an_approval_of_another_transaction_takes_over_a_failed_attempt(
    repo: Repo, ref: str
) -> None:
    repo.write(lambda r: r.apply_observation(ref, observation("tx-1", PaymentStatus.ERROR, at(1))))
    repo.write(lambda r: r.apply_observation(ref, approved("tx-2", at(2))))
    attempt = repo.read(lambda r: r.get_attempt(ref))
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.APPROVED, "tx-2")
    history = repo.read(lambda r: r.history(ref))
    assert [(h.from_status, h.to_status, h.transaction_id) for h in history] == [
        (None, PaymentStatus.PENDING, None),
        (PaymentStatus.PENDING, PaymentStatus.ERROR, "tx-1"),
        (PaymentStatus.ERROR, PaymentStatus.APPROVED, "tx-2"),
    ]
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.PAID


def test_late_approval_after_cancel_pays_the_order_and_is_flagged(repo: Repo, ref: str) -> None:
    repo.write(lambda r: r.cancel_order(1, at(1)))
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.CANCELLED
    update = repo.write(lambda r: r.apply_observation(ref, approved("tx-1", at(60))))
    attempt = repo.read(lambda r: r.get_attempt(ref))
    assert update.attempt.approved_after_cancel and attempt.approved_after_cancel
    assert repo.read(lambda r: r.order_status(1)) is OrderStatus.PAID
    assert audit_actions(repo) == ["payment.approved_after_cancel"]


def test_a_different_amount_is_a_conflict(repo: Repo, db: Database, ref: str) -> None:
    before = snapshot(db)
    wrong = approved("tx-1", at(1), amount=Money.from_pesos(2_500))
    update = repo.write(lambda r: r.apply_observation(ref, wrong))
    assert update.decision.outcome is Outcome.CONFLICT
    assert snapshot(db) == before
    assert audit_actions(repo) == ["payment.conflict"]


def test_observation_and_event_key_commit_together_or_not_at_all(db: Database, ref: str) -> None:
    def apply_then_fail(session: Session) -> None:
        repo = OrderRepository(session)
        assert repo.mark_event_applied("evt-1", at(1))
        repo.apply_observation(ref, approved("tx-1", at(1)))
        raise ConnectionError("relay ack failed")

    with pytest.raises(ConnectionError):
        db.write(apply_then_fail)
    attempt = db.read(lambda s: OrderRepository(s).get_attempt(ref))
    assert attempt.status is PaymentStatus.PENDING
    # The event was not recorded, so its redelivery will be applied.
    assert db.write(lambda s: OrderRepository(s).mark_event_applied("evt-1", at(2))) is True
