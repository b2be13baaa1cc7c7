"""What counts as a duplicate payment: two approvals for one order (issue 9, defect 2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    Approval,
    Observation,
    OrderStatus,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
    derive_order_status,
    duplicate_for_order,
    duplicate_under_reference,
)

T0 = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
AMOUNT = Money.from_pesos(25_000)
P, A, D, V = (
    PaymentStatus.PENDING,
    PaymentStatus.APPROVED,
    PaymentStatus.DECLINED,
    PaymentStatus.VOIDED,
)


def attempt(number: int, status: PaymentStatus, tx: str | None = None, **kw) -> PaymentAttempt:
    return PaymentAttempt(
        reference=f"T01-ABCD-000001-{number}",
        order_number=1,
        attempt_number=number,
        tender=kw.pop("tender", Tender.WOMPI),
        amount=AMOUNT,
        status=status,
        created_at=T0,
        updated_at=T0,
        transaction_id=tx,
        transactions=((tx, status),) if tx else (),
        **kw,
    )


def approved(tx: str, minute: int = 5) -> Observation:
    return Observation(tx, A, StatusSource.WEBHOOK, T0 + timedelta(minutes=minute), AMOUNT, "CARD")


def test_defect2_two_approved_attempts_of_one_order_are_a_duplicate_payment() -> None:
    first = attempt(1, A, "tx-1", abandoned_at=T0)
    second = attempt(2, A, "tx-2")

    duplicate = duplicate_for_order([first, second], second, T0)

    assert duplicate is not None
    assert duplicate.order_number == 1 and duplicate.amount == AMOUNT
    assert duplicate.first == Approval(first.reference, "tx-1")
    assert duplicate.extra == Approval(second.reference, "tx-2")
    assert duplicate.detected_at == T0 and duplicate.acknowledged_at is None
    # Money taken twice still leaves the order paid (the refund is a person's job).
    assert derive_order_status([first, second], cancelled=False) is OrderStatus.PAID
    assert derive_order_status([first, second], cancelled=True) is OrderStatus.PAID


def test_a_single_approval_after_failures_or_a_void_is_not_a_duplicate() -> None:
    declined = attempt(1, D, "tx-1", abandoned_at=T0)
    voided = attempt(2, V, "tx-2")
    paid = attempt(3, A, "tx-3")

    assert duplicate_for_order([declined, voided, paid], paid, T0) is None
    assert duplicate_for_order([paid], paid, T0) is None
    assert duplicate_for_order([declined, attempt(2, P)], declined, T0) is None  # nothing taken


def test_cash_and_a_wompi_approval_are_a_duplicate_with_no_transaction_for_the_cash() -> None:
    cash = attempt(2, A, tender=Tender.CASH, cash_received=AMOUNT)
    late = attempt(1, A, "tx-late", abandoned_at=T0)

    duplicate = duplicate_for_order([late, cash], late, T0)

    assert duplicate is not None
    assert (duplicate.first, duplicate.extra) == (
        Approval(cash.reference, ""),
        Approval(late.reference, "tx-late"),
    )


def test_the_first_approval_is_the_earliest_attempt_when_several_are_held() -> None:
    one, two, three = attempt(1, A, "tx-1"), attempt(2, A, "tx-2"), attempt(3, A, "tx-3")
    duplicate = duplicate_for_order([three, two, one], three, T0)
    assert duplicate is not None and duplicate.first == Approval(one.reference, "tx-1")


def test_a_second_approval_under_one_reference_is_a_duplicate() -> None:
    held = attempt(1, A, "tx-1")

    duplicate = duplicate_under_reference(held, approved("tx-2"))

    assert duplicate is not None
    assert (duplicate.first, duplicate.extra) == (
        Approval(held.reference, "tx-1"),
        Approval(held.reference, "tx-2"),
    )
    assert duplicate.detected_at == T0 + timedelta(minutes=5)


def test_the_same_approval_again_or_an_approval_after_failures_is_not() -> None:
    held = attempt(1, A, "tx-1")
    assert duplicate_under_reference(held, approved("tx-1")) is None
    declined = attempt(1, D, "tx-1")
    assert duplicate_under_reference(declined, approved("tx-2")) is None
    voided = replace(held, status=V, transactions=(("tx-1", V),))
    assert duplicate_under_reference(voided, approved("tx-2")) is None
    failed = Observation("tx-2", D, StatusSource.WEBHOOK, T0, AMOUNT)
    assert duplicate_under_reference(held, failed) is None
