"""The SMTP password and *Enviar correo de prueba*, inside the *Correo (SMTP)* section of Ajustes.

The password row is the same write-only row as in *Secretos*. The test sends to the sender's own
address with the *saved* settings (what receipts will actually use), so with unsaved changes in
the mail fields it asks staff to save first instead of testing something else.

While the test runs its button is disabled and the keyboard waits on the result line (not on
some other field of the page); `in_sight` asks the page to keep that line in view.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mestore_desktop.secrets import Secret, SecretName, SecretsError, SecretStore
from mestore_desktop.services.mailer import MailError, SmtpSettings, send_test_message
from mestore_desktop.settings import Settings
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.i18n import render_error
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.settings.secrets_panel import SecretRow
from mestore_desktop.ui.theme import set_style_property

# Sends the test message and returns the address it went to.
MailTester = Callable[[SmtpSettings, Secret | None], Awaitable[str]]


class MailPanel(QWidget):
    """The SMTP password row, the test button and one line with the result.

    Signals:
        in_sight(object): a list of widgets (the result line) to scroll into view.
    """

    in_sight = Signal(object)

    def __init__(
        self,
        store: SecretStore,
        settings: Callable[[], Settings],
        has_unsaved_changes: Callable[[], bool],
        tester: MailTester = send_test_message,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._has_unsaved_changes = has_unsaved_changes
        self._tester = tester
        self.password_row = SecretRow(SecretName.SMTP_PASSWORD, store, self)
        self.password_row.label.hide()  # the form row already says what it is
        self.password_row.failed.connect(self._show_failure)
        self.test_button = QPushButton(self.tr("Enviar correo de prueba"), self)
        self.test_button.setAccessibleName(self.tr("Enviar correo de prueba"))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.result = QLabel(
            self.tr("La prueba envía un correo al remitente con los ajustes guardados."), self
        )
        self.result.setAccessibleName(self.tr("Resultado de la prueba de correo"))
        self.result.setWordWrap(True)
        self._focus_on_result = False  # the button had the keyboard when the test began
        test_line = QHBoxLayout()
        test_line.addWidget(self.result, 1)
        test_line.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.password_row)
        layout.addLayout(test_line)
        self.set_store(store)

    def set_store(self, store: SecretStore) -> None:
        """Follow another environment's keyring (the password is kept per environment)."""
        self.password_row.store = store
        try:
            saved = store.get(SecretName.SMTP_PASSWORD) is not None
        except SecretsError as exc:
            saved = False
            self._show_failure(render_error(exc))
        self.password_row.show_saved(saved)

    def _on_test_clicked(self) -> None:
        if self._has_unsaved_changes():
            self._show_failure(
                self.tr("Guarde los ajustes antes de probar: la prueba usa los ajustes guardados.")
            )
            return
        try:
            smtp = SmtpSettings.from_settings(self._settings())
            password = (
                self.password_row.store.get(SecretName.SMTP_PASSWORD) if smtp.username else None
            )
        except (MailError, SecretsError) as exc:
            self._show_failure(render_error(exc))
            return
        self._show(
            self.tr("Enviando un correo de prueba a {address}…").format(address=smtp.from_address),
            status="pending",
        )
        tester = self._tester
        self._focus_on_result = self.test_button.hasFocus()
        if self._focus_on_result:
            self.result.setFocus(Qt.FocusReason.OtherFocusReason)  # before the button is disabled
        run_op(
            self,
            lambda: tester(smtp, password),
            on_success=self._show_sent,
            on_error=self._on_error,
            busy=self.test_button,
        )

    def _show_sent(self, address: str) -> None:
        self._show(
            self.tr("Listo: se envió un correo de prueba a {address}. Revise esa bandeja.").format(
                address=address
            ),
            status="approved",
        )

    def _on_error(self, exc: Exception) -> None:
        if isinstance(exc, MailError):
            self._show_failure(render_error(exc))
            return
        self._show_failure(self.tr("No se envió el correo de prueba."))
        present_error(self, exc)

    def _show_failure(self, text: str) -> None:
        self._show(text, status="declined")

    def _show(self, text: str, status: str) -> None:
        self.result.setText(text)
        set_style_property(self.result, "status", status)
        if status != "pending" and self._focus_on_result and self.result.hasFocus():
            self._focus_on_result = False
            self.test_button.setEnabled(True)  # run_op re-enables it only after this callback
            self.test_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.in_sight.emit([self.result])
