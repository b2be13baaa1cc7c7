"""The central error dialog and the global exception hooks."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from mestore_desktop.secrets import InvalidSecretError
from mestore_desktop.settings import SettingsError
from mestore_desktop.ui.errors import install_global_handlers, present_error, user_message

pytestmark = pytest.mark.gui

GENERIC = "Ocurrió un error inesperado; los detalles quedaron en el registro."


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_user_facing_errors_are_shown_verbatim(owner):
    exc = SettingsError("Ajuste 'terminal_id' inválido: use de 1 a 8 letras.", "terminal_id")

    box = present_error(owner, exc)

    assert box.text() == str(exc)
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.isVisible()
    box.close()


def test_unexpected_errors_show_only_the_generic_sentence_and_log_the_traceback(owner, caplog):
    try:
        raise OSError("database /home/x/mestore.sqlite3 is locked")
    except OSError as exc:
        with caplog.at_level(logging.ERROR):
            box = present_error(owner, exc)

    assert box.text() == GENERIC
    assert "sqlite3" not in box.text()
    assert any(record.exc_info or record.exc_text for record in caplog.records)
    box.close()


def test_an_empty_user_facing_message_falls_back_to_the_generic_sentence():
    assert user_message(InvalidSecretError("")) == GENERIC
    assert user_message(InvalidSecretError("Llave privada: vacía.")) == "Llave privada: vacía."


def test_uncaught_exceptions_reach_the_dialog(owner, qloop_running, monkeypatch, qtbot):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_global_handlers(owner, qloop_running)
    try:
        raise ValueError("private detail")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    boxes = owner.findChildren(QMessageBox)
    assert [box.text() for box in boxes] == [GENERIC]
    boxes[0].close()


def test_asyncio_callback_errors_reach_the_dialog(owner, qloop_running, monkeypatch, qtbot):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_global_handlers(owner, qloop_running)

    def broken() -> None:
        raise SettingsError("Ajuste 'language' inválido: use 'es' o 'en'.", "language")

    qloop_running.call_soon(broken)

    qtbot.waitUntil(lambda: bool(owner.findChildren(QMessageBox)))
    assert (
        owner.findChildren(QMessageBox)[0].text() == "Ajuste 'language' inválido: use 'es' o 'en'."
    )
    owner.findChildren(QMessageBox)[0].close()
    qloop_running.set_exception_handler(None)
