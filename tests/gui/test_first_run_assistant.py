"""The first-run assistant (issue 13, item 3) inside *Ajustes*, with a stand-in Doctor: steps,
what each saves and when, every way out, keys only in the keyring and never echoed."""

from __future__ import annotations

import json

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from mestore_desktop.secrets import SecretStore
from mestore_desktop.settings import Environment, Settings, SettingsFile
from mestore_desktop.ui.settings.page import SettingsPage
from tests.gui.doctor_fakes import FakeDoctor, passed

pytestmark = pytest.mark.gui

PRIVATE = "prv_test_CANARYa1b2c3d4e5f6"
INTEGRITY = "test_integrity_CANARYz9y8x7"
EVENTS = "test_events_CANARYq1w2e3"
TOKEN = "relay-token-CANARY-4455"
SANDBOX = "mestore-desktop/sandbox"


@pytest.fixture
def page(qtbot, qloop_running, home):
    doctor = FakeDoctor(checks=(passed("keyring"), passed("database")))
    settings_page = SettingsPage(
        settings=SettingsFile(home).load(),
        settings_file=SettingsFile(home),
        secrets=SecretStore("sandbox"),
        secrets_factory=SecretStore,
        self_test=lambda: doctor,
    )
    settings_page.doctor = doctor  # for the tests' eyes only
    qtbot.addWidget(settings_page)
    settings_page.resize(1000, 700)
    settings_page.show()
    settings_page.activateWindow()
    qtbot.waitUntil(settings_page.isActiveWindow)
    return settings_page


def key(qtbot, name: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), name, modifier)


def type_here(qtbot, text: str) -> None:
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, text)


def focus_named(page, name: str) -> QLineEdit:
    for field in page.assistant.findChildren(QLineEdit):
        if field.accessibleName() == name and field.isVisible():
            field.setFocus()
            return field
    raise AssertionError(f"no visible field {name!r}")


def test_first_run_is_needed_until_a_wompi_key_is_saved(page, memory_keyring) -> None:
    assert page.first_run_needed()
    memory_keyring.values[(SANDBOX, "relay_token")] = TOKEN
    assert page.first_run_needed()  # a relay token alone is not a Wompi key
    memory_keyring.values[(SANDBOX, "wompi_integrity_secret")] = INTEGRITY
    assert not page.first_run_needed()


def test_the_whole_setup_by_keyboard_saves_each_step_and_ends_with_the_self_test(
    page, home, memory_keyring, qtbot
) -> None:
    assistant = page.assistant
    page.open_assistant()
    assert assistant.isVisible() and not page.normal.isVisible()
    assert assistant.heading.text() == "Paso 1 de 5: Ambiente"
    key(qtbot, Qt.Key.Key_Return)  # sandbox, as it is

    assert assistant.heading.text() == "Paso 2 de 5: Llaves de Wompi"
    type_here(qtbot, "pub_test_Abc123")  # the focus starts in the first field
    for name, value in (
        ("Llave privada de Wompi", PRIVATE),
        ("Secreto de integridad", INTEGRITY),
        ("Secreto de eventos", EVENTS),
    ):
        field = focus_named(page, name)
        assert field.echoMode() is QLineEdit.EchoMode.Password
        qtbot.keyClicks(field, value)
    key(qtbot, Qt.Key.Key_Return)

    assert assistant.heading.text() == "Paso 3 de 5: Relay"
    assert "Guardado: Llave pública, Llave privada de Wompi" in assistant.message.text()
    assert memory_keyring.values[(SANDBOX, "wompi_private_key")] == PRIVATE
    assert memory_keyring.values[(SANDBOX, "wompi_integrity_secret")] == INTEGRITY
    assert memory_keyring.values[(SANDBOX, "wompi_events_secret")] == EVENTS
    assert SettingsFile(home).load().public_key == "pub_test_Abc123"
    type_here(qtbot, "https://relay.mitienda.co")
    qtbot.keyClicks(focus_named(page, "Token del relay"), TOKEN)
    key(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter too

    assert assistant.heading.text() == "Paso 4 de 5: Comercio"
    type_here(qtbot, "Tienda La Rosa")
    focus_named(page, "NIT")
    type_here(qtbot, "900123456-8")
    key(qtbot, Qt.Key.Key_Return)

    assert assistant.heading.text() == "Paso 5 de 5: Verificación"
    qtbot.waitUntil(lambda: page.doctor.runs == 1)
    qtbot.waitUntil(lambda: not assistant.self_test.running)
    assert assistant.self_test.summary.text().startswith("Todo en orden")
    assert assistant.next_button.accessibleName() == "Terminar"
    key(qtbot, Qt.Key.Key_Return)  # Terminar

    assert not assistant.isVisible() and page.normal.isVisible()
    note = page.assistant_note
    assert note.isVisible() and not page.message.isVisible()  # at the top, where it is seen
    assert note.text().startswith("Asistente terminado. Quedó guardado: Llave pública,")
    assert SettingsFile(home).load() == Settings(
        environment=Environment.SANDBOX,
        public_key="pub_test_Abc123",
        relay_url="https://relay.mitienda.co",
        store_name="Tienda La Rosa",
        store_nit="900123456-8",
    )
    assert memory_keyring.values[(SANDBOX, "relay_token")] == TOKEN
    assert page.form.values()["store_name"] == "Tienda La Rosa"  # the full form follows
    assert not page.first_run_needed()
    saved_file = (home / "settings.json").read_text()
    for secret in (PRIVATE, INTEGRITY, EVENTS, TOKEN):
        assert secret not in saved_file
        assert all(secret not in field.text() for field in page.findChildren(QLineEdit))
    assert json.loads(saved_file)["store_name"] == "Tienda La Rosa"


def test_esc_leaves_keeping_earlier_steps_and_dropping_the_open_one(
    page, home, memory_keyring, qtbot
) -> None:
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Return)
    type_here(qtbot, "pub_test_Saved1")
    key(qtbot, Qt.Key.Key_Return)  # step 2 saved
    type_here(qtbot, "https://relay.nunca.co")
    qtbot.keyClicks(focus_named(page, "Token del relay"), TOKEN)

    key(qtbot, Qt.Key.Key_Escape)

    assert not page.assistant.isVisible() and page.normal.isVisible()
    text = page.assistant_note.text()
    assert text.startswith("Asistente cerrado. Quedó guardado: Llave pública.")
    assert "«Relay» sin pulsar Siguiente no se guardó" in text
    saved = SettingsFile(home).load()
    assert saved.public_key == "pub_test_Saved1" and saved.relay_url == ""
    assert (SANDBOX, "relay_token") not in memory_keyring.values
    assert all(TOKEN not in field.text() for field in page.findChildren(QLineEdit))
    assert QApplication.focusWidget() is page.assistant_button  # where it can be reopened
    key(qtbot, Qt.Key.Key_Return)  # Enter on it (seen by hand: a plain button ignored Enter)
    assert page.assistant.isVisible() and page.assistant.index == 0


def test_cancelar_at_the_first_step_saves_nothing(page, home, qtbot) -> None:
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Escape)  # nothing changed: nothing more to say
    assert page.assistant_note.text() == "Asistente cerrado. No se guardó nada."
    page.open_assistant()
    page.assistant.steps[0].fields[0].editor.set_value("production")  # not saved alone
    qtbot.mouseClick(page.assistant.cancel_button, Qt.MouseButton.LeftButton)
    assert page.assistant_note.text() == (
        "Asistente cerrado. No se guardó nada. "
        "Lo del paso «Ambiente» sin pulsar Siguiente no se guardó."
    )
    assert not (home / "settings.json").exists()


def test_a_refused_step_saves_nothing_and_says_where(page, home, memory_keyring, qtbot) -> None:
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Down)  # Producción, the radio below Sandbox
    key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget().placeholderText() == "pub_prod_…"
    type_here(qtbot, "pub_test_Abc123")  # a sandbox key for production
    qtbot.keyClicks(focus_named(page, "Llave privada de Wompi"), PRIVATE)
    key(qtbot, Qt.Key.Key_Return)

    assistant = page.assistant
    assert assistant.heading.text() == "Paso 2 de 5: Llaves de Wompi"  # stays
    public = assistant.steps[1].fields[0]
    assert public.error.isVisible() and "pub_prod_" in public.error.text()
    assert assistant.message.text().startswith("No se guardó nada de este paso")
    assert not (home / "settings.json").exists()
    assert memory_keyring.values == {}


def test_an_invalid_secret_is_named_and_the_rest_of_the_step_is_saved(
    page, home, memory_keyring, qtbot
) -> None:
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(focus_named(page, "Secreto de integridad"), INTEGRITY)
    focus_named(page, "Secreto de eventos").setText("   ")  # blanks only: refused
    key(qtbot, Qt.Key.Key_Return)

    assistant = page.assistant
    assert assistant.index == 1
    events = assistant.steps[1].fields[3]
    assert events.error.isVisible() and "vacío" in events.error.text()
    assert memory_keyring.values[(SANDBOX, "wompi_integrity_secret")] == INTEGRITY
    assert "Secreto de integridad" in assistant.message.text()
    assert events.status.text() == "Sin configurar"
    assert assistant.steps[1].fields[2].status.text() == "Guardado"


def test_atras_does_not_save_and_enter_presses_the_focused_button(page, home, qtbot) -> None:
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Return)
    type_here(qtbot, "pub_test_NotSaved")
    page.assistant.back_button.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # Atrás has the focus: Enter presses it
    assert page.assistant.index == 0
    assert not (home / "settings.json").exists()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: Siguiente
    qtbot.waitUntil(lambda: page.assistant.index == 1)  # a mnemonic animates the click first


def test_esc_during_the_self_test_cancels_it_and_a_second_esc_leaves(page, qtbot) -> None:
    page.doctor.gated = True
    assistant = page.assistant
    page.open_assistant()
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Return)
    assert assistant.index == 4
    qtbot.waitUntil(lambda: page.doctor.runs == 1)
    assert assistant.self_test.busy.isVisible()

    key(qtbot, Qt.Key.Key_Escape)
    assert assistant.isVisible() and not assistant.self_test.running
    qtbot.waitUntil(lambda: page.doctor.cancelled == 1)
    assert assistant.self_test.summary.text().startswith("Verificación cancelada")

    page.doctor.gated = False
    qtbot.mouseClick(assistant.self_test.button, Qt.MouseButton.LeftButton)  # again
    qtbot.waitUntil(lambda: not assistant.self_test.running)
    assert assistant.self_test.summary.text().startswith("Todo en orden")

    key(qtbot, Qt.Key.Key_Escape)
    assert not assistant.isVisible()
    assert page.assistant_note.text().startswith("Asistente cerrado.")


def test_it_reopens_from_ajustes_with_the_saved_values(page, home, qtbot) -> None:
    SettingsFile(home).save(Settings(store_name="La Esquina", terminal_id="T07"))
    page.settings = SettingsFile(home).load()
    qtbot.mouseClick(page.assistant_button, Qt.MouseButton.LeftButton)
    assert page.assistant.isVisible() and page.assistant.index == 0
    assert page.assistant.steps[3].fields[0].text() == "La Esquina"
    assert page.assistant.steps[3].fields[2].text() == "T07"


def test_without_a_keyring_the_keys_step_says_why_nothing_can_be_saved(page, home, qtbot) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the memory_keyring fixture
    assert page.first_run_needed()  # no keys can be read: the owner needs the assistant
    page.open_assistant()
    key(qtbot, Qt.Key.Key_Return)

    assistant = page.assistant
    assert assistant.message.isVisible()
    assert "No hay un llavero del sistema seguro disponible" in assistant.message.text()
    type_here(qtbot, "pub_test_Abc123")
    qtbot.keyClicks(focus_named(page, "Llave privada de Wompi"), PRIVATE)
    key(qtbot, Qt.Key.Key_Return)

    assert assistant.index == 1  # stays: the key was not saved
    private = assistant.steps[1].fields[1]
    assert "llavero" in private.error.text()
    assert private.editor.text() == ""  # never left in the widget
    assert SettingsFile(home).load().public_key == "pub_test_Abc123"  # the rest of the step


def test_the_buttons_follow_the_step_without_a_gap(page, qtbot) -> None:
    """A plain stack is as tall as its tallest step: the short steps had a gap (seen by hand)."""
    assistant = page.assistant
    page.open_assistant()
    tallest = max(step.page.sizeHint().height() for step in assistant.steps)
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Return)
    assert assistant.index == 3  # Comercio: three fields and one line of text
    shown_step = assistant.steps[3].page
    assert assistant.pages.sizeHint().height() == shown_step.sizeHint().height() < tallest
    # Wrapped text: as tall as the step is at the width it has, not at its preferred width.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert assistant.pages.height() == shown_step.heightForWidth(assistant.pages.width())
