"""The *Ajustes* page: settings round trip, field errors, and write-only secrets."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from mestore_desktop.secrets import SecretName
from mestore_desktop.settings import Environment, Settings, SettingsFile, SmtpSecurity

pytestmark = pytest.mark.gui

CANARY = "prv_test_CANARY7f3a9c2e41d8b6"


def fill(page, key: str, text: str) -> None:
    editor = page.form.editors[key]
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(text))
    else:
        editor.setText(text)


def open_settings(window):
    window.show_page(4)
    return window.settings_page


def test_settings_round_trip_through_the_form(make_window, home, qtbot):
    window = make_window()
    page = open_settings(window)
    edits = {
        "environment": "production",
        "public_key": "pub_prod_Abc123",
        "wompi_api_url": "https://production.wompi.co/v1",
        "checkout_url": "http://localhost:8765/p/",
        "relay_url": "https://relay.mitienda.co",
        "terminal_id": "t02",
        "store_name": "Tienda Doña Rosa",
        "store_nit": "900.123.456-8",
        "language": "en",
        "smtp_host": "SMTP.MiTienda.co",
        "smtp_port": "465",
        "smtp_security": "ssl",
        "smtp_username": "ventas@mitienda.co",
        "smtp_from": "ventas@mitienda.co",
    }
    for key, text in edits.items():
        fill(page, key, text)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert SettingsFile(home).load() == Settings(
        environment=Environment.PRODUCTION,
        public_key="pub_prod_Abc123",
        wompi_api_url="https://production.wompi.co/v1",
        checkout_url="http://localhost:8765/p/",
        relay_url="https://relay.mitienda.co",
        terminal_id="T02",
        store_name="Tienda Doña Rosa",
        store_nit="900123456-8",
        language="en",
        smtp_host="smtp.mitienda.co",
        smtp_port=465,
        smtp_security=SmtpSecurity.SSL,
        smtp_username="ventas@mitienda.co",
        smtp_from="ventas@mitienda.co",
    )
    assert page.message.text().startswith("Ajustes guardados.")
    assert "idioma cambiará" in page.message.text()
    # The shell follows the saved settings.
    assert window.header.store_name.text() == "Tienda Doña Rosa"
    assert window.header.badge.text() == "PRODUCCIÓN"
    assert window.status.terminal.text() == "Terminal T02"
    # The form now shows the normalised values.
    reloaded = make_window()
    assert reloaded.settings_page.form.values()["terminal_id"] == "T02"


def test_a_bad_value_names_the_field_by_its_label_and_saves_nothing(make_window, home, qtbot):
    page = open_settings(make_window())
    fill(page, "store_name", "Otro nombre")
    fill(page, "terminal_id", "caja #1")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    field_error = page.form.errors["terminal_id"]
    assert field_error.isVisible()
    assert field_error.text().startswith("Use de 1 a 8 letras")  # the label is beside it
    assert page.message.text().startswith("No se guardó nada. Id de la terminal: use de 1 a 8")
    assert "terminal_id" not in field_error.text() + page.message.text()
    assert page.message.property("status") == "declined"
    assert not page.form.errors["store_name"].isVisible()
    assert not (home / "settings.json").exists()
    assert SettingsFile(home).load() == Settings()


def test_several_bad_values_are_all_marked(make_window, home, qtbot):
    page = open_settings(make_window())
    fill(page, "store_nit", "NIT-ABC")
    fill(page, "relay_url", "ftp://relay")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert page.form.errors["store_nit"].isVisible()
    assert page.form.errors["relay_url"].isVisible()
    assert "NIT" in page.message.text()
    assert "URL del relay" in page.message.text()
    assert not (home / "settings.json").exists()


def test_cross_field_error_is_shown_on_the_public_key(make_window, home, qtbot):
    window = make_window(Settings(store_name="Antes"))
    page = open_settings(window)
    fill(page, "environment", "production")
    fill(page, "public_key", "pub_test_abc")
    fill(page, "store_name", "Después")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "pub_prod_" in page.form.errors["public_key"].text()
    assert "Llave pública" in page.message.text()
    assert "public_key" not in page.form.errors["public_key"].text() + page.message.text()
    assert SettingsFile(home).load().store_name == "Antes"
    assert window.header.store_name.text() == "Antes"


def test_a_secret_pasted_into_a_setting_is_refused_without_echoing_it(make_window, home, qtbot):
    page = open_settings(make_window())
    fill(page, "public_key", CANARY)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "Llave pública" in page.message.text()
    assert CANARY not in page.message.text()
    assert not (home / "settings.json").exists()


def _widget_texts() -> list[str]:
    """Every piece of text held or shown by any widget of an open window (or dialog).

    Windows of earlier tests are closed but may not be collected yet; they are skipped.
    """
    texts: list[str] = []
    getters = ("text", "toPlainText", "placeholderText", "windowTitle", "toolTip", "statusTip")
    for widget in QApplication.allWidgets():
        if not widget.window().isVisible():
            continue
        for getter in getters:
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    texts.append(str(method()))
                except TypeError:
                    continue  # e.g. QListWidgetItem-style getters that need an argument
        texts.append(widget.accessibleName())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
    return texts


def test_canary_secret_goes_only_to_the_keyring(make_window, logged_home, memory_keyring, qtbot):
    window = make_window()
    page = open_settings(window)
    row = page.secrets_panel.rows[SecretName.WOMPI_PRIVATE_KEY]
    assert row.input.echoMode() is QLineEdit.EchoMode.Password
    assert row.status.text().endswith("Sin configurar")

    qtbot.keyClicks(row.input, CANARY)
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    fill(page, "store_name", "Tienda Canario")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    page.secrets_panel.refresh()

    assert memory_keyring.values[("mestore-desktop/sandbox", "wompi_private_key")] == CANARY
    assert row.input.text() == ""
    assert row.status.text().endswith("Guardado")
    assert SettingsFile(logged_home).load().store_name == "Tienda Canario"
    files = [path for path in logged_home.rglob("*") if path.is_file()]
    assert any(path.suffix == ".log" for path in files)
    for path in files:
        assert path.read_bytes().count(CANARY.encode()) == 0, path
    texts = _widget_texts()
    assert "Guardar ajustes" in texts  # the scan really covered the open window
    assert sum(text.count(CANARY) for text in texts) == 0


def test_saving_a_secret_without_a_keyring_is_refused_clearly(make_window, qtbot):
    keyring.set_keyring(keyring.backends.fail.Keyring())  # restored by the memory_keyring fixture
    page = open_settings(make_window())
    panel = page.secrets_panel
    row = panel.rows[SecretName.RELAY_TOKEN]
    assert panel.message.isVisible()  # the missing keyring is reported as soon as the page opens

    qtbot.keyClicks(row.input, "relay-token-value-123")
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)

    assert "llavero" in panel.message.text()
    assert "No hay un llavero del sistema seguro disponible" in panel.message.text()
    assert "Traceback" not in panel.message.text()
    assert row.status.text().endswith("Sin configurar")
    assert row.input.text() == ""


def test_delete_removes_the_secret(make_window, memory_keyring, qtbot):
    memory_keyring.values[("mestore-desktop/sandbox", "smtp_password")] = "smtp-pass-xyz"
    page = open_settings(make_window())
    row = page.mail_panel.password_row  # with the other mail settings, not under Secretos
    assert SecretName.SMTP_PASSWORD not in page.secrets_panel.rows
    assert row.status.text().endswith("Guardado")

    qtbot.mouseClick(row.delete_button, Qt.MouseButton.LeftButton)

    assert ("mestore-desktop/sandbox", "smtp_password") not in memory_keyring.values
    assert row.status.text().endswith("Sin configurar")
    assert not row.delete_button.isEnabled()


def test_an_invalid_secret_is_refused_and_cleared(make_window, memory_keyring, qtbot):
    page = open_settings(make_window())
    row = page.secrets_panel.rows[SecretName.EVENTS_SECRET]

    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)

    assert "Secreto de eventos" in page.secrets_panel.message.text()
    assert "vacío" in page.secrets_panel.message.text()
    assert memory_keyring.values == {}


def test_changing_environment_switches_the_secrets_shown(make_window, memory_keyring, qtbot):
    memory_keyring.values[("mestore-desktop/production", "relay_token")] = "prod-token-123"
    page = open_settings(make_window())
    row = page.secrets_panel.rows[SecretName.RELAY_TOKEN]
    assert row.status.text().endswith("Sin configurar")

    fill(page, "environment", "production")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert page.secrets_panel.store.service == "mestore-desktop/production"
    assert row.status.text().endswith("Guardado")
    assert "production" in page.secrets_panel.intro.text()


def test_a_bad_smtp_port_is_named_puerto_smtp_never_smtp_port(make_window, home, qtbot):
    page = open_settings(make_window())
    fill(page, "smtp_port", "70000")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    shown = page.form.errors["smtp_port"].text() + " " + page.message.text()
    assert "Puerto SMTP" in page.message.text()
    assert "65535" in page.form.errors["smtp_port"].text()
    assert "smtp_port" not in shown and "'" not in shown
    assert page.form.editors["smtp_port"].accessibleName() == "Puerto SMTP"


def test_every_settings_control_has_an_accessible_name(make_window, qtbot):
    from PySide6.QtWidgets import QAbstractButton

    page = open_settings(make_window())
    controls = page.widget().findChildren(QLineEdit) + page.widget().findChildren(QComboBox)
    controls += page.widget().findChildren(QAbstractButton)
    unnamed = [
        (type(c).__name__, c.objectName(), getattr(c, "text", lambda: "")())
        for c in controls
        # Qt's own parts: a line edit's clear button, a spin box's inner field.
        if not c.accessibleName()
        and not isinstance(c.parentWidget(), QLineEdit)
        and not c.objectName().startswith("qt_")
    ]
    assert unnamed == []
    assert page.save_button.accessibleName() == "Guardar ajustes"
    assert page.connection_panel.button.accessibleName() == "Probar conexión"
