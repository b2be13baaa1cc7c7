"""`CounterService`: taking one payment at the counter, without Qt.

The rule this module exists for: the order and its payment attempt (with a fresh reference)
are committed to SQLite *before* the customer sees anything to pay. The checkout URL, and the
QR code made from it, are only returned once the write has committed, so Wompi can never
report a payment for a reference this terminal does not know.

Statuses come from Wompi, never from the browser: the `id` in the checkout's redirect URL is a
hint that is read back from Wompi and applied only when its reference and amount are ours.
While the customer waits the dialog may call `refresh`, which asks Wompi about the reference;
the sync engine (webhooks, pending watcher) keeps working in the background either way, so a
Wompi outage here only means "se confirmará sola" (`PaymentStatusDeferredError`).

*Cancelar* abandons an attempt but keeps it watched: if the customer pays anyway the attempt
becomes `approved_after_cancel`, the order turns PAID (money taken wins) and it is listed by
`late_approvals()` until a person acknowledges it. A retry or another tender abandons every
attempt of the order that took no money, declined ones included: Wompi lets the payer retry for
a few minutes under the old reference. Two approvals for one order are listed by
`duplicate_payments()` until acknowledged (the customer paid twice: one goes back at Wompi).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order
from mestore_desktop.domain.payment import (
    PAYER_RETRY_WINDOW,
    DuplicatePayment,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.domain.text import N_, Text
from mestore_desktop.secrets import Secret
from mestore_desktop.services.checkout import (
    CheckoutNotConfiguredError,
    CheckoutSettings,
    checkout_expiry,
    checkout_url_for,
    require_checkout_settings,
)
from mestore_desktop.services.payment_details import PaymentDetails, stored_details, wompi_details
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import WompiError, WompiNotFoundError, WompiUnavailableError
from mestore_desktop.wompi.models import CURRENCY, Transaction

log = logging.getLogger(__name__)

CHECKOUT_EVIDENCE = "checkout_redirect"
REFRESH_EVIDENCE = "counter_refresh"


def now_utc() -> datetime:
    return datetime.now(UTC)


class CounterError(Exception):
    """A payment step the counter could not do; `str()` is a Spanish sentence for staff."""


class PaymentsCannotSettleError(CheckoutNotConfiguredError):
    """Neither a relay nor Wompi's private key: a payment could be taken but never confirmed.

    A QR payment is confirmed by the relay's event or by searching Wompi by reference, which
    needs the private key (docs/wompi.md §5.3); with neither, the customer would pay and the order
    would wait for ever. The message says what to set up, in one line (the CLI prints it)."""

    def __init__(self) -> None:
        super().__init__(
            N_(
                "No se puede cobrar con Wompi: sin la llave privada de Wompi ni un "
                "relay, MeStore nunca sabría si el pago se aprobó. Guarde la llave "
                "privada en Ajustes › Secretos (o 'mestore secrets set "
                "wompi_private_key'), o configure el relay: su URL en Ajustes › Relay y "
                "su token en Ajustes › Secretos (o 'mestore config set relay_url …' y "
                "'mestore secrets set relay_token'). El efectivo sigue funcionando.",
            )
        )


class PaymentStatusDeferredError(CounterError):
    """Wompi could not be asked now; the attempt stays PENDING and the sync will settle it."""

    def __init__(self, attempt: PaymentAttempt) -> None:
        super().__init__(
            N_(
                "No fue posible consultar Wompi en este momento. El pago quedó "
                "registrado y su estado se confirmará solo en cuanto Wompi responda.",
            )
        )
        self.attempt = attempt


class PaymentHintMismatchError(CounterError):
    """The transaction named by the checkout's redirect is not this attempt's: nothing applied."""

    def __init__(self, reference: str, transaction_id: str, why: Text) -> None:
        super().__init__(
            N_(
                "La transacción {transaction_id} de Wompi no corresponde al pago "
                "{reference} ({why}); no se registró nada. El estado se confirmará con "
                "lo que informe Wompi.",
                transaction_id=transaction_id,
                reference=reference,
                why=why,
            )
        )
        self.reference = reference
        self.transaction_id = transaction_id
        self.why = why


class CheckoutExpiredError(CounterError):
    def __init__(self, reference: str) -> None:
        super().__init__(
            N_(
                "El cobro {reference} venció: Wompi ya no recibe pagos con él. Cancélelo "
                "y cobre de nuevo.",
                reference=reference,
            )
        )
        self.reference = reference


class UnknownOrderError(CounterError):
    def __init__(self, order_number: int) -> None:
        super().__init__(
            N_(
                "No existe el pedido {order_number} en esta caja.",
                order_number=order_number,
            )
        )
        self.order_number = order_number


class NotAWompiAttemptError(CounterError):
    def __init__(self, reference: str) -> None:
        super().__init__(
            N_(
                "El pago {reference} es en efectivo: Wompi no tiene nada que decir.",
                reference=reference,
            )
        )
        self.reference = reference


@dataclass(frozen=True, slots=True)
class StartedPayment:
    """A Wompi attempt already committed, and the signed checkout URL to show (or QR-encode)."""

    order_number: int
    attempt: PaymentAttempt
    checkout_url: str
    # The same attempt for the customer's own phone: no redirect, so after paying the phone
    # stays on Wompi's own result page instead of a return URL only the counter intercepts.
    phone_checkout_url: str = ""

    @property
    def reference(self) -> str:
        return self.attempt.reference

    @property
    def amount(self) -> Money:
        return self.attempt.amount


@dataclass(frozen=True, slots=True)
class CashPayment:
    """A cash sale, approved at once: what was received and the change to hand back."""

    order_number: int
    attempt: PaymentAttempt
    received: Money
    change: Money


class CounterService:
    """The counter's payment steps for one terminal; every method is a coroutine, Qt-free.

    Observers in `on_orders_changed` get the numbers of orders whose status this service
    changed (to reload rows), on the event loop's thread; one that raises is logged.
    """

    def __init__(
        self,
        db: DbExecutor,
        wompi: WompiClient,
        checkout: CheckoutSettings,
        integrity_secret: Secret | None,
        terminal_id: str,
        clock: Callable[[], datetime] = now_utc,
        *,
        can_settle: bool = True,
    ) -> None:
        """`can_settle`: whether a Wompi payment could be confirmed at all (a relay or the
        private key is configured; `counter_setup.can_settle_wompi_payments`). When it is not,
        Wompi charges are refused before anything is saved; cash is not affected."""
        self._db = db
        self._can_settle = can_settle
        self._wompi = wompi
        self._checkout = checkout
        self._integrity_secret = integrity_secret
        self.terminal_id = terminal_id
        self._clock = clock
        self._banks: dict[str, str] = {}
        self.on_orders_changed: list[Callable[[set[int]], None]] = []

    # -- starting payments -----------------------------------------------------------------

    async def start_wompi(self, draft: Order) -> StartedPayment:
        """Save the order and a fresh Wompi attempt in one write, then return the checkout URL.

        `CheckoutNotConfiguredError` (public key or integrity secret missing, or
        `PaymentsCannotSettleError`: no relay and no private key) is raised before anything is
        saved. The URL is built inside the write, so a setting that makes it
        impossible also leaves nothing behind.
        """
        secret = self._require_charging()
        self._check_draft(draft)
        at = self._clock()

        def save(session: Session) -> StartedPayment:
            repo = OrderRepository(session)
            order = repo.create_order(draft)
            assert order.number is not None  # noqa: S101  assigned by create_order
            attempt = repo.new_attempt(order.number, Tender.WOMPI, at, expires_at=self._expires(at))
            return self._started(order, attempt, secret)

        started = await self._db.write(save)
        self._notify({started.order_number})
        return started

    def _started(self, order: Order, attempt: PaymentAttempt, secret: str) -> StartedPayment:
        assert order.number is not None  # noqa: S101  saved orders have numbers
        phone = replace(self._checkout, redirect_url="")
        return StartedPayment(
            order.number,
            attempt,
            checkout_url_for(order, attempt, self._checkout, secret),
            checkout_url_for(order, attempt, phone, secret),
        )

    async def retry(self, order_number: int) -> StartedPayment:
        """*Reintentar*: abandon the order's unpaid attempts (still watched), start a new one."""
        secret = self._require_charging()
        at = self._clock()

        def save(session: Session) -> StartedPayment:
            repo = OrderRepository(session)
            _abandon_unpaid(repo, order_number, at)
            attempt = repo.new_attempt(order_number, Tender.WOMPI, at, expires_at=self._expires(at))
            order = repo.get_order(order_number)
            assert order is not None  # noqa: S101  new_attempt found it
            return self._started(order, attempt, secret)

        started = await self._db.write(save)
        self._notify({order_number})
        return started

    async def pay_cash(self, sale: Order | int, received: Money) -> CashPayment:
        """*Efectivo*: a new draft, or an existing order whose Wompi attempts are abandoned.

        The repository refuses a payment smaller than the total (and a cancelled or paid
        order); unpaid Wompi attempts stay watched, so a customer who paid by phone as well
        shows up in `late_approvals()` and `duplicate_payments()`.
        """
        if isinstance(sale, Order):
            self._check_draft(sale)
        at = self._clock()

        def save(session: Session) -> PaymentAttempt:
            repo = OrderRepository(session)
            if isinstance(sale, Order):
                order = repo.create_order(sale)
                assert order.number is not None  # noqa: S101  assigned by create_order
                number = order.number
            else:
                number = sale
                _abandon_unpaid(repo, number, at)
            return repo.new_attempt(number, Tender.CASH, at, cash_received=received)

        attempt = await self._db.write(save)
        self._notify({attempt.order_number})
        change = attempt.change if attempt.change is not None else received - attempt.amount
        return CashPayment(attempt.order_number, attempt, received, change)

    # -- cancelling ------------------------------------------------------------------------

    async def cancel_attempt(self, reference: str) -> PaymentAttempt:
        """*Cancelar*: stop waiting for this attempt; it is still watched for a late approval."""
        at = self._clock()
        return await self._db.write(lambda s: OrderRepository(s).abandon_attempt(reference, at))

    async def cancel_order(self, order_number: int) -> Order:
        """Cancel an unpaid order; its pending attempts are abandoned but still watched."""
        at = self._clock()
        order = await self._db.write(lambda s: OrderRepository(s).cancel_order(order_number, at))
        self._notify({order_number})
        return order

    # -- status ----------------------------------------------------------------------------

    async def order(self, order_number: int) -> Order:
        """The saved order (for its receipt); `UnknownOrderError` if there is none."""

        def load(session: Session) -> Order:
            order = OrderRepository(session).get_order(order_number)
            if order is None:
                raise UnknownOrderError(order_number)
            return order

        return await self._db.read(load)

    async def attempt(self, reference: str) -> PaymentAttempt:
        return await self._db.read(lambda s: OrderRepository(s).get_attempt(reference))

    async def confirm_from_hint(self, reference: str, transaction_id: str) -> PaymentAttempt:
        """Read the redirect's transaction from Wompi and apply it if it is this attempt's.

        Raises `PaymentHintMismatchError` (nothing recorded) when Wompi does not know the id or
        its reference, amount or currency differ from ours, and `PaymentStatusDeferredError`
        (attempt left PENDING) when Wompi cannot be reached.
        """
        attempt = await self._wompi_attempt(reference)
        try:
            tx = await self._wompi.get_transaction(transaction_id)
        except WompiNotFoundError:
            raise PaymentHintMismatchError(
                reference, transaction_id, "Wompi no la conoce"
            ) from None
        except WompiUnavailableError as exc:
            raise PaymentStatusDeferredError(attempt) from exc
        why = _mismatch(attempt, tx)
        if why:
            log.warning(
                "checkout hint refused reference=%s transaction_id=%r why=%r",  # hint: untrusted
                reference,
                transaction_id,
                why,
            )
            raise PaymentHintMismatchError(reference, transaction_id, why)
        return await self._apply(attempt, [tx], StatusSource.CHECKOUT, CHECKOUT_EVIDENCE)

    async def refresh(self, reference: str) -> PaymentAttempt:
        """Ask Wompi about every transaction under the reference and apply what it says."""
        attempt = await self._wompi_attempt(reference)
        try:
            transactions = await self._wompi.find_transactions(reference)
        except WompiUnavailableError as exc:
            raise PaymentStatusDeferredError(attempt) from exc
        ours = [tx for tx in transactions if tx.reference == reference]
        if ours:
            attempt = await self._apply(attempt, ours, StatusSource.POLL, REFRESH_EVIDENCE)
        if self._past_expiry(attempt, self._clock()):
            # Wompi has nothing and the checkout can no longer take a payment.
            await self._close_expired([attempt])
            attempt = await self.attempt(reference)
        return attempt

    async def phone_checkout_url(self, reference: str) -> str:
        """*Mostrar QR* for an attempt resumed after a restart: its checkout signed again (same
        reference, amount and expiry, so the same URL). `CheckoutExpiredError` once it expired."""
        secret = self._require_secret()
        attempt = await self._wompi_attempt(reference)
        if attempt.expires_at is not None and self._clock() >= attempt.expires_at:
            raise CheckoutExpiredError(reference)
        order = await self.order(attempt.order_number)
        return checkout_url_for(order, attempt, replace(self._checkout, redirect_url=""), secret)

    async def payment_details(self, attempt: PaymentAttempt) -> PaymentDetails:
        """Method, card or bank, transaction id and failure reason for the confirmation screen.

        Read from Wompi when the attempt has a transaction; from the database alone if Wompi
        cannot be read (the screen must still show something true).
        """
        if attempt.tender is not Tender.WOMPI or attempt.transaction_id is None:
            return stored_details(attempt)
        try:
            tx = await self._wompi.get_transaction(attempt.transaction_id)
            banks = await self._pse_banks() if _is_pse(tx) else {}
        except WompiError as exc:
            log.info("payment details from the database: %s", type(exc).__name__)
            return stored_details(attempt)
        if tx.reference != attempt.reference:
            return stored_details(attempt)
        return wompi_details(attempt, tx, banks)

    # -- attempts a person must look at ----------------------------------------------------

    async def unfinished(self) -> list[PaymentAttempt]:
        """This terminal's attempts still open (e.g. after a crash mid-payment).

        One whose checkout expired (plus Wompi's payer-retry window) can no longer be paid: it
        is closed here as abandoned, its order cancelled, and it stays watched for a late
        approval like any abandoned attempt.
        """
        attempts = await self._db.read(
            lambda s: OrderRepository(s).unfinished_attempts(self.terminal_id)
        )
        now = self._clock()
        expired = [a for a in attempts if self._past_expiry(a, now)]
        if expired:
            await self._close_expired(expired)
        return [a for a in attempts if a not in expired]

    async def late_approvals(self) -> list[PaymentAttempt]:
        """Attempts approved after staff cancelled them, not yet acknowledged."""
        return await self._db.read(lambda s: OrderRepository(s).late_approvals(self.terminal_id))

    async def acknowledge_late_approval(self, reference: str) -> PaymentAttempt:
        """Staff saw the late approval (and refunded or kept the sale): stop listing it."""
        at = self._clock()
        return await self._db.write(
            lambda s: OrderRepository(s).acknowledge_late_approval(reference, at)
        )

    async def duplicate_payments(self) -> list[DuplicatePayment]:
        """This terminal's orders paid twice, not yet acknowledged, oldest first."""
        return await self._db.read(
            lambda s: OrderRepository(s).duplicate_payments(self.terminal_id)
        )

    async def acknowledge_duplicate_payment(self, duplicate_id: int) -> DuplicatePayment:
        """Staff saw the duplicate payment (one is refunded at Wompi): stop listing it; audited.
        A late approval that is part of it is acknowledged with it."""
        at = self._clock()
        return await self._db.write(
            lambda s: OrderRepository(s).acknowledge_duplicate_payment(duplicate_id, at)
        )

    # -- helpers ---------------------------------------------------------------------------

    def _expires(self, at: datetime) -> datetime:
        return checkout_expiry(at, self._checkout.expiry_minutes)

    def _past_expiry(self, attempt: PaymentAttempt, now: datetime) -> bool:
        if (
            attempt.tender is not Tender.WOMPI
            or attempt.status is not PaymentStatus.PENDING
            or attempt.abandoned_at is not None
        ):
            return False
        # Attempts saved before the expiry was signed: give them the configured time.
        deadline = attempt.expires_at or (
            attempt.created_at + timedelta(minutes=self._checkout.expiry_minutes)
        )
        return now > deadline + PAYER_RETRY_WINDOW

    async def _close_expired(self, attempts: list[PaymentAttempt]) -> None:
        at = self._clock()

        def save(session: Session) -> set[int]:
            repo = OrderRepository(session)
            # Re-read inside the write: another check may have settled or closed it meanwhile.
            return {a.order_number for a in attempts if repo.close_expired_attempt(a.reference, at)}

        changed = await self._db.write(save)
        log.info("closed %d expired payment attempt(s) as abandoned", len(attempts))
        self._notify(changed)

    def _require_secret(self) -> str:
        secret = self._integrity_secret.reveal() if self._integrity_secret else None
        return require_checkout_settings(self._checkout, secret)

    def _require_charging(self) -> str:
        """Before a new Wompi charge: the checkout can be signed and its outcome can be known."""
        secret = self._require_secret()
        if not self._can_settle:
            raise PaymentsCannotSettleError()
        return secret

    def _check_draft(self, draft: Order) -> None:
        if draft.number is not None:
            raise ValueError(f"order {draft.number} is already saved")
        if draft.terminal_id != self.terminal_id:
            raise ValueError(
                f"draft belongs to terminal {draft.terminal_id!r}, not {self.terminal_id!r}"
            )

    async def _wompi_attempt(self, reference: str) -> PaymentAttempt:
        attempt = await self.attempt(reference)
        if attempt.tender is not Tender.WOMPI:
            raise NotAWompiAttemptError(reference)
        return attempt

    async def _apply(
        self,
        attempt: PaymentAttempt,
        transactions: list[Transaction],
        source: StatusSource,
        evidence: str,
    ) -> PaymentAttempt:
        at = self._clock()

        def save(session: Session) -> tuple[set[int], PaymentAttempt]:
            tally = apply_transactions(
                session, transactions, source=source, at=at, evidence=evidence
            )
            return tally.orders_changed, OrderRepository(session).get_attempt(attempt.reference)

        changed, updated = await self._db.write(save)
        self._notify(changed)
        return updated

    async def _pse_banks(self) -> Mapping[str, str]:
        if not self._banks:
            banks = await self._wompi.pse_financial_institutions()
            self._banks = {bank.code: bank.name for bank in banks}
        return self._banks

    def _notify(self, orders: set[int]) -> None:
        if not orders:
            return
        for observer in list(self.on_orders_changed):
            try:
                observer(set(orders))
            except Exception:
                log.exception("counter observer failed")


def _abandon_unpaid(repo: OrderRepository, order_number: int, at: datetime) -> None:
    """Every attempt of the order that took no money, failed ones too: a payer may still retry
    under a declined attempt's reference (docs/wompi.md §4.5), and that approval must be loud."""
    for previous in repo.attempts_for(order_number):
        if previous.status is not PaymentStatus.APPROVED and previous.abandoned_at is None:
            repo.abandon_attempt(previous.reference, at)


def _mismatch(attempt: PaymentAttempt, tx: Transaction) -> Text | None:
    """Why `tx` cannot be this attempt's transaction, or None if it can."""
    if tx.reference != attempt.reference:
        return N_("su referencia es {reference}", reference=tx.reference)
    if tx.currency != CURRENCY:
        return N_("su moneda es {currency}", currency=tx.currency)
    if tx.amount != attempt.amount:
        return N_(
            "su monto es {amount}, el pago es de {expected}",
            amount=tx.amount.format(),
            expected=attempt.amount.format(),
        )
    return None


def _is_pse(tx: Transaction) -> bool:
    return (tx.payment_method.type or tx.payment_method_type) == "PSE"
