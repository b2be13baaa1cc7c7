"""What the counter shows about one payment attempt: method, card or bank, and why it failed.

Pure functions over a stored `PaymentAttempt` and, when Wompi could be read, the `Transaction`
deciding it. The status always comes from the attempt (what the status machine accepted), never
from the transaction read for display: showing a status we have not applied would let the
screen and the order disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import PaymentAttempt, PaymentStatus, Tender
from mestore_desktop.domain.text import N_, Text
from mestore_desktop.wompi.models import Transaction

CASH_LABEL = "Efectivo"
UNKNOWN_WOMPI_LABEL = "Wompi"

# Staff-facing names of Wompi's payment_method_type; every Bancolombia product reads the same
# at the counter (the customer only cares that it was "Bancolombia").
METHOD_LABELS: Mapping[str, str] = {
    "CARD": "Tarjeta",
    "NEQUI": "Nequi",
    "PSE": "PSE",
    "BANCOLOMBIA_TRANSFER": "Bancolombia",
    "BANCOLOMBIA_QR": "Bancolombia",
    "BANCOLOMBIA_COLLECT": "Bancolombia",
    "BANCOLOMBIA_BNPL": "Bancolombia",
    "DAVIPLATA": "Daviplata",
    "PCOL": "Puntos Colombia",
    "SU_PLUS": "SU+ Pay",
}

# The labels above (and wompi.models' stored ones) that are words rather than brand names: the
# screens show them translated (receipts and CSV files keep the Spanish label).
_LABEL_TEXTS: Mapping[str, Text] = {
    CASH_LABEL: N_("Efectivo"),
    "Tarjeta": N_("Tarjeta"),
    "Botón Bancolombia": N_("Botón Bancolombia"),
    "Corresponsal Bancolombia": N_("Corresponsal Bancolombia"),
    "Compra y paga después Bancolombia": N_("Compra y paga después Bancolombia"),
}

_GENERIC_FAILURE_TEXTS: Mapping[PaymentStatus, Text] = {
    PaymentStatus.DECLINED: N_(
        "El pago fue rechazado por el banco o el medio de pago. Pida otro medio de pago o "
        "reintente."
    ),
    PaymentStatus.ERROR: N_(
        "El medio de pago tuvo un error y el pago no se completó. Puede reintentar."
    ),
    PaymentStatus.VOIDED: N_("El pago fue anulado."),
}
GENERIC_FAILURE: Mapping[PaymentStatus, str] = {
    status: str(text) for status, text in _GENERIC_FAILURE_TEXTS.items()
}


@dataclass(frozen=True, slots=True)
class PaymentDetails:
    """Everything the confirmation or failure screen shows for one attempt.

    `from_wompi` is False when Wompi could not be read: the method then is what was stored
    when the status was applied (e.g. "VISA ••4242"), without brand or bank split out.
    """

    reference: str
    order_number: int
    amount: Money
    status: PaymentStatus
    tender: Tender
    method_label: str
    transaction_id: str | None = None
    card_brand: str | None = None
    last_four: str | None = None
    bank_name: str | None = None
    status_message: str = ""
    failure_reason: str = ""
    cash_received: Money | None = None
    change: Money | None = None
    approved_after_cancel: bool = False
    from_wompi: bool = False

    @property
    def method_text(self) -> Text:
        """`method_label` for a screen (translated there when it is a word, not a brand)."""
        return _LABEL_TEXTS.get(self.method_label) or Text(self.method_label)

    @property
    def failure_text(self) -> Text:
        """`failure_reason` for a screen; empty when the payment did not fail."""
        return failure_sentence(self.status, self.status_message)


def method_label(payment_method_type: str | None) -> str:
    """Spanish name of a Wompi method type: "Tarjeta", "Nequi", "PSE", "Bancolombia"…"""
    if not payment_method_type:
        return UNKNOWN_WOMPI_LABEL
    return METHOD_LABELS.get(payment_method_type, payment_method_type)


def failure_reason(status: PaymentStatus, status_message: str) -> str:
    """Why a payment did not go through, in a sentence a cashier can read out; "" otherwise."""
    return str(failure_sentence(status, status_message))


def failure_sentence(status: PaymentStatus, status_message: str) -> Text:
    """`failure_reason` as a Text (Wompi's own status message, Spanish, is kept as it comes)."""
    generic = _GENERIC_FAILURE_TEXTS.get(status)
    if generic is None:
        return Text("")
    message = status_message.strip().rstrip(".")
    if message and status is PaymentStatus.DECLINED:
        return N_("El pago fue rechazado: {message}.", message=message)
    if message and status is PaymentStatus.ERROR:
        return N_("El pago no se completó por un error: {message}.", message=message)
    return generic


def stored_details(attempt: PaymentAttempt) -> PaymentDetails:
    """What the local database alone can say about an attempt."""
    if attempt.tender is Tender.CASH:
        label = CASH_LABEL
    else:
        label = attempt.payment_method or UNKNOWN_WOMPI_LABEL
    return PaymentDetails(
        reference=attempt.reference,
        order_number=attempt.order_number,
        amount=attempt.amount,
        status=attempt.status,
        tender=attempt.tender,
        method_label=label,
        transaction_id=attempt.transaction_id,
        status_message=attempt.status_message,
        failure_reason=failure_reason(attempt.status, attempt.status_message),
        cash_received=attempt.cash_received,
        change=attempt.change,
        approved_after_cancel=attempt.approved_after_cancel,
    )


def wompi_details(
    attempt: PaymentAttempt, tx: Transaction, banks: Mapping[str, str]
) -> PaymentDetails:
    """The stored attempt, with the method, card and bank as Wompi reports them.

    `banks` maps PSE financial institution codes to their names; an unknown code still shows
    (as "Banco con código …") rather than nothing.
    """
    method = tx.payment_method
    kind = method.type or tx.payment_method_type
    base = stored_details(attempt)
    card = kind == "CARD"
    return PaymentDetails(
        reference=base.reference,
        order_number=base.order_number,
        amount=base.amount,
        status=base.status,
        tender=base.tender,
        method_label=method_label(kind),
        transaction_id=tx.id,
        card_brand=method.brand if card else None,
        last_four=method.last_four if card else None,
        bank_name=_bank_name(method.financial_institution_code, banks) if kind == "PSE" else None,
        status_message=base.status_message,
        failure_reason=base.failure_reason,
        approved_after_cancel=base.approved_after_cancel,
        from_wompi=True,
    )


def _bank_name(code: str | None, banks: Mapping[str, str]) -> str | None:
    if not code:
        return None
    return banks.get(code) or f"Banco con código {code}"
