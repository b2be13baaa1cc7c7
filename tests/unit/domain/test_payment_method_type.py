"""An attempt keeps Wompi's method type ("CARD", "NEQUI"…) beside the label shown on receipts
("VISA ••4242"): the back office groups and filters by the type, never by a card or a phone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    Observation,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
    observe,
)

P, A, D = PaymentStatus.PENDING, PaymentStatus.APPROVED, PaymentStatus.DECLINED
T0 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
AMOUNT = Money.from_pesos(25_000)


def attempt() -> PaymentAttempt:
    return PaymentAttempt(
        reference="T01-000001-1",
        order_number=1,
        attempt_number=1,
        tender=Tender.WOMPI,
        amount=AMOUNT,
        status=P,
        created_at=T0,
        updated_at=T0,
    )


def seen(tx: str, status: PaymentStatus, label: str, kind: str, minute: int) -> Observation:
    return Observation(
        transaction_id=tx,
        status=status,
        source=StatusSource.WEBHOOK,
        observed_at=T0 + timedelta(minutes=minute),
        amount=AMOUNT,
        payment_method=label,
        payment_method_type=kind,
    )


def test_a_new_attempt_knows_no_method_type() -> None:
    assert attempt().payment_method_type == ""
    assert Observation("tx-1", A, StatusSource.POLL, T0).payment_method_type == ""


def test_the_followed_transaction_brings_its_label_and_its_type() -> None:
    update = observe(attempt(), seen("1-1700000001-1", A, "VISA ••4242", "CARD", 1))
    assert (update.attempt.payment_method, update.attempt.payment_method_type) == (
        "VISA ••4242",
        "CARD",
    )


def test_a_sighting_without_a_method_keeps_the_known_one() -> None:
    first = observe(attempt(), seen("1-1700000001-1", P, "Nequi 399•••1111", "NEQUI", 1))
    later = observe(first.attempt, seen("1-1700000001-1", A, "", "", 2))
    assert later.attempt.status is A
    assert (later.attempt.payment_method, later.attempt.payment_method_type) == (
        "Nequi 399•••1111",
        "NEQUI",
    )


def test_a_retry_with_another_method_takes_over_label_and_type_together() -> None:
    declined = observe(attempt(), seen("1-1700000001-1", D, "VISA ••4242", "CARD", 1))
    retry = observe(declined.attempt, seen("1-1700000002-2", A, "Nequi 399•••1111", "NEQUI", 2))
    assert retry.attempt.transaction_id == "1-1700000002-2"
    assert (retry.attempt.payment_method, retry.attempt.payment_method_type) == (
        "Nequi 399•••1111",
        "NEQUI",
    )


def test_a_stale_sighting_of_another_method_changes_nothing() -> None:
    paid = observe(attempt(), seen("1-1700000001-1", A, "VISA ••4242", "CARD", 1))
    stale = observe(paid.attempt, seen("1-1700000001-1", P, "PSE", "PSE", 2))
    assert not stale.changed
    assert stale.attempt.payment_method_type == "CARD"
