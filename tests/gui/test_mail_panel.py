"""Ajustes > Correo (SMTP): fields, the password row and *Enviar correo de prueba* against a real
SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox

from mestore_desktop.settings import Settings, SettingsFile, SmtpSecurity
from tests.support.smtp_server import smtp_server

pytestmark = pytest.mark.gui

PASSWORD = "clave-smtp-CANARIO-41d8"


def mail_settings(port: int, *, username: str = "") -> Settings:
    return Settings(
        store_name="Tienda Doña Rosa",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=SmtpSecurity.NONE,
        smtp_username=username,
        smtp_from="ventas@mitienda.co",
    )


def open_mail_panel(window):
    window.show_page(4)
    return window.settings_page.mail_panel


def click_test(panel, qtbot) -> None:
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)


def wait_for_result(panel, qtbot) -> None:
    qtbot.waitUntil(lambda: panel.result.property("status") != "pending", timeout=10_000)
    qtbot.waitUntil(panel.test_button.isEnabled, timeout=2_000)


def test_the_mail_fields_and_password_are_in_one_section(make_window):
    page = make_window().settings_page
    box = page.mail_panel.parentWidget()
    while not isinstance(box, QGroupBox):
        box = box.parentWidget()
    assert box.title() == "Correo (SMTP)"
    for key in ("smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_from"):
        assert box.isAncestorOf(page.form.editors[key]), key
    assert page.mail_panel.test_button.text() == "Enviar correo de prueba"


def test_test_message_logs_in_and_reaches_the_local_server(
    make_window, memory_keyring, qloop_running, qtbot
):
    with smtp_server(login=("caja", PASSWORD)) as server:
        window = make_window(mail_settings(server.port, username="caja"))
        panel = open_mail_panel(window)
        qtbot.keyClicks(panel.password_row.input, PASSWORD)
        qtbot.mouseClick(panel.password_row.save_button, Qt.MouseButton.LeftButton)
        assert memory_keyring.values[("mestore-desktop/sandbox", "smtp_password")] == PASSWORD

        click_test(panel, qtbot)
        assert not panel.test_button.isEnabled()  # busy while the message is on its way
        assert "Enviando" in panel.result.text()
        wait_for_result(panel, qtbot)

        [received] = server.handler.messages
    assert received.authenticated
    assert received.rcpt_tos == ["ventas@mitienda.co"]
    assert received.message["Subject"] == "Correo de prueba de MeStore — Tienda Doña Rosa"
    assert panel.result.property("status") == "approved"
    assert "se envió un correo de prueba a ventas@mitienda.co" in panel.result.text()


def test_wrong_password_is_said_plainly_and_never_shown(
    make_window, memory_keyring, qloop_running, qtbot
):
    memory_keyring.values[("mestore-desktop/sandbox", "smtp_password")] = "otra-clave-mala-99"
    with smtp_server(login=("caja", PASSWORD)) as server:
        panel = open_mail_panel(make_window(mail_settings(server.port, username="caja")))
        click_test(panel, qtbot)
        wait_for_result(panel, qtbot)
        assert server.handler.messages == []

    assert panel.result.property("status") == "declined"
    assert "rechazó el usuario o la contraseña" in panel.result.text()
    shown = [w.text() for w in QApplication.allWidgets() if hasattr(w, "text")]
    assert not any("otra-clave-mala-99" in str(text) for text in shown)


def test_a_closed_port_is_reported_and_the_button_comes_back(make_window, qloop_running, qtbot):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    panel = open_mail_panel(make_window(mail_settings(port)))

    click_test(panel, qtbot)
    wait_for_result(panel, qtbot)

    assert panel.result.property("status") == "declined"
    assert f"No se pudo conectar con el servidor de correo 127.0.0.1:{port}" in panel.result.text()


def test_unsaved_mail_changes_must_be_saved_before_testing(make_window, qloop_running, qtbot):
    with smtp_server() as server:
        window = make_window(mail_settings(server.port))
        panel = open_mail_panel(window)
        window.settings_page.form.editors["smtp_from"].setText("otro@mitienda.co")

        click_test(panel, qtbot)

        assert "Guarde los ajustes antes de probar" in panel.result.text()
        assert panel.test_button.isEnabled()
        qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)
        click_test(panel, qtbot)
        wait_for_result(panel, qtbot)
        [received] = server.handler.messages
    assert received.rcpt_tos == ["otro@mitienda.co"]


def test_without_a_server_the_test_says_what_to_fill_in(make_window, home, qloop_running, qtbot):
    panel = open_mail_panel(make_window())
    click_test(panel, qtbot)
    assert "El correo no está configurado" in panel.result.text()
    assert panel.result.property("status") == "declined"
    assert SettingsFile(home).load().smtp_host == ""


def test_a_user_without_a_saved_password_is_told_to_save_it(make_window, qloop_running, qtbot):
    with smtp_server(login=("caja", PASSWORD)) as server:
        panel = open_mail_panel(make_window(mail_settings(server.port, username="caja")))
        assert panel.password_row.status.text().endswith("Sin configurar")
        click_test(panel, qtbot)
        wait_for_result(panel, qtbot)
        assert server.handler.messages == []
    assert "Falta la contraseña SMTP" in panel.result.text()


def test_switching_environment_shows_that_environments_password(make_window, memory_keyring, qtbot):
    memory_keyring.values[("mestore-desktop/production", "smtp_password")] = "prod-smtp-clave"
    window = make_window()
    panel = open_mail_panel(window)
    assert panel.password_row.status.text().endswith("Sin configurar")

    editor = window.settings_page.form.editors["environment"]
    editor.setCurrentIndex(editor.findData("production"))
    qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)

    assert panel.password_row.store.service == "mestore-desktop/production"
    assert panel.password_row.status.text().endswith("Guardado")


def test_the_result_stays_in_sight_and_the_keyboard_stays_on_the_button(
    make_window, qloop_running, qtbot
):
    """In the smallest window the page scrolls: testing must not jump back to the top."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = make_window(mail_settings(port))
    window.resize(1024, 640)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = open_mail_panel(window)
    page = window.settings_page
    page.ensureWidgetVisible(panel.test_button)
    qtbot.waitUntil(lambda: in_sight(page, panel.test_button))
    panel.test_button.setFocus()
    scrolled = page.verticalScrollBar().value()
    assert scrolled > 0

    click_test(panel, qtbot)
    assert in_sight(page, panel.result)
    wait_for_result(panel, qtbot)

    qtbot.waitUntil(lambda: in_sight(page, panel.result))
    assert page.verticalScrollBar().value() >= scrolled - 50  # no jump to the top
    assert panel.test_button.hasFocus()
    assert panel.test_button.accessibleName() == "Enviar correo de prueba"
    assert panel.result.accessibleName() == "Resultado de la prueba de correo"


def in_sight(page, widget) -> bool:
    from PySide6.QtCore import QRect

    viewport = page.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))
