"""Optional customer data for the sale, folded away until the cashier opens it.

The rules are the domain's (`Customer`): each field is checked when the cashier leaves it, and
`customer()` checks them all again, opening the panel and putting the message under the field
that is wrong, so a bad e-mail is fixed before the payment starts rather than lost afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.order import Customer, DocumentType, OrderError
from mestore_desktop.ui.i18n import render_error

_MAX_TEXT = 200
# Only what a phone number is written with; the domain sets no further rule.
_PHONE = QRegularExpression(r"^[0-9 +()\-]{0,20}$")


class CustomerPanel(QWidget):
    """Name, e-mail, phone and document (CC/NIT/CE + number), all optional.

    Signals:
        changed(): any field was edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerPanel")
        self.toggle = QToolButton()
        self.toggle.setObjectName("CustomerToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText(self.tr("Cliente (opcional)"))
        self.toggle.setAccessibleName(self.tr("Cliente (opcional)"))
        self.toggle.toggled.connect(self.set_expanded)
        self.name = self._line_edit(self.tr("Nombre del cliente"))
        self.email = self._line_edit(self.tr("Correo electrónico"))
        self.email.setPlaceholderText(self.tr("cliente@ejemplo.com"))
        self.phone = self._line_edit(self.tr("Teléfono"))
        self.phone.setValidator(QRegularExpressionValidator(_PHONE, self.phone))
        self.document_type = QComboBox()
        self.document_type.setAccessibleName(self.tr("Tipo de documento"))
        self.document_type.addItem("—", None)
        for kind in DocumentType:
            self.document_type.addItem(kind.value, kind.value)
        self.document_type.currentIndexChanged.connect(self._on_document_edited)
        self.document_number = self._line_edit(self.tr("Número de documento"))
        self.email_error = _error_label()
        self.document_error = _error_label()
        self.email.editingFinished.connect(self._check_email)
        self.document_number.editingFinished.connect(self._check_document)
        self.body = self._build_body()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        layout.addStretch(1)  # keep the fields at the top of the scroll area
        self.set_expanded(False)

    def _line_edit(self, accessible_name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible_name)
        edit.setMaxLength(_MAX_TEXT)
        edit.textEdited.connect(lambda _text: self.changed.emit())
        return edit

    def _build_body(self) -> QWidget:
        body = QWidget()
        document = QHBoxLayout()
        document.setContentsMargins(0, 0, 0, 0)
        document.addWidget(self.document_type)
        document.addWidget(self.document_number, 1)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Nombre"), self.name)
        form.addRow(self.tr("Correo"), _with_error(self.email, self.email_error))
        form.addRow(self.tr("Teléfono"), self.phone)
        form.addRow(self.tr("Documento"), _with_error(document, self.document_error))
        return body

    # -- public ---------------------------------------------------------------------------

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def customer(self) -> Customer:
        """The customer as typed; raises `OrderError` (shown on its field) when a rule fails."""
        problems = [p for p in (self._check_email(), self._check_document()) if p]
        if problems:
            self.set_expanded(True)
            raise OrderError(problems[0])
        return Customer(
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            document_type=self._document_kind(),
            document_number=self.document_number.text().strip(),
        )

    def clear(self) -> None:
        for edit in (self.name, self.email, self.phone, self.document_number):
            edit.clear()
        self.document_type.setCurrentIndex(0)
        _set_error(self.email_error, "")
        _set_error(self.document_error, "")
        self.set_expanded(False)

    # -- checks ---------------------------------------------------------------------------

    def _check_email(self) -> str | None:
        return self._check(self.email_error, lambda: Customer(email=self.email.text().strip()))

    def _check_document(self) -> str | None:
        return self._check(
            self.document_error,
            lambda: Customer(
                document_type=self._document_kind(),
                document_number=self.document_number.text().strip(),
            ),
        )

    def _check(self, error: QLabel, build: Callable[[], Customer]) -> str | None:
        try:
            build()
        except OrderError as exc:
            _set_error(error, render_error(exc))
            return render_error(exc)
        _set_error(error, "")
        return None

    def _on_document_edited(self) -> None:
        if self.document_error.text():
            self._check_document()
        self.changed.emit()

    def _document_kind(self) -> DocumentType | None:
        value = self.document_type.currentData()
        return None if value is None else DocumentType(value)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("FieldError")
    label.setWordWrap(True)
    label.hide()  # takes no room until there is something to say
    return label


def _set_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setHidden(not text)


def _with_error(field: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    """The field with its message right under it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QWidget):
        column.addWidget(field)
    else:
        column.addLayout(field)
    column.addWidget(error)
    return box
