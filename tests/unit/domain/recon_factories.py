"""Small builders for reconciliation and day close tests: attempts and Wompi transactions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import LocalAttempt, WompiTransaction

P, A, D, E, V = (
    PaymentStatus.PENDING,
    PaymentStatus.APPROVED,
    PaymentStatus.DECLINED,
    PaymentStatus.ERROR,
    PaymentStatus.VOIDED,
)
DAY = date(2026, 3, 2)
# 10:00 in Bogota on DAY.
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
AMOUNT = 2_500_000  # $ 25.000


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def tx_id(n: int) -> str:
    """A Wompi-shaped id `<merchant>-<unix seconds>-<digits>`, newer for larger n."""
    return f"1234-{1_772_000_000 + n}-{n:05d}"


def attempt(
    reference: str,
    order: int = 1,
    status: PaymentStatus = P,
    tx: str | None = None,
    *,
    known: tuple[tuple[str, PaymentStatus], ...] | None = None,
    tender: Tender = Tender.WOMPI,
    amount: int = AMOUNT,
    minute: int = 0,
    abandoned: bool = False,
    cancelled: bool = False,
    method: str = "CARD",
    terminal: str = "T01",
    created_at: datetime | None = None,
) -> LocalAttempt:
    if known is None:
        known = ((tx, status),) if tx else ()
    return LocalAttempt(
        reference=reference,
        order_number=order,
        terminal_id=terminal,
        tender=tender,
        amount_cents=amount,
        status=status,
        transaction_id=tx,
        transactions=known,
        payment_method="" if tender is Tender.CASH else method,
        created_at=created_at or at(minute),
        abandoned=abandoned,
        order_cancelled=cancelled,
    )


def cash(reference: str, order: int, status: PaymentStatus = A, **kw: object) -> LocalAttempt:
    return attempt(reference, order, status, tender=Tender.CASH, **kw)  # type: ignore[arg-type]


def wtx(
    tid: str,
    reference: str,
    status: PaymentStatus,
    *,
    amount: int = AMOUNT,
    currency: str = "COP",
    minute: int = 1,
    method: str = "CARD",
    link: str | None = None,
    created_at: datetime | None = None,
) -> WompiTransaction:
    return WompiTransaction(
        transaction_id=tid,
        reference=reference,
        amount_cents=amount,
        currency=currency,
        status=status,
        payment_method=method,
        created_at=created_at or at(minute),
        payment_link_id=link,
    )
