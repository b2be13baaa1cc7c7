"""Cash at the counter: the amount handed over must cover the total; the change follows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.money import MAX_CENTS, Money, MoneyError
from mestore_desktop.domain.payment import (
    CashReceivedError,
    PaymentAttempt,
    PaymentStatus,
    Tender,
    check_cash_received,
)

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TOTAL = Money.from_pesos(25_000)


def cash_attempt(received: Money | None, amount: Money = TOTAL) -> PaymentAttempt:
    return PaymentAttempt(
        reference="T01-000001-1",
        order_number=1,
        attempt_number=1,
        tender=Tender.CASH,
        amount=amount,
        status=PaymentStatus.APPROVED,
        created_at=T0,
        updated_at=T0,
        cash_received=received,
    )


@given(st.integers(0, MAX_CENTS // 2), st.integers(0, MAX_CENTS // 2))
def test_change_is_what_was_handed_over_minus_the_amount(amount: int, extra: int) -> None:
    attempt = cash_attempt(Money(amount + extra), Money(amount))
    check_cash_received(Tender.CASH, attempt.amount, attempt.cash_received)
    assert attempt.change == Money(extra)


def test_no_cash_received_means_no_change() -> None:
    assert cash_attempt(None).change is None


def test_short_cash_is_refused_with_both_amounts_in_spanish() -> None:
    with pytest.raises(CashReceivedError) as refused:
        check_cash_received(Tender.CASH, TOTAL, Money.from_pesos(20_000))
    assert str(refused.value) == "El efectivo recibido ($ 20.000) no cubre el total ($ 25.000)."
    assert isinstance(refused.value, MoneyError)  # shown to staff like any amount error


def test_one_cent_short_is_still_short() -> None:
    with pytest.raises(CashReceivedError, match=r"\$ 24\.999,99"):
        check_cash_received(Tender.CASH, TOTAL, TOTAL - Money(1))


def test_cash_needs_an_amount_and_wompi_refuses_one() -> None:
    with pytest.raises(CashReceivedError, match="Indique el efectivo recibido"):
        check_cash_received(Tender.CASH, TOTAL, None)
    with pytest.raises(CashReceivedError, match="Wompi"):
        check_cash_received(Tender.WOMPI, TOTAL, TOTAL)
    check_cash_received(Tender.WOMPI, TOTAL, None)
