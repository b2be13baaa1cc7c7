"""The strip above the queues: what was sold, what Wompi approved, the difference, what is open.

Figures come from the queue rows, so they describe exactly the transactions on screen:
* sold with Wompi: every attempt MeStore holds as APPROVED, once (our amount; a second charge or
  a failed retry under the same reference is another row of the same sale), plus payments Wompi
  and MeStore agree on without a local attempt (a payment link);
* approved in Wompi: every row Wompi holds as APPROVED (Wompi's amount);
* the difference is approved − sold: money Wompi has with no sale behind it is positive, sales
  Wompi never approved are negative;
* cash comes from the totals (Wompi never sees it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.domain.reconciliation import CASH_METHOD, Queue, Reconciliation
from mestore_desktop.ui.reconciliation.words import money
from mestore_desktop.ui.theme import set_style_property


@dataclass(frozen=True, slots=True)
class Figures:
    sold_cents: int
    approved_cents: int
    cash_cents: int
    open_exceptions: int

    @property
    def difference_cents(self) -> int:
        return self.approved_cents - self.sold_cents


def figures(result: Reconciliation) -> Figures:
    sold = approved = 0
    counted: set[str] = set()  # one sale per attempt (reference), however many rows it has
    for queue in Queue:
        for row in result.rows(queue):
            if row.status is PaymentStatus.APPROVED:
                approved += row.amount_cents
            if row.reference in counted:
                continue
            if row.local_status is PaymentStatus.APPROVED:
                counted.add(row.reference)
                sold += (
                    row.local_amount_cents
                    if row.local_amount_cents is not None
                    else row.amount_cents
                )
            elif (
                row.local_status is None
                and queue is Queue.MATCHED
                and row.status is PaymentStatus.APPROVED
            ):
                counted.add(row.reference)
                sold += row.amount_cents
    cash = sum(t.total_cents for t in result.totals if t.method == CASH_METHOD)
    return Figures(sold, approved, cash, result.open_exceptions())


class SummaryStrip(QFrame):
    """Five figures, each a caption over a large value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SummaryStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.sold = self._figure(layout, self.tr("Ventas con Wompi"))
        self.approved = self._figure(layout, self.tr("Aprobado en Wompi"))
        self.difference = self._figure(layout, self.tr("Diferencia"))
        self.cash = self._figure(layout, self.tr("Efectivo"))
        self.open = self._figure(layout, self.tr("Excepciones abiertas"))

    def _figure(self, layout: QHBoxLayout, caption: str) -> QLabel:
        box = QVBoxLayout()
        title = QLabel(caption, self)
        title.setObjectName("SummaryCaption")
        value = QLabel("—", self)
        value.setObjectName("SummaryValue")
        value.setAccessibleName(caption)
        box.addWidget(title)
        box.addWidget(value)
        layout.addLayout(box, 1)
        return value

    def show_result(self, result: Reconciliation) -> None:
        shown = figures(result)
        self.sold.setText(money(shown.sold_cents))
        self.approved.setText(money(shown.approved_cents))
        self.cash.setText(money(shown.cash_cents))
        difference = shown.difference_cents
        if difference == 0:
            self.difference.setText(
                QCoreApplication.translate("SummaryStrip", "✔ {amount}").format(amount=money(0))
            )
        else:
            self.difference.setText(
                QCoreApplication.translate("SummaryStrip", "⚠ {amount}").format(
                    amount=money(difference)
                )
            )
        set_style_property(self.difference, "status", "approved" if not difference else "error")
        if shown.open_exceptions:
            self.open.setText(
                QCoreApplication.translate("SummaryStrip", "⚠ {n} por revisar").format(
                    n=shown.open_exceptions
                )
            )
        else:
            self.open.setText(QCoreApplication.translate("SummaryStrip", "✔ Ninguna"))
        set_style_property(self.open, "status", "pending" if shown.open_exceptions else "approved")
