"""*Probar conexión*: runs the Wompi checks off the UI's back and lists each result.

The checks run against the *saved* settings (what the counter will actually use), so the panel
asks staff to save first when the form has unsaved changes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mestore_desktop.services.connection import CheckOutcome, ConnectionCheck
from mestore_desktop.settings import Settings
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.theme import set_style_property

ConnectionTester = Callable[[Settings], Awaitable[list[ConnectionCheck]]]

_MARK = {CheckOutcome.OK: "✔", CheckOutcome.FAILED: "✖", CheckOutcome.SKIPPED: "–"}
_STATUS = {
    CheckOutcome.OK: "approved",
    CheckOutcome.FAILED: "declined",
    CheckOutcome.SKIPPED: "voided",
}


class ConnectionPanel(QWidget):
    """A *Probar conexión* button and one line per check, with a mark, a colour and a word."""

    def __init__(
        self,
        tester: ConnectionTester | None,
        settings: Callable[[], Settings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tester = tester
        self._settings = settings
        self.button = QPushButton(self.tr("Probar conexión"))
        self.button.setEnabled(tester is not None)
        self.button.clicked.connect(self._on_button_clicked)
        self.summary = QLabel(self.tr("Comprueba las llaves con Wompi antes de la primera venta."))
        self.summary.setWordWrap(True)
        self.rows: list[QLabel] = []
        self._rows_layout = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._rows_layout)

    def _on_button_clicked(self) -> None:
        if self._tester is None:
            return
        tester, settings = self._tester, self._settings()
        self.summary.setText(self.tr("Probando la conexión con Wompi…"))
        self._clear_rows()
        run_op(self, lambda: tester(settings), on_success=self.show_checks, busy=self.button)

    def show_checks(self, checks: list[ConnectionCheck]) -> None:
        self._clear_rows()
        for check in checks:
            row = QLabel(f"{_MARK[check.outcome]} {check.label}: {check.detail}")
            row.setWordWrap(True)
            set_style_property(row, "status", _STATUS[check.outcome])
            self._rows_layout.addWidget(row)
            self.rows.append(row)
        failed = sum(1 for c in checks if c.outcome is CheckOutcome.FAILED)
        self.summary.setText(
            self.tr("Todo en orden: MeStore puede cobrar con Wompi.")
            if not failed
            else self.tr("{count} comprobaciones fallaron; revise los detalles.").format(
                count=failed
            )
        )

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows.clear()
