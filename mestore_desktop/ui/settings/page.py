"""The *Ajustes* page: the settings form with *Guardar*, and the secrets section.

Saving parses every field with ``with_value`` (collecting every field's error at once, so staff
fix them in one pass), then checks cross-field rules with ``validate``; only a fully valid
``Settings`` reaches ``SettingsFile.save``. Nothing is written when anything is wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.text import message_of
from mestore_desktop.secrets import SecretName, SecretsError, SecretStore
from mestore_desktop.services.counter_setup import can_settle_wompi_payments
from mestore_desktop.services.mailer import send_test_message
from mestore_desktop.settings import (
    Settings,
    SettingsError,
    SettingsFile,
    setting_label,
    validate,
    with_value,
)
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.settings.connection_panel import ConnectionPanel, ConnectionTester
from mestore_desktop.ui.settings.first_run import FirstRunAssistant, first_run_needed
from mestore_desktop.ui.settings.form import SettingsForm
from mestore_desktop.ui.settings.mail_panel import MailPanel, MailTester
from mestore_desktop.ui.settings.secrets_panel import SecretsPanel
from mestore_desktop.ui.settings.self_test import SelfTestFactory, SelfTestPanel
from mestore_desktop.ui.theme import set_style_property

log = logging.getLogger(__name__)

SecretStoreFactory = Callable[[str], SecretStore]
MAIL_KEYS = ("smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_from")


class SettingsPage(QScrollArea):
    """Edit and save settings; manage the current environment's secrets.

    Signals:
        settings_saved(object): the new ``Settings`` after a successful save.
        secrets_changed(): a secret was saved or deleted in the keyring.
    """

    settings_saved = Signal(object)
    secrets_changed = Signal()

    def __init__(
        self,
        *,
        settings: Settings,
        settings_file: SettingsFile,
        secrets: SecretStore,
        secrets_factory: SecretStoreFactory,
        connection_tester: ConnectionTester | None = None,
        mail_tester: MailTester = send_test_message,
        self_test: SelfTestFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Ajustes")
        self.settings = settings
        self._settings_file = settings_file
        self._secrets_factory = secrets_factory
        self.form = SettingsForm()
        self.save_button = QPushButton(self.tr("Guardar ajustes"))
        self.save_button.setAccessibleName(self.tr("Guardar ajustes"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Resultado de guardar"))
        self.message.setWordWrap(True)
        self.message.hide()
        # The SMTP password sits with the other mail settings, in the form's Correo section.
        self.secrets_panel = SecretsPanel(
            secrets, names=[name for name in SecretName if name is not SecretName.SMTP_PASSWORD]
        )
        self.mail_panel = MailPanel(
            secrets, lambda: self.settings, self._mail_fields_changed, mail_tester
        )
        self.form.add_row("smtp_from", self.tr("Contraseña SMTP"), self.mail_panel)
        self.secrets_panel.changed.connect(self.secrets_changed)
        self.settle_note = self._settle_note()
        self.secrets_panel.changed.connect(self._show_settle_note)
        self.connection_panel = ConnectionPanel(connection_tester, lambda: self.settings)
        self.connection_panel.in_sight.connect(self.keep_in_sight)
        self.mail_panel.in_sight.connect(self.keep_in_sight)
        self.self_test_panel = SelfTestPanel(self_test)
        self.self_test_panel.in_sight.connect(self.keep_in_sight)
        self.assistant = self._first_run_assistant(self_test)
        self.assistant_button = QPushButton(self.tr("Asistente de configuración"))
        self.assistant_button.setAccessibleName(self.tr("Asistente de configuración"))
        self.assistant_button.clicked.connect(self.open_assistant)
        self.assistant_button.setAutoDefault(True)  # Enter presses it (it has the focus after)
        # What the assistant saved, said at the top where the page opens after it.
        self.assistant_note = QLabel()
        self.assistant_note.setAccessibleName(self.tr("Resultado del asistente"))
        self.assistant_note.setWordWrap(True)
        self.assistant_note.hide()
        self.setWidget(self._build_content())
        self.setWidgetResizable(True)
        self.form.load(settings)
        self._show_settle_note()

    def _settle_note(self) -> QLabel:
        """Under the relay's URL: why Wompi charges are refused, while they are (issue 9, defect
        6), so the fix is in sight where it is typed, not only when a sale is refused."""
        note = QLabel(self)
        note.setWordWrap(True)
        set_style_property(note, "status", "declined")
        text = self.tr(
            "No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay, MeStore "
            "nunca sabría si un pago por QR se aprobó. Guarde la llave privada en Secretos, o "
            "la URL del relay aquí y su token en Secretos. El efectivo funciona igual."
        )
        note.setText(text)
        note.setAccessibleName(text)
        note.hide()
        self.form.add_row("relay_url", "", note)
        return note

    def _show_settle_note(self) -> None:
        try:
            blocked = not can_settle_wompi_payments(self.settings, self.secrets_panel.store)
        except SecretsError:
            blocked = False  # the secrets section already shows the keyring's problem
        self.settle_note.setVisible(blocked)

    def _build_content(self) -> QWidget:
        content = QWidget()
        # Either the assistant or the whole page is shown (hidden widgets take no room).
        self.normal = QWidget(content)
        heading = QLabel(self.tr("Ajustes"), content)
        heading.setObjectName("PageTitle")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.assistant_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        secrets_box = QGroupBox(self.tr("Secretos"), content)
        QVBoxLayout(secrets_box).addWidget(self.secrets_panel)
        connection_box = QGroupBox(self.tr("Conexión con Wompi"), content)
        QVBoxLayout(connection_box).addWidget(self.connection_panel)
        self_test_box = QGroupBox(self.tr("Verificación de la instalación"), content)
        QVBoxLayout(self_test_box).addWidget(self.self_test_panel)
        layout = QVBoxLayout(self.normal)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.assistant_note)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(secrets_box)
        layout.addWidget(connection_box)
        layout.addWidget(self_test_box)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(self.assistant)
        outer.addWidget(self.normal)
        outer.addStretch(1)
        self.assistant.hide()
        return content

    # -- the first-run assistant (issue 13, item 3) ------------------------------------------

    def _first_run_assistant(self, self_test: SelfTestFactory | None) -> FirstRunAssistant:
        assistant = FirstRunAssistant(
            settings=lambda: self.settings,
            save_settings=self.save_changes,
            secrets_for=self._secrets_factory,
            self_test=self_test,
        )
        assistant.secrets_saved.connect(self._on_assistant_secret_saved)
        assistant.self_test.in_sight.connect(self.keep_in_sight)
        assistant.closed.connect(self._on_assistant_closed)
        return assistant

    def first_run_needed(self) -> bool:
        """No Wompi key in this environment's keyring yet (see ``first_run.first_run_needed``)."""
        return first_run_needed(self.secrets_panel.store)

    def open_assistant(self) -> None:
        """Show the page as the guided setup, from its first step."""
        self.normal.hide()
        self.assistant_note.hide()
        self.assistant.show()
        self.assistant.open()
        self.verticalScrollBar().setValue(0)

    def _on_assistant_closed(self, _finished: bool, text: str) -> None:
        self.assistant.hide()
        self.form.load(self.settings)  # what the assistant saved, in the full form
        self.secrets_panel.refresh()
        self.normal.show()
        self.message.hide()  # "Ajustes guardados." of a step: the note says it all
        self.assistant_note.setText(text)
        set_style_property(self.assistant_note, "status", "approved")
        self.assistant_note.show()
        self.assistant_button.setFocus()
        self.keep_in_sight([self.assistant_button])

    def _on_assistant_secret_saved(self) -> None:
        self.secrets_panel.refresh()
        self._show_settle_note()
        self.secrets_changed.emit()

    def save_changes(self, changes: Mapping[str, str]) -> dict[str, str]:
        """Save *changes* ({setting: typed text}) over the saved settings, with the same checks
        as *Guardar ajustes*. Returns {setting: reason} and saves nothing when any value is
        refused ("" for a problem of no single field); {} once saved."""
        candidate, problems = self.settings, {}
        for key, raw in changes.items():
            try:
                candidate = with_value(candidate, key, raw)
            except SettingsError as exc:
                problems[exc.key or key] = _sentence(render(exc.reason))
        if not problems:
            try:
                candidate = validate(candidate)
            except SettingsError as exc:
                problems[exc.key or ""] = _sentence(render(exc.reason))
        if problems or candidate == self.settings:
            return problems
        try:
            self._settings_file.save(candidate)
        except OSError as exc:
            log.warning("settings not saved: %s", type(exc).__name__)
            return {
                "": self.tr("No se pudo escribir el archivo de ajustes ({error}).").format(
                    error=type(exc).__name__
                )
            }
        self._apply_saved(candidate)
        self.form.load(candidate)
        return {}

    def keep_in_sight(self, widgets: list[QWidget]) -> None:
        """Scroll so that *widgets* (a result that just changed) are in view, once they have
        been laid out; the last one matters most."""

        def scroll() -> None:
            # Lay out what just changed (nested layouts each wait for their own request).
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            for widget in widgets:
                if shiboken6.isValid(widget) and widget.isVisible():
                    self.ensureWidgetVisible(widget, 0, 16)

        QTimer.singleShot(0, self, scroll)

    def _on_save_clicked(self) -> None:
        self.form.clear_errors()
        candidate = self._parse_form()
        if candidate is None:
            return
        try:
            self._settings_file.save(candidate)
        except OSError as exc:
            self._show_message(self.tr("No se guardaron los ajustes."), error=True)
            present_error(self, exc)
            return
        self._apply_saved(candidate)

    def _parse_form(self) -> Settings | None:
        """A validated Settings from the form, or None after showing every problem found."""
        candidate = self.settings
        problems: list[tuple[str | None, SettingsError]] = []
        for key, raw in self.form.values().items():
            try:
                candidate = with_value(candidate, key, raw)
            except SettingsError as exc:
                problems.append((exc.key or key, exc))
        if not problems:
            try:
                return validate(candidate)
            except SettingsError as exc:
                problems.append((exc.key, exc))
        self._report(problems)
        return None

    def _report(self, problems: list[tuple[str | None, SettingsError]]) -> None:
        """Each reason under its field, plus one summary line naming the fields by their
        labels (never by the internal key)."""
        names = []
        for key, exc in problems:
            if key in self.form.editors:
                self.form.show_error(key, _sentence(render(exc.reason)))
            names.append(self.form.labels.get(key or "", setting_label(key or "")))
        if len(problems) == 1:
            key, exc = problems[0]
            message = render(exc.reason if key in self.form.editors else message_of(exc))
            text = self.tr("No se guardó nada. {field}: {message}").format(
                field=names[0], message=message
            )
        else:
            text = self.tr("No se guardó nada; revisa estos campos: {fields}.").format(
                fields=", ".join(names)
            )
        self._show_message(text, error=True)

    def _apply_saved(self, saved: Settings) -> None:
        previous, self.settings = self.settings, saved
        if saved.environment != previous.environment:
            # Each environment has its own keyring service; show the new one's secrets.
            store = self._secrets_factory(str(saved.environment))
            self.secrets_panel.set_store(store)
            self.mail_panel.set_store(store)
        self._show_settle_note()
        text = self.tr("Ajustes guardados.")
        if saved.language != previous.language:
            text += " " + self.tr("El idioma cambiará la próxima vez que abras MeStore.")
        self._show_message(text, error=False)
        self.settings_saved.emit(saved)

    def _mail_fields_changed(self) -> bool:
        """Whether the mail fields on screen mean something else than the saved ones."""
        shown, candidate = self.form.values(), self.settings
        try:
            for key in MAIL_KEYS:
                candidate = with_value(candidate, key, shown[key])
        except SettingsError:
            return True
        return candidate != self.settings

    def _show_message(self, text: str, error: bool) -> None:
        self.message.setText(text)
        set_style_property(self.message, "status", "declined" if error else "approved")
        self.message.show()


def _sentence(text: str) -> str:
    """A reason shown on its own begins with a capital letter."""
    return text[:1].upper() + text[1:]
