"""*Anular*: voiding an approved card payment through Wompi, and saying why not when it cannot.

Wompi voids only APPROVED **card** transactions, in practice the same day, before settlement
(docs/wompi.md §5.5); the classic API has no refund endpoint, so every other payment goes back from
Wompi's merchant dashboard or its support. `check` says which case a payment is in, in plain
Spanish, before anyone confirms anything.

A void is a POST that is never repeated by the client: if it times out or Wompi fails, the
transaction is read again before anything is said, because the void may well have happened. The
person's name and reason are audited before the request leaves (`payment.void_requested`), so
the log explains a void even if the app dies waiting; the outcome is audited too
(`payment.voided`, `payment.void_failed`), and the VOIDED status is applied through the status
machine with source `manual`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import PaymentAttempt, PaymentStatus, StatusSource, Tender
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.domain.text import N_, Text
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    Clock,
    MissingPrivateKeyError,
    WompiAccess,
    now_utc,
    require_reason,
)
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.errors import (
    WompiCircuitOpenError,
    WompiError,
    WompiUnavailableError,
)
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

VOID_EVIDENCE = "manual_void"
_STATUS_WORDS = {
    PaymentStatus.PENDING: N_("pendiente"),
    PaymentStatus.APPROVED: N_("aprobado"),
    PaymentStatus.DECLINED: N_("rechazado"),
    PaymentStatus.ERROR: N_("con error"),
    PaymentStatus.VOIDED: N_("anulado"),
}
_METHOD_WORDS = {
    "NEQUI": "Nequi",
    "PSE": "PSE",
    "BANCOLOMBIA_TRANSFER": "Botón Bancolombia",
    "BANCOLOMBIA_QR": "QR Bancolombia",
    "BANCOLOMBIA_COLLECT": N_("efectivo en corresponsal Bancolombia"),
    "DAVIPLATA": "Daviplata",
    "PCOL": "Puntos Colombia",
    "BANCOLOMBIA_BNPL": N_("Compra ahora y paga después de Bancolombia"),
    "SU_PLUS": "SU+ Pay",
}


def refund_howto(transaction_id: str | None) -> Text:
    """How a payment Wompi cannot void goes back to the customer (docs/wompi.md §5.5)."""
    if transaction_id:
        return N_(
            "Para devolver el dinero, solicite el reembolso desde el panel de comercios de Wompi "
            "(comercios.wompi.co), en la transacción {transaction_id}, o pídalo al soporte de "
            "Wompi.",
            transaction_id=transaction_id,
        )
    return N_(
        "Para devolver el dinero, solicite el reembolso desde el panel de comercios de Wompi "
        "(comercios.wompi.co), en la transacción, o pídalo al soporte de Wompi."
    )


@dataclass(frozen=True, slots=True)
class VoidCheck:
    can_void: bool
    reason: Text  # what will happen, or why not and how to refund at Wompi (UI: render())


class VoidError(BackOfficeError):
    """A void that did not happen, or whose outcome is not known; `str()` says what to do."""


class VoidRefusedError(VoidError):
    """The payment cannot be voided (`VoidCheck.reason`); nothing was sent to Wompi."""


class VoidFailedError(VoidError):
    """Wompi answered and did not void it."""


class VoidUncertainError(VoidError):
    """Wompi did not answer in time and the re-read does not show the void (yet)."""


class VoidService:
    def __init__(self, db: DbExecutor, wompi: WompiAccess, clock: Clock = now_utc) -> None:
        self._db = db
        self._wompi = wompi
        self._clock = clock

    async def check(self, reference: str) -> VoidCheck:
        """Whether *Anular* can void this payment now, and in words why or why not."""
        attempt = await self._attempt(reference)
        refusal = _local_refusal(attempt, reference)
        if refusal is not None:
            return VoidCheck(False, refusal)
        assert attempt is not None  # noqa: S101  _local_refusal covers None
        if not self._wompi.has_private_key():
            missing = MissingPrivateKeyError(N_("anular pagos desde MeStore"))
            return VoidCheck(
                False,
                N_(
                    "{missing} {refund}",
                    missing=missing,
                    refund=refund_howto(attempt.transaction_id),
                ),
            )
        try:
            tx = await self._wompi.client().get_transaction(str(attempt.transaction_id))
        except WompiError as exc:
            return VoidCheck(False, N_("No se pudo consultar el pago en Wompi: {exc}", exc=exc))
        return _wompi_verdict(attempt, tx, self._clock())

    async def void(self, reference: str, actor: str, reason: str) -> PaymentAttempt:
        """Void the payment at Wompi and record it VOIDED; raises a `VoidError` otherwise."""
        actor, reason = require_reason(actor, reason)
        check = await self.check(reference)
        if not check.can_void:
            raise VoidRefusedError(check.reason)
        attempt = await self._attempt(reference)
        assert attempt is not None  # noqa: S101  check found it
        assert attempt.transaction_id is not None  # noqa: S101  check required it
        tx_id = attempt.transaction_id
        await self._audit(attempt, "payment.void_requested", actor, reason)
        tx = await self._send_void(attempt, tx_id, actor, reason)
        if tx.status is not PaymentStatus.VOIDED:
            await self._audit(
                attempt, "payment.void_unconfirmed", actor, f"wompi_status={tx.status}"
            )
            raise VoidUncertainError(
                N_(
                    "Wompi recibió la anulación pero todavía muestra el pago {status}. Espere "
                    "un minuto y use «Consultar en Wompi» antes de intentarlo otra vez.",
                    status=_STATUS_WORDS[tx.status],
                )
            )
        return await self._record_void(attempt, tx, actor, reason)

    async def _send_void(
        self, attempt: PaymentAttempt, tx_id: str, actor: str, reason: str
    ) -> Transaction:
        wompi = self._wompi.client()
        try:
            return await wompi.void_transaction(tx_id)
        except WompiCircuitOpenError as exc:
            raise VoidFailedError(N_("No se envió la anulación: {exc}", exc=exc)) from exc
        except WompiUnavailableError as exc:
            # Sent once and unanswered: it may have happened. Ask before saying anything.
            log.warning("void of %s unanswered (%s): reading it back", tx_id, type(exc).__name__)
            try:
                return await wompi.get_transaction(tx_id)
            except WompiError as again:
                await self._audit(attempt, "payment.void_unconfirmed", actor, type(again).__name__)
                raise VoidUncertainError(
                    N_(
                        "Wompi no respondió y no se sabe si anuló el pago. No lo intente de "
                        "nuevo todavía: use «Consultar en Wompi» en unos minutos para ver su "
                        "estado.",
                    )
                ) from again
        except WompiError as exc:
            await self._audit(attempt, "payment.void_failed", actor, f"{reason} error={exc!r}")
            raise VoidFailedError(
                N_("Wompi no anuló el pago: {exc} {refund}", exc=exc, refund=refund_howto(tx_id))
            ) from exc

    async def _record_void(
        self, attempt: PaymentAttempt, tx: Transaction, actor: str, reason: str
    ) -> PaymentAttempt:
        at = self._clock()

        def save(session: Session) -> PaymentAttempt:
            apply_transactions(
                session,
                [tx],
                source=StatusSource.MANUAL,
                at=at,
                evidence=f"{VOID_EVIDENCE} actor={actor}",
            )
            repo = OrderRepository(session)
            repo.audit("payment.voided", _detail(attempt, reason), at, actor)
            return repo.get_attempt(attempt.reference)

        voided = await self._db.write(save)
        log.info("voided %s (order %s) by %s", attempt.reference, attempt.order_number, actor)
        return voided

    async def _audit(self, attempt: PaymentAttempt, action: str, actor: str, why: str) -> None:
        at = self._clock()
        detail = _detail(attempt, why)
        await self._db.write(lambda s: OrderRepository(s).audit(action, detail, at, actor))

    async def _attempt(self, reference: str) -> PaymentAttempt | None:
        return await self._db.read(lambda s: OrderRepository(s).find_attempt(reference))


def _detail(attempt: PaymentAttempt, reason: str) -> str:
    return (
        f"order={attempt.order_number} reference={attempt.reference} "
        f"transaction_id={attempt.transaction_id} amount_cents={attempt.amount.cents} "
        f"reason={reason}"
    )


def _local_refusal(attempt: PaymentAttempt | None, reference: str) -> Text | None:
    if attempt is None:
        return N_("No existe el pago {reference} en esta base de datos.", reference=reference)
    if attempt.tender is Tender.CASH:
        return N_(
            "Es una venta en efectivo: Wompi no la cobró y no hay nada que anular allí. "
            "Devuelva el dinero en caja."
        )
    if attempt.status is PaymentStatus.VOIDED:
        return N_(
            "El pago ya está anulado (transacción {transaction_id}).",
            transaction_id=attempt.transaction_id,
        )
    if attempt.status is not PaymentStatus.APPROVED or attempt.transaction_id is None:
        return N_(
            "El pago está {status}: no se cobró dinero, así que no hay nada que anular.",
            status=_STATUS_WORDS[attempt.status],
        )
    return None


def _wompi_verdict(attempt: PaymentAttempt, tx: Transaction, now: datetime) -> VoidCheck:
    if tx.reference != attempt.reference:
        return VoidCheck(
            False, N_("La transacción {tx_id} de Wompi no es de este pago.", tx_id=tx.id)
        )
    if tx.status is PaymentStatus.VOIDED:
        return VoidCheck(
            False,
            N_(
                "Wompi ya tiene este pago anulado; use «Consultar en Wompi» para ponerlo al día "
                "aquí."
            ),
        )
    if tx.status is not PaymentStatus.APPROVED:
        return VoidCheck(
            False,
            N_(
                "Wompi tiene este pago {status}, no aprobado: no hay nada que anular. Use "
                "«Consultar en Wompi» para ponerlo al día aquí.",
                status=_STATUS_WORDS[tx.status],
            ),
        )
    method = tx.payment_method.type or tx.payment_method_type or ""
    if method != "CARD":
        word = _METHOD_WORDS.get(method) or method or N_("un medio que no es tarjeta")
        return VoidCheck(
            False,
            N_(
                "Wompi solo anula pagos con tarjeta, y este se pagó con {method}. {refund}",
                method=word,
                refund=refund_howto(tx.id),
            ),
        )
    card = N_(
        "Se anulará el pago con tarjeta {card} por {amount} (transacción {tx_id}); Wompi "
        "devuelve el cupo a la tarjeta del cliente.",
        card=tx.method_label,
        amount=tx.amount.format(),
        tx_id=tx.id,
    )
    approved_day = bogota_day(tx.finalized_at or tx.created_at)
    if approved_day != bogota_day(now):
        return VoidCheck(
            True,
            N_(
                "{card} Ojo: Wompi suele anular solo pagos del mismo día; si la rechaza, "
                "solicite el reembolso desde el panel de comercios de Wompi "
                "(comercios.wompi.co), en la transacción {tx_id}, o pídalo al soporte de Wompi.",
                card=card,
                tx_id=tx.id,
            ),
        )
    return VoidCheck(True, card)
