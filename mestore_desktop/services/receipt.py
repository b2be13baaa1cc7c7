"""Receipts: what the customer takes home once an order is paid, as HTML and as plain text.

A receipt is only issued for an APPROVED attempt whose amount is the order's total: a pending,
declined or voided payment gets no receipt at all (:class:`ReceiptNotAvailableError`), so nobody
walks out with paper for money that never arrived.

Everything here is pure: the HTML goes to Qt's ``QTextDocument`` (PDF and printing, in
``ui/receipt_output.py``), the plain text is the body of the e-mail. Every value that ends up in
the HTML is escaped, since store names, product descriptions and customer names are typed text.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order, OrderLine, OrderTotals
from mestore_desktop.domain.payment import PaymentAttempt, PaymentStatus, Tender
from mestore_desktop.domain.text import N_
from mestore_desktop.services.payment_details import PaymentDetails, stored_details

# Colombia has kept UTC-5 without daylight saving since 1993 (as in ui/formatting.py, which
# this Qt-free module cannot import).
BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")
TEXT_WIDTH = 40  # characters per line: fits the 42-48 columns of an 80 mm printer roll
FOOTER = "Comprobante de pago. No es una factura electrónica."
_LAST_FOUR = re.compile(r"^[0-9]{4}$", re.ASCII)


class ReceiptError(ValueError):
    """A receipt that cannot be issued. `str()` is a message staff can read (Spanish)."""


class ReceiptNotAvailableError(ReceiptError):
    """The attempt is not an approved payment, so there is nothing to give a receipt for."""


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything printed on one receipt; build it with :func:`build_receipt`."""

    store_name: str
    store_nit: str
    terminal_id: str
    order_number: int
    reference: str
    paid_at: datetime
    lines: tuple[OrderLine, ...]
    totals: OrderTotals
    tender: Tender
    method: str
    transaction_id: str = ""
    bank_name: str = ""
    cash_received: Money | None = None
    customer_name: str = ""

    @property
    def total(self) -> Money:
        return self.totals.total

    @property
    def change(self) -> Money | None:
        """The change handed back for a cash payment; None for other tenders."""
        return None if self.cash_received is None else self.cash_received - self.total

    @property
    def paid_at_text(self) -> str:
        """26/11/2026 10:30:05 in Bogotá time, whatever the machine's time zone."""
        return self.paid_at.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M:%S")

    @property
    def filename(self) -> str:
        return f"recibo-{self.reference}.pdf"

    @property
    def email_subject(self) -> str:
        return f"Recibo de compra — {self.store_name} — {self.reference}"


def build_receipt(
    order: Order,
    attempt: PaymentAttempt,
    *,
    store_name: str,
    store_nit: str = "",
    details: PaymentDetails | None = None,
) -> Receipt:
    """The receipt for an order paid by `attempt`; raises :class:`ReceiptError` if it cannot be.

    `details` (``services.payment_details``) adds what Wompi said about the card or bank; by
    default only what the database holds is printed. For cash, the cash received and the
    change are printed when they were recorded.
    """
    _require_paid(order, attempt)
    details = details or stored_details(attempt)
    if details.reference != attempt.reference:
        raise ReceiptError(
            N_(
                "Los datos del pago no son del pago {reference}.",
                reference=attempt.reference,
            )
        )
    return Receipt(
        store_name=store_name,
        store_nit=store_nit,
        terminal_id=order.terminal_id,
        order_number=attempt.order_number,
        reference=attempt.reference,
        paid_at=attempt.updated_at,
        lines=order.lines,
        totals=order.totals,
        tender=attempt.tender,
        method=_method_label(details),
        transaction_id=attempt.transaction_id or "",
        bank_name=details.bank_name or "",
        cash_received=_cash_received(attempt, details.cash_received),
        customer_name=order.customer.name,
    )


def _require_paid(order: Order, attempt: PaymentAttempt) -> None:
    if attempt.status is not PaymentStatus.APPROVED:
        raise ReceiptNotAvailableError(
            N_(
                "El pago {reference} no está aprobado (estado {value}); solo se entrega "
                "recibo de pagos aprobados.",
                reference=attempt.reference,
                value=attempt.status.value,
            )
        )
    if order.number != attempt.order_number:
        raise ReceiptError(
            N_(
                "El pago {reference} no es de este pedido.",
                reference=attempt.reference,
            )
        )
    if attempt.amount != order.total:
        raise ReceiptError(
            N_(
                "El pago {reference} ({amount}) no coincide con el total del pedido "
                "({total}); revise el pedido antes de dar recibo.",
                reference=attempt.reference,
                amount=attempt.amount.format(),
                total=order.total.format(),
            )
        )
    if attempt.tender is Tender.WOMPI and not attempt.transaction_id:
        raise ReceiptNotAvailableError(
            N_(
                "El pago {reference} aún no tiene número de transacción de Wompi.",
                reference=attempt.reference,
            )
        )
    if attempt.updated_at.tzinfo is None:
        raise ReceiptError(N_("La hora del pago no tiene zona horaria."))


def _method_label(details: PaymentDetails) -> str:
    """ "VISA ••4242" for a card Wompi described, else the label the details carry."""
    if details.tender is Tender.CASH or not details.card_brand:
        return details.method_label
    # Only ever the last four digits: anything else from the API is left off the paper.
    if details.last_four and _LAST_FOUR.fullmatch(details.last_four):
        return f"{details.card_brand} ••{details.last_four}"
    return details.card_brand


def _cash_received(attempt: PaymentAttempt, received: Money | None) -> Money | None:
    if received is None:
        return None  # not recorded (older cash sales): better no figure than an invented one
    if attempt.tender is not Tender.CASH:
        raise ReceiptError(N_("Solo un pago en efectivo tiene dinero recibido y cambio."))
    if received < attempt.amount:
        raise ReceiptError(
            N_(
                "El efectivo recibido ({received}) es menor que el total ({amount}).",
                received=received.format(),
                amount=attempt.amount.format(),
            )
        )
    return received


# --- the two renderings ------------------------------------------------------------------------


def receipt_rows(receipt: Receipt) -> list[tuple[str, str]]:
    """Totals and payment as (label, value) pairs, shared by the HTML and the text versions."""
    rows: list[tuple[str, str]] = []
    if receipt.totals.discount:
        rows.append(("Descuentos", (-receipt.totals.discount).format()))
    for group in receipt.totals.groups:
        rows.append((f"Base IVA {int(group.rate)} %", group.base.format()))
        rows.append((f"IVA {int(group.rate)} %", group.tax.format()))
    rows.append(("TOTAL", receipt.total.format()))
    rows.append(("Medio de pago", receipt.method))
    if receipt.bank_name:
        rows.append(("Banco", receipt.bank_name))
    if receipt.cash_received is not None and receipt.change is not None:
        rows.append(("Recibido", receipt.cash_received.format()))
        rows.append(("Cambio", receipt.change.format()))
    if receipt.transaction_id:
        rows.append(("Transacción Wompi", receipt.transaction_id))
    rows.append(("Referencia", receipt.reference))
    return rows


def _header_lines(receipt: Receipt) -> list[str]:
    lines = [receipt.store_name]
    if receipt.store_nit:
        lines.append(f"NIT {receipt.store_nit}")
    lines.append(f"Pedido {receipt.order_number} · Terminal {receipt.terminal_id}")
    lines.append(f"{receipt.paid_at_text} (hora de Bogotá)")
    if receipt.customer_name:
        lines.append(f"Cliente: {receipt.customer_name}")
    return lines


def _quantity_text(line: OrderLine) -> str:
    return f"{line.quantity} x {line.unit_price.format()} · IVA {int(line.iva_rate)} %"


_HTML = """<html><body style="font-size: 8pt;">
<p align="center" style="margin: 0;"><b style="font-size: 11pt;">{title}</b><br/>{header}</p>
<hr/>
<table width="100%" cellspacing="0" cellpadding="1">{lines}</table>
<hr/>
<table width="100%" cellspacing="0" cellpadding="1">{rows}</table>
<hr/>
<p align="center" style="margin: 0;">{footer}</p>
</body></html>"""


def render_html(receipt: Receipt) -> str:
    """The receipt as the simple HTML that ``QTextDocument`` lays out, everything escaped."""
    esc = html.escape
    header = _header_lines(receipt)
    lines = "".join(
        f"<tr><td colspan='2'>{esc(line.description)}</td></tr>"
        f"<tr><td>{esc(_quantity_text(line))}"
        + (f"<br/>Descuento {esc((-line.discount).format())}" if line.discount else "")
        + f"</td><td align='right' valign='bottom'>{esc(line.total.format())}</td></tr>"
        for line in receipt.lines
    )
    rows = "".join(
        f"<tr><td>{_bold_total(label, esc(label))}</td>"
        f"<td align='right'>{_bold_total(label, esc(value))}</td></tr>"
        for label, value in receipt_rows(receipt)
    )
    return _HTML.format(
        title=esc(header[0]),
        header="<br/>".join(esc(text) for text in header[1:]),
        lines=lines,
        rows=rows,
        footer=esc(FOOTER),
    )


def _bold_total(label: str, escaped: str) -> str:
    return f"<b style='font-size: 10pt;'>{escaped}</b>" if label == "TOTAL" else escaped


def render_text(receipt: Receipt, width: int = TEXT_WIDTH) -> str:
    """The receipt as monospaced plain text (the e-mail body), `width` characters a line."""
    rule = "-" * width
    out = [
        piece.center(width).rstrip()
        for text in _header_lines(receipt)
        for piece in textwrap.wrap(text, width)
    ]
    out.append(rule)
    for line in receipt.lines:
        out.extend(textwrap.wrap(line.description, width) or [""])
        out.append(_two_columns(_quantity_text(line), line.total.format(), width))
        if line.discount:
            out.append(_two_columns("  Descuento", (-line.discount).format(), width))
    out.append(rule)
    out.extend(_two_columns(label, value, width) for label, value in receipt_rows(receipt))
    out.append(rule)
    out.extend(textwrap.wrap(FOOTER, width))
    return "\n".join(out) + "\n"


def _two_columns(left: str, right: str, width: int) -> str:
    """`left` and `right` on one line, or `right` on its own line when both do not fit."""
    gap = width - len(left) - len(right)
    if gap >= 1:
        return left + " " * gap + right
    return f"{left}\n{right.rjust(width)}"
