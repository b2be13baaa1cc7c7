"""The first-run assistant (issue 13, item 3): Ajustes as a short guided setup.

On a start without Wompi keys (and not in the demo) Ajustes opens as five steps: the environment,
the Wompi keys, the relay, the store's data, and the self-test of *Verificar instalación*. It can
be opened again from Ajustes at any time.

What is saved when: each step is saved when *Siguiente* is pressed (the environment together
with the keys, since the public key must match it), after the same validation as *Guardar
ajustes* (``settings.with_value``/``validate``); secrets go only to the keyring, through
``SecretStore.set``, and their fields are emptied at once. Leaving by any way (Esc, *Cancelar*,
the window's X, another page) keeps what earlier steps saved and drops what was typed in the open
step, so the settings file never holds a half-checked step. A secret field left empty keeps the
secret already saved.

Keys: Enter presses the focused button, or else *Siguiente* (*Terminar* on the last step);
Esc leaves (while the self-test runs, Esc cancels the test first); Alt+A/S/C/T are *Atrás*,
*Siguiente*, *Cancelar*, *Terminar*.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.secrets import SecretName, SecretsError, SecretStore
from mestore_desktop.settings import Settings, to_display
from mestore_desktop.ui.errors import user_message
from mestore_desktop.ui.settings.fields import FieldSpec, field_specs
from mestore_desktop.ui.settings.secrets_panel import secret_label
from mestore_desktop.ui.settings.self_test import SelfTestFactory, SelfTestPanel
from mestore_desktop.ui.theme import set_style_property

translate = QCoreApplication.translate

# Saves {setting: typed text} over the saved settings; returns {setting: reason} and saves
# nothing when any value is refused ("" as the key: a problem of no single field).
SaveSettings = Callable[[Mapping[str, str]], dict[str, str]]

WOMPI_SECRETS = (
    SecretName.WOMPI_PRIVATE_KEY,
    SecretName.INTEGRITY_SECRET,
    SecretName.EVENTS_SECRET,
)


def first_run_needed(store: SecretStore) -> bool:
    """A first start: no Wompi key (private key or integrity secret) in the environment's keyring.

    A keyring that cannot be read counts as no keys: the assistant's keys step then says why
    nothing can be saved, which is what such a machine's owner needs to read first.
    """
    try:
        status = store.status()
    except SecretsError:
        return True
    return not (status[SecretName.WOMPI_PRIVATE_KEY] or status[SecretName.INTEGRITY_SECRET])


class _StepPages(QWidget):
    """The steps' pages, one shown at a time. A QStackedWidget is as tall as its tallest page
    (a gap above the buttons of the shorter steps); here hidden pages take no room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:
        self._layout.addWidget(page)
        page.hide()
        self._pages.append(page)

    def setCurrentIndex(self, index: int) -> None:
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)
        self._current = index

    def currentIndex(self) -> int:
        return self._current


class _Choice(QWidget):
    """A setting's few values as radio buttons, all in sight (arrows move between them);
    a drop-down would hide them, and F4 would open it."""

    def __init__(self, choices: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.values: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, label in choices:
            radio = QRadioButton(label, self)
            radio.setAccessibleName(label)
            self.group.addButton(radio, len(self.values))
            self.values.append(value)
            layout.addWidget(radio)
        self.set_value(self.values[0])

    def value(self) -> str:
        return self.values[max(self.group.checkedId(), 0)]

    def set_value(self, value: str) -> None:
        index = self.values.index(value) if value in self.values else 0
        self.group.button(index).setChecked(True)

    def focus(self) -> None:
        self.group.checkedButton().setFocus(Qt.FocusReason.OtherFocusReason)


Editor = QLineEdit | _Choice


@dataclass
class _Field:
    """One editor of a step: a setting (``key``) or a secret (``secret``), its error line."""

    editor: Editor
    error: QLabel
    key: str = ""
    secret: SecretName | None = None
    status: QLabel | None = None

    def text(self) -> str:
        if isinstance(self.editor, _Choice):
            return self.editor.value()
        return self.editor.text()

    def focus(self) -> None:
        if isinstance(self.editor, _Choice):
            self.editor.focus()
        else:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.editor.selectAll()  # what is typed replaces the saved value, as after Tab

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


@dataclass
class _Step:
    title: str
    page: QWidget
    fields: list[_Field] = field(default_factory=list)


class FirstRunAssistant(QWidget):
    """Five steps with *Atrás*, *Siguiente*/*Terminar* and *Cancelar*.

    Signals:
        closed(bool, str): the assistant was left; True when *Terminar* ended it, and the
            sentence saying what was saved (for the Ajustes page to show).
        secrets_saved(): a secret was written to the keyring.
    """

    closed = Signal(bool, str)
    secrets_saved = Signal()

    def __init__(
        self,
        *,
        settings: Callable[[], Settings],
        save_settings: SaveSettings,
        secrets_for: Callable[[str], SecretStore],
        self_test: SelfTestFactory | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunAssistant")
        self._settings = settings
        self._save_settings = save_settings
        self._secrets_for = secrets_for
        self._specs = {spec.key: spec for spec in field_specs()}
        self.saved: list[str] = []  # what this opening saved, in words, in order
        self.heading = QLabel(self)
        self.heading.setObjectName("PageTitle")  # its text is its name: "Paso 2 de 5: …"
        self.pages = _StepPages(self)
        # Esc belongs to the assistant here (it cancels a running test, else leaves).
        self.self_test = SelfTestPanel(self_test, escape_cancels=False)
        self.steps = [
            self._environment_step(),
            self._keys_step(),
            self._relay_step(),
            self._store_step(),
            self._check_step(),
        ]
        for step in self.steps:
            self.pages.addWidget(step.page)
        self.message = QLabel(self)
        self.message.setObjectName("AssistantMessage")
        self.message.setAccessibleName(self.tr("Mensaje del asistente"))
        self.message.setWordWrap(True)
        self.message.hide()
        self.cancel_button = self._button(self.tr("&Cancelar"), self.tr("Cancelar"), self.leave)
        self.back_button = self._button(self.tr("&Atrás"), self.tr("Atrás"), self.back)
        self.next_button = self._button(self.tr("&Siguiente"), self.tr("Siguiente"), self.next)
        self._shortcuts()
        self.setLayout(self._layout())
        self._index = 0

    # -- building ----------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enter: list[QShortcut] = []
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self, self._on_enter)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.enter.append(shortcut)

    def _layout(self) -> QVBoxLayout:
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return layout

    def _page(self, intro: str) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        text = QLabel(intro, page)
        text.setWordWrap(True)
        form = QFormLayout()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text)
        layout.addLayout(form)
        return page, form

    def _setting_field(self, form: QFormLayout, key: str) -> _Field:
        spec = self._specs.get(key, FieldSpec(key, key, ""))
        editor: Editor
        if spec.choices:
            editor = _Choice(spec.choices)
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(spec.placeholder)
            editor.setClearButtonEnabled(True)
        editor.setObjectName(f"assistant_{key}")
        editor.setAccessibleName(spec.label)
        return self._add_row(form, spec.label, _Field(editor, _error_label(), key=key))

    def _secret_field(self, form: QFormLayout, name: SecretName) -> _Field:
        editor = QLineEdit()
        editor.setObjectName(f"assistant_{name.value}")
        editor.setEchoMode(QLineEdit.EchoMode.Password)
        editor.setAccessibleName(secret_label(name))
        status = QLabel()
        status.setAccessibleName(self.tr("Estado de {secret}").format(secret=secret_label(name)))
        found = _Field(editor, _error_label(), secret=name, status=status)
        return self._add_row(form, secret_label(name), found)

    @staticmethod
    def _add_row(form: QFormLayout, label: str, found: _Field) -> _Field:
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(found.editor, 1)
        if found.status is not None:
            line.addWidget(found.status)
        column.addLayout(line)
        column.addWidget(found.error)
        form.addRow(label, cell)
        return found

    def _environment_step(self) -> _Step:
        page, form = self._page(
            self.tr(
                "Bienvenido a MeStore. Estos pasos dejan la caja lista para cobrar con Wompi: el "
                "ambiente, las llaves, el relay y los datos del comercio; al final MeStore "
                "verifica la instalación. Cada paso se guarda al pulsar Siguiente; si sale antes "
                "(Esc, Cancelar o cerrando la ventana), lo escrito en el paso abierto no se "
                "guarda y lo de los pasos anteriores queda guardado. Sandbox es para pruebas sin "
                "dinero real; Producción cobra de verdad."
            )
        )
        return _Step(self.tr("Ambiente"), page, [self._setting_field(form, "environment")])

    def _keys_step(self) -> _Step:
        page, form = self._page(
            self.tr(
                "Copie las llaves del panel de Wompi (Desarrolladores › Llaves) del mismo "
                "ambiente. Los secretos se guardan solo en el llavero del sistema y nunca se "
                "vuelven a mostrar; deje un secreto vacío para conservar el que ya está guardado."
            )
        )
        fields = [self._setting_field(form, "public_key")]
        fields += [self._secret_field(form, name) for name in WOMPI_SECRETS]
        return _Step(self.tr("Llaves de Wompi"), page, fields)

    def _relay_step(self) -> _Step:
        page, form = self._page(
            self.tr(
                "El relay recibe los eventos de Wompi y se los pasa a esta caja, así un pago "
                "aprobado en el celular del cliente llega aunque la caja haya cerrado el cobro. "
                "Escriba su URL y el token de esta caja (quien administra el relay lo crea con "
                "'mestore-relay token create'). Sin relay, MeStore consulta a Wompi con la llave "
                "privada."
            )
        )
        fields = [
            self._setting_field(form, "relay_url"),
            self._secret_field(form, SecretName.RELAY_TOKEN),
        ]
        return _Step(self.tr("Relay"), page, fields)

    def _store_step(self) -> _Step:
        page, form = self._page(
            self.tr("Los datos del comercio salen en los recibos y en el cierre del día.")
        )
        keys = ("store_name", "store_nit", "terminal_id")
        return _Step(self.tr("Comercio"), page, [self._setting_field(form, key) for key in keys])

    def _check_step(self) -> _Step:
        page, _form = self._page(
            self.tr(
                "Todo lo anterior quedó guardado. MeStore verifica ahora la instalación con las "
                "llaves y el relay guardados; una comprobación en rojo dice qué hacer. Puede "
                "volver Atrás para corregir y verificar de nuevo."
            )
        )
        page.layout().addWidget(self.self_test)
        return _Step(self.tr("Verificación"), page)

    # -- navigation --------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    def open(self) -> None:
        """Start at the first step with the saved settings in the fields."""
        self.saved.clear()
        current = to_display(self._settings())
        for step in self.steps:
            for found in step.fields:
                if found.key:
                    _set_text(found, current.get(found.key, ""))
                else:
                    found.editor.clear()
                found.show_error("")
        self.message.hide()
        self._go(0)

    def next(self) -> None:
        """Save the open step and go on (on the last step: end the assistant)."""
        if self._index == len(self.steps) - 1:
            self._close(finished=True)
            return
        if self._save_step(self._index):
            self._go(self._index + 1)

    def back(self) -> None:
        """The step before, without saving the open one (its secrets are emptied)."""
        if self._index == 0:
            return
        self._drop_typed_secrets()
        self._go(self._index - 1)

    def leave(self) -> None:
        """Esc, *Cancelar*: leave now; what earlier steps saved stays saved."""
        self._close(finished=False)

    def _on_escape(self) -> None:
        if self.self_test.running:
            self.self_test.cancel()  # a first Esc stops the test; the next one leaves
        else:
            self.leave()

    def _on_enter(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QPushButton) and self.isAncestorOf(focus) and focus.isEnabled():
            focus.click()  # Enter presses the button that has the focus, as in a dialog
        else:
            self.next()

    def _go(self, index: int) -> None:
        if self.self_test.running:
            self.self_test.cancel()
        self._index = index
        step = self.steps[index]
        self.pages.setCurrentIndex(index)
        self.heading.setText(
            self.tr("Paso {number} de {total}: {title}").format(
                number=index + 1, total=len(self.steps), title=step.title
            )
        )
        last = index == len(self.steps) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("&Terminar") if last else self.tr("&Siguiente"))
        self.next_button.setAccessibleName(self.tr("Terminar") if last else self.tr("Siguiente"))
        if any(found.secret is not None for found in step.fields):
            self._show_secret_status()
        if index == 1:  # the public key's shape follows the environment just chosen
            prefix = "pub_prod_" if self._environment() == "production" else "pub_test_"
            public = step.fields[0].editor
            assert isinstance(public, QLineEdit)  # noqa: S101  the keys step starts with it
            public.setPlaceholderText(prefix + "…")
        if step.fields:
            step.fields[0].focus()
        else:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if last:
            self.message.hide()  # the step's text says all is saved; the results come next
            self.self_test.start()

    def _close(self, *, finished: bool) -> None:
        if self.self_test.running:
            self.self_test.cancel()
        step = self.steps[self._index]
        unsaved = self._unsaved(step)
        self._drop_typed_secrets()
        text = self.tr("Asistente terminado.") if finished else self.tr("Asistente cerrado.")
        if self.saved:
            text += " " + self.tr("Quedó guardado: {items}.").format(items=", ".join(self.saved))
        elif not finished:
            text += " " + self.tr("No se guardó nada.")
        if not finished and unsaved:
            text += " " + self.tr("Lo del paso «{step}» sin pulsar Siguiente no se guardó.").format(
                step=step.title
            )
        self.closed.emit(finished, text)

    # -- saving ------------------------------------------------------------------------------

    def _unsaved(self, step: _Step) -> bool:
        """Whether the step shows something else than what is saved (a typed secret counts)."""
        saved = to_display(self._settings())
        return any(
            bool(found.text()) if found.secret is not None else found.text() != saved[found.key]
            for found in step.fields
        )

    def _environment(self) -> str:
        return self.steps[0].fields[0].text()

    def _save_step(self, index: int) -> bool:
        """Save the step's settings (all or nothing), then its typed secrets; True to go on."""
        step = self.steps[index]
        for found in step.fields:
            found.show_error("")
        self.message.hide()
        if index == 0:
            return True  # the environment is saved with the keys (step 2), never alone
        changes = {found.key: found.text() for found in step.fields if found.key}
        if index == 1:
            changes = {"environment": self._environment(), **changes}
            if not changes["public_key"]:
                del changes["public_key"]  # keep the saved one (validate still checks it)
        before = to_display(self._settings())
        problems = self._save_settings(changes) if changes else {}
        if problems:
            self._show_problems(step, problems)
            return False
        after = to_display(self._settings())
        saved = [self._specs[key].label for key in changes if before[key] != after[key]]
        failed = self._save_secrets(step, saved)
        self._say_saved(saved)
        return not failed

    def _save_secrets(self, step: _Step, saved: list[str]) -> bool:
        """Store each typed secret; True when one was refused (shown under its field)."""
        store = self._secrets_for(self._environment())
        failed = False
        stored = False
        for found in step.fields:
            if found.secret is None or not found.text():
                continue
            value = found.text()
            found.editor.clear()  # before anything can fail: the value must not stay on screen
            try:
                store.set(found.secret, value)
            except SecretsError as exc:
                found.show_error(user_message(exc))
                failed = True
                continue
            saved.append(secret_label(found.secret))
            stored = True
        if stored:
            self.secrets_saved.emit()  # once per step: each emission restarts the payment sync
        self._show_secret_status()
        return failed

    def _show_problems(self, step: _Step, problems: Mapping[str, str]) -> None:
        shown = False
        for found in step.fields:
            if found.key in problems:
                found.show_error(problems[found.key])
                shown = True
        others = [reason for key, reason in problems.items() if not shown or key == ""]
        text = self.tr("No se guardó nada de este paso; corrija lo marcado.")
        if others:
            text = " ".join([text, *others])
        self._show_message(text, error=True)

    def _say_saved(self, saved: list[str]) -> None:
        if not saved:
            return
        step_items = ", ".join(saved)
        self.saved.extend(saved)
        self._show_message(self.tr("Guardado: {items}.").format(items=step_items), error=False)

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        set_style_property(self.message, "status", "declined" if error else "approved")
        self.message.show()

    def _show_secret_status(self) -> None:
        """Beside each secret: saved or not (never the value), in the chosen environment."""
        try:
            status = self._secrets_for(self._environment()).status()
        except SecretsError as exc:
            status = {}
            self._show_message(user_message(exc), error=True)
        for step in self.steps:
            for found in step.fields:
                if found.secret is None or found.status is None:
                    continue
                saved = status.get(found.secret, False)
                found.status.setText(self.tr("Guardado") if saved else self.tr("Sin configurar"))
                set_style_property(found.status, "status", "approved" if saved else "voided")
                assert isinstance(found.editor, QLineEdit)  # noqa: S101  secrets are line edits
                found.editor.setPlaceholderText(
                    self.tr("Vacío: se conserva el guardado")
                    if saved
                    else self.tr("Escriba o pegue el valor")
                )

    def _drop_typed_secrets(self) -> None:
        for step in self.steps:
            for found in step.fields:
                if found.secret is not None and shiboken6.isValid(found.editor):
                    found.editor.clear()


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("FieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _set_text(found: _Field, text: str) -> None:
    if isinstance(found.editor, _Choice):
        found.editor.set_value(text)
    else:
        found.editor.setText(text)
