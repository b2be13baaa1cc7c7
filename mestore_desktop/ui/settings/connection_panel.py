"""*Probar conexión*: runs the Wompi checks off the UI's back and lists each result.

The checks run against the *saved* settings (what the counter will actually use), so the panel
asks staff to save first when the form has unsaved changes.

While the checks run the button is disabled; the keyboard focus goes to the summary line (which
says what is happening) rather than jumping to some field at the top of the page, and comes back
to the button afterwards. `in_sight` tells the page what to scroll into view.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mestore_desktop.services.connection import CheckOutcome, ConnectionCheck
from mestore_desktop.settings import Settings
from mestore_desktop.ui import icons
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.theme import set_style_property

ConnectionTester = Callable[[Settings], Awaitable[list[ConnectionCheck]]]

_ICON = {
    CheckOutcome.OK: "approved",
    CheckOutcome.FAILED: "declined",
    CheckOutcome.SKIPPED: "skipped",
}
_ICON_PX = 16
_STATUS = {
    CheckOutcome.OK: "approved",
    CheckOutcome.FAILED: "declined",
    CheckOutcome.SKIPPED: "voided",
}


class ConnectionPanel(QWidget):
    """A *Probar conexión* button and one line per check, with a mark, a colour and a word.

    Signals:
        in_sight(object): a list of widgets (the summary, the results) to scroll into view.
    """

    in_sight = Signal(object)

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
        self.button.setAccessibleName(self.tr("Probar conexión"))
        self.button.setEnabled(tester is not None)
        self.button.clicked.connect(self._on_button_clicked)
        self.summary = QLabel(self.tr("Comprueba las llaves con Wompi antes de la primera venta."))
        self.summary.setAccessibleName(self.tr("Resultado de la prueba de conexión"))
        self.summary.setWordWrap(True)
        self.rows: list[QLabel] = []
        self.row_icons: list[QLabel] = []
        self._row_lines: list[QWidget] = []
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
        had_focus = self.button.hasFocus()
        if had_focus:
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)  # before the button is disabled
        run_op(
            self,
            lambda: tester(settings),
            on_success=lambda checks: self._on_checks(checks, had_focus),
            on_error=lambda exc: self._on_failed(exc, had_focus),
            busy=self.button,
        )
        self.in_sight.emit([self.summary])

    def _on_checks(self, checks: list[ConnectionCheck], had_focus: bool) -> None:
        self.show_checks(checks)
        self._focus_back(had_focus)

    def _on_failed(self, exc: Exception, had_focus: bool) -> None:
        self.summary.setText(self.tr("No se pudo probar la conexión."))
        self._focus_back(had_focus)
        present_error(self, exc)

    def _focus_back(self, had_focus: bool) -> None:
        if had_focus and self.summary.hasFocus():
            self.button.setEnabled(True)  # run_op re-enables it only after this callback
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_checks(self, checks: list[ConnectionCheck]) -> None:
        self._clear_rows()
        for check in checks:
            self._add_row(check)
        failed = sum(1 for c in checks if c.outcome is CheckOutcome.FAILED)
        self.summary.setText(
            self.tr("Todo en orden: MeStore puede cobrar con Wompi.")
            if not failed
            else self.tr("{count} comprobaciones fallaron; revise los detalles.").format(
                count=failed
            )
        )
        self.in_sight.emit([*self._row_lines, self.summary])

    def _add_row(self, check: ConnectionCheck) -> None:
        mark = QLabel()
        mark.setPixmap(icons.pixmap(_ICON[check.outcome], _ICON_PX))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = render(check.label)
        row = QLabel(f"{label}: {render(check.detail)}")
        row.setWordWrap(True)
        row.setAccessibleName(label)
        set_style_property(row, "status", _STATUS[check.outcome])
        line = QWidget()
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(mark)
        layout.addWidget(row, 1)
        self._rows_layout.addWidget(line)
        self.rows.append(row)
        self.row_icons.append(mark)
        self._row_lines.append(line)

    def _clear_rows(self) -> None:
        for line in self._row_lines:
            line.hide()  # now: deleteLater would leave it on screen until the next loop turn
            line.deleteLater()
        self._row_lines.clear()
        self.rows.clear()
        self.row_icons.clear()
