"""The secrets section of *Ajustes*: one row per secret, write-only.

A stored secret is never read back into the UI: a row only asks ``SecretStore.status()`` whether
it is set. A typed value goes straight to ``SecretStore.set`` and the field is emptied at once,
whether or not the keyring accepted it, so the value does not linger in a widget.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mestore_desktop.secrets import SecretName, SecretsError, SecretStore
from mestore_desktop.ui import icons
from mestore_desktop.ui.i18n import render_error
from mestore_desktop.ui.theme import set_style_property

translate = QCoreApplication.translate

LABEL_WIDTH = 220
STATUS_WIDTH = 150
STATUS_ICON_PX = 16


def secret_label(name: SecretName) -> str:
    """The translated label; the Spanish source text matches ``SecretName.label``."""
    labels = {
        SecretName.WOMPI_PRIVATE_KEY: translate("SecretsPanel", "Llave privada de Wompi"),
        SecretName.EVENTS_SECRET: translate("SecretsPanel", "Secreto de eventos"),
        SecretName.INTEGRITY_SECRET: translate("SecretsPanel", "Secreto de integridad"),
        SecretName.RELAY_TOKEN: translate("SecretsPanel", "Token del relay"),
        SecretName.SMTP_PASSWORD: translate("SecretsPanel", "Contraseña SMTP"),
    }
    return labels.get(name, name.label)


class SecretRow(QWidget):
    """Label, status word, masked input, *Guardar* and *Borrar* for one secret.

    Signals:
        failed(str): a SecretsError message to show to the user.
        changed(): a secret was saved or deleted.
    """

    failed = Signal(str)
    changed = Signal()

    def __init__(self, name: SecretName, store: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.store = name, store
        self.label = QLabel(secret_label(name), self)
        self.label.setFixedWidth(LABEL_WIDTH)
        self.status_icon = QLabel(self)
        self.status_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(self)
        self.status.setFixedWidth(STATUS_WIDTH)
        self.input = QLineEdit(self)
        self.input.setObjectName(f"secret_{name.value}")
        self.input.setEchoMode(QLineEdit.EchoMode.Password)
        self.input.setAccessibleName(secret_label(name))
        self.input.setPlaceholderText(translate("SecretsPanel", "Escribe o pega el valor nuevo"))
        self.save_button = QPushButton(translate("SecretsPanel", "Guardar"), self)
        self.delete_button = QPushButton(translate("SecretsPanel", "Borrar"), self)
        for button in (self.save_button, self.delete_button):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(secret_label(name))  # which one, for a screen reader
        self.save_button.clicked.connect(self._on_save_clicked)
        self.input.returnPressed.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets = (
            self.label,
            self.status_icon,
            self.status,
            self.input,
            self.save_button,
            self.delete_button,
        )
        for widget in widgets:
            layout.addWidget(widget, 1 if widget is self.input else 0)

    def show_saved(self, saved: bool) -> None:
        """Show "Guardado" or "Sin configurar" (never the value)."""
        if saved:
            self.status.setText(translate("SecretsPanel", "Guardado"))
        else:
            self.status.setText(translate("SecretsPanel", "Sin configurar"))
        self.status_icon.setPixmap(icons.pixmap("approved" if saved else "skipped", STATUS_ICON_PX))
        set_style_property(self.status, "status", "approved" if saved else "voided")
        self.delete_button.setEnabled(saved)

    def _on_save_clicked(self) -> None:
        value = self.input.text()
        self.input.clear()  # before anything can fail: the value must not stay in the widget
        try:
            self.store.set(self.name, value)
        except SecretsError as exc:
            self.failed.emit(render_error(exc))
            return
        self.show_saved(True)
        self.changed.emit()

    def _on_delete_clicked(self) -> None:
        try:
            self.store.delete(self.name)
        except SecretsError as exc:
            self.failed.emit(render_error(exc))
            return
        self.show_saved(False)
        self.changed.emit()


class SecretsPanel(QWidget):
    """The secret rows of one environment (all, or *names*) plus a line for keyring problems."""

    changed = Signal()  # a secret was saved or deleted

    def __init__(
        self,
        store: SecretStore,
        parent: QWidget | None = None,
        names: Iterable[SecretName] = tuple(SecretName),
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("FormError")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        self.rows: dict[SecretName, SecretRow] = {}
        for name in names:
            row = SecretRow(name, store, self)
            row.failed.connect(self._show_problem)
            row.changed.connect(self.message.hide)
            row.changed.connect(self.changed)
            layout.addWidget(row)
            self.rows[name] = row
        layout.addWidget(self.message)
        self.refresh()

    def set_store(self, store: SecretStore) -> None:
        """Switch to another environment's secrets (after the environment setting changed)."""
        self.store = store
        for row in self.rows.values():
            row.store = store
        self.refresh()

    def refresh(self) -> None:
        """Re-read which secrets are set; a keyring problem is shown, and every row reads unset."""
        self.intro.setText(
            translate(
                "SecretsPanel",
                "Ambiente {environment}. Los secretos se guardan en el llavero del sistema y "
                "nunca se vuelven a mostrar; para cambiar uno, escribe el valor nuevo.",
            ).format(environment=self.store.environment)
        )
        self.message.hide()
        try:
            status = self.store.status()
        except SecretsError as exc:
            status = {}
            self._show_problem(render_error(exc))
        for name, row in self.rows.items():
            row.show_saved(status.get(name, False))

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
