"""The link form: Nombre, Descripción, Monto fijo / Monto abierto, Un solo uso, Vence (Bogotá),
Pedir dirección de envío, URL de retorno, SKU and IVA.

The form only collects what staff typed and turns it into a `LinkDraft`; the draft checks itself
(`LinkInputError` names its field) and the form shows each message under its field, in plain
Spanish, so nothing typed is lost and nothing reaches Wompi until every field is right.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.links import (
    MAX_LINK_NAME,
    MAX_LINK_SKU,
    LinkDraft,
    LinkInputError,
    validate_draft,
)
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.text import message_of
from mestore_desktop.ui.formatting import BOGOTA
from mestore_desktop.ui.i18n import render_error

DEFAULT_EXPIRY = timedelta(hours=24)
# Values the draft accepts, put in place of a field already found wrong so that the others
# are checked too.
_STAND_INS: dict[str, object] = {
    "name": "-",
    "amount": None,
    "description": "-",
    "expires_at": None,
    "redirect_url": "",
    "sku": "",
    "order_number": None,
}
_ORDER = {
    field: n
    for n, field in enumerate(
        ("name", "description", "amount", "expires_at", "redirect_url", "sku", "iva_rate")
    )
}
# The field a `LinkInputError` names and that the form has no widget for (the order's number):
# its message goes under the whole form.
FORM = "form"


class LinkForm(QWidget):
    """Signals: `submitted()` when Enter is pressed in a text field (the caller creates)."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LinkForm")
        self._order_number: int | None = None
        self._errors: dict[str, QLabel] = {}
        self._build_fields()
        self._build_layout()
        self.reset(datetime.now(BOGOTA))

    # -- building ----------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.name = self._line(self.tr("Nombre"), self.tr("Lo ve el cliente al pagar"))
        self.name.setToolTip(
            self.tr("Máximo %1 caracteres: Wompi lo muestra como título del pago.").replace(
                "%1", str(MAX_LINK_NAME)
            )
        )
        self.description = self._line(self.tr("Descripción"), self.tr("Qué está pagando"))
        self.fixed = QRadioButton(self.tr("Monto fijo"), self)
        self.fixed.setAccessibleName(self.tr("Monto fijo"))
        self.open_amount = QRadioButton(self.tr("Monto abierto (lo escribe el cliente)"), self)
        self.open_amount.setAccessibleName(self.tr("Monto abierto"))
        self._amount_kind = QButtonGroup(self)
        for button in (self.fixed, self.open_amount):
            self._amount_kind.addButton(button)
        self.amount = self._line(self.tr("Monto"), "$ 25.000")
        self.amount.setMaximumWidth(180)
        self.fixed.toggled.connect(self._on_amount_kind)
        self.single_use = self._check(self.tr("Un solo uso"))
        self.single_use.setToolTip(self.tr("El link deja de aceptar pagos después del primero."))
        self.expires = self._check(self.tr("Vence"))
        self.expires_at = QDateTimeEdit(self)
        self.expires_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.expires_at.setCalendarPopup(True)
        self.expires_at.setAccessibleName(self.tr("Fecha y hora de vencimiento"))
        self.expires_at.setToolTip(self.tr("Hora de Colombia"))
        self.expires.toggled.connect(self.expires_at.setEnabled)
        self.zone = QLabel(self.tr("(Colombia)"), self)
        self.zone.setObjectName("PlaceholderText")
        self.collect_shipping = self._check(self.tr("Pedir dirección de envío"))
        self.redirect_url = self._line(
            self.tr("URL de retorno"), self.tr("Opcional: https://mitienda.co/gracias")
        )
        self.sku = self._line(
            self.tr("SKU"), self.tr("Opcional, máximo %1").replace("%1", str(MAX_LINK_SKU))
        )
        self.sku.setMinimumWidth(240)
        self.sku.setMaximumWidth(320)
        self.iva = QComboBox(self)
        self.iva.setAccessibleName(self.tr("IVA"))
        self.iva.addItem(self.tr("No indicar"), None)
        for rate in (IvaRate.GENERAL, IvaRate.REDUCED, IvaRate.EXEMPT):
            self.iva.addItem(f"{int(rate)} %", int(rate))
        self.order_label = QLabel(self)
        self.order_label.setObjectName("PlaceholderText")
        self.order_label.hide()
        self.form_error = self._error_label(FORM)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.returnPressed.connect(self.submitted)
        return field

    def _check(self, caption: str) -> QCheckBox:
        box = QCheckBox(caption, self)
        box.setAccessibleName(caption)
        return box

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName("FieldError")
        label.setWordWrap(True)
        label.hide()
        self._errors[field] = label
        return label

    def _with_error(self, field: str, *widgets: QWidget) -> QWidget:
        """The field's widgets on one row, its error message under them."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        if len(widgets) > 1 or widgets[0].maximumWidth() < 1000:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error_label(field))
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        rows = (
            (self.tr("Nombre"), self._with_error("name", self.name)),
            (self.tr("Descripción"), self._with_error("description", self.description)),
            (self.tr("Monto"), self._with_error("amount", self.fixed, self.amount)),
            ("", self.open_amount),
            ("", self.single_use),
            ("", self._with_error("expires_at", self.expires, self.expires_at, self.zone)),
            ("", self.collect_shipping),
            (self.tr("URL de retorno"), self._with_error("redirect_url", self.redirect_url)),
            (self.tr("SKU"), self._with_error("sku", self.sku)),
            (self.tr("IVA"), self._with_error("iva_rate", self.iva)),
        )
        for caption, widget in rows:
            if caption:
                label = QLabel(caption, self)
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.order_label)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)

    def _on_amount_kind(self) -> None:
        self.amount.setEnabled(self.fixed.isChecked())
        if self.fixed.isChecked():
            self.amount.setFocus()

    # -- filling -----------------------------------------------------------------------------

    def reset(self, now: datetime) -> None:
        """An empty form: fixed amount, single use, no expiry (tomorrow offered), no IVA."""
        for field in (self.name, self.description, self.amount, self.redirect_url, self.sku):
            field.clear()
        self.fixed.setChecked(True)
        self.amount.setEnabled(True)
        self.single_use.setChecked(True)
        self.expires.setChecked(False)
        self.expires_at.setEnabled(False)
        self._show_expiry(now + DEFAULT_EXPIRY)
        self.collect_shipping.setChecked(False)
        self.iva.setCurrentIndex(0)
        self._order_number = None
        self.order_label.hide()
        self.clear_errors()

    def set_draft(self, draft: LinkDraft, now: datetime) -> None:
        """Prefill from a draft (the order's name, amount and IVA)."""
        self.reset(now)
        self.name.setText(draft.name)
        self.description.setText(draft.description)
        if draft.amount is None:
            self.open_amount.setChecked(True)
        else:
            self.amount.setText(draft.amount.format())
        self.single_use.setChecked(draft.single_use)
        if draft.expires_at is not None:
            self.expires.setChecked(True)
            self._show_expiry(draft.expires_at)
        self.collect_shipping.setChecked(draft.collect_shipping)
        self.redirect_url.setText(draft.redirect_url)
        self.sku.setText(draft.sku)
        index = self.iva.findData(None if draft.iva_rate is None else int(draft.iva_rate))
        self.iva.setCurrentIndex(max(index, 0))
        self._order_number = draft.order_number
        if draft.order_number is not None:
            self.order_label.setText(
                self.tr("Para el pedido %1").replace("%1", str(draft.order_number))
            )
            self.order_label.show()

    def _show_expiry(self, moment: datetime) -> None:
        local = moment.astimezone(BOGOTA)
        self.expires_at.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    def expiry(self) -> datetime | None:
        """The chosen expiry as an aware Bogotá time, or None when the link never expires."""
        if not self.expires.isChecked():
            return None
        chosen = self.expires_at.dateTime()
        day, time = chosen.date(), chosen.time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=BOGOTA
        )

    @property
    def order_number(self) -> int | None:
        return self._order_number

    # -- reading -----------------------------------------------------------------------------

    def draft(self, now: datetime) -> LinkDraft | None:
        """The typed link, checked; None after showing what to fix under each field (every
        field at once: fixing one should not reveal the next only on the next press)."""
        self.clear_errors()
        errors = self.problems(now)
        for exc in reversed(errors):  # the first field's message last: the keyboard goes there
            self.show_error(exc)
        if errors:
            return None
        return _make(self._values(self._amount()), now)

    def problems(self, now: datetime) -> list[LinkInputError]:
        """What is wrong with each field, in the form's order ([] when the link can be made).

        The draft reports one field at a time, so a field found wrong is given a value the
        draft accepts and the rest are checked again."""
        errors: list[LinkInputError] = []
        try:
            amount = self._amount()
        except LinkInputError as exc:
            errors.append(exc)
            amount = None
        values = self._values(amount)
        for _attempt in range(len(_STAND_INS) + 1):
            try:
                _make(values, now)
                break
            except LinkInputError as exc:
                errors.append(exc)
                if exc.field not in _STAND_INS:
                    break
                values[exc.field] = _STAND_INS[exc.field]
        return sorted(errors, key=lambda e: _ORDER.get(e.field, len(_ORDER)))

    def _values(self, amount: Money | None) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "description": self.description.text(),
            "amount": amount,
            "single_use": self.single_use.isChecked(),
            "expires_at": self.expiry(),
            "redirect_url": self.redirect_url.text(),
            "sku": self.sku.text(),
            "iva_rate": self._iva(),
            "collect_shipping": self.collect_shipping.isChecked(),
            "order_number": self._order_number,
        }

    def _amount(self) -> Money | None:
        if self.open_amount.isChecked():
            return None
        text = self.amount.text().strip()
        if not text:
            raise LinkInputError(
                "amount",
                self.tr(
                    "Escriba el valor del link, o elija «Monto abierto» si lo pone el cliente."
                ),
            )
        try:
            return Money.parse(text)
        except MoneyError as exc:
            raise LinkInputError("amount", message_of(exc)) from exc

    def _iva(self) -> IvaRate | None:
        data = self.iva.currentData()
        return None if data is None else IvaRate(int(data))

    # -- errors ------------------------------------------------------------------------------

    def show_error(self, exc: LinkInputError) -> None:
        """The message under its field (or under the form), and the keyboard on that field."""
        label = self._errors.get(exc.field, self._errors[FORM])
        label.setText(render_error(exc))
        label.show()
        target = self.field_widget(exc.field)
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    def field_widget(self, field: str) -> QWidget | None:
        widgets: dict[str, QWidget] = {
            "name": self.name,
            "description": self.description,
            "amount": self.amount,
            "expires_at": self.expires_at,
            "redirect_url": self.redirect_url,
            "sku": self.sku,
            "iva_rate": self.iva,
        }
        return widgets.get(field)

    def error_text(self, field: str) -> str:
        """The message shown under `field` ("" when none)."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def focus_first(self) -> None:
        self.name.setFocus()
        self.name.selectAll()


def _make(values: dict[str, object], now: datetime) -> LinkDraft:
    draft = LinkDraft(**values)  # type: ignore[arg-type]
    validate_draft(draft, now)
    return draft
