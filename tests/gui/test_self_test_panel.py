"""*Ajustes › Verificar instalación* (issue 13, item 2) with a stand-in Doctor: each check shown as
it ends, green or red with its fix, a busy bar while it runs, Esc or *Cancelar verificación*
stops it, it runs again, and a Doctor that crashes is reported in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mestore_desktop.ui.settings.self_test import SelfTestPanel
from tests.gui.doctor_fakes import FakeDoctor, failed, passed

pytestmark = pytest.mark.gui


def shown_panel(qtbot, doctor: FakeDoctor | None) -> SelfTestPanel:
    panel = SelfTestPanel((lambda: doctor) if doctor is not None else None)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def test_each_check_is_shown_as_it_ends_then_the_summary(qtbot, qloop_running) -> None:
    doctor = FakeDoctor(checks=(passed("keyring"), failed("relay_events_secret")), gated=True)
    panel = shown_panel(qtbot, doctor)

    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)

    assert panel.busy.isVisible() and not panel.button.isEnabled()
    assert panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: doctor.runs == 1)
    doctor.release()
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    first = panel.rows[0]
    assert first.isVisible()  # at once, not at the next turn of the event loop
    assert first.title.text() == "Llavero del sistema: bien"
    assert first.title.property("status") == "approved"
    assert first.detail.text() == "Todo bien con keyring."
    assert not first.fix.isVisible()
    assert panel.busy.isVisible()  # one check is not the whole run
    assert panel.summary.text().endswith("comprobaciones terminadas: 1.")

    doctor.release()
    qtbot.waitUntil(lambda: not panel.running)
    red = panel.rows[1]
    assert red.title.text() == "Eventos de Wompi en el relay: falla"
    assert red.title.property("status") == "declined"
    assert red.fix.text() == "Qué hacer: Guarde el secreto correcto en Ajustes."
    assert not red.mark.pixmap().isNull()
    assert red.title.accessibleName() == "Eventos de Wompi en el relay"
    assert "Guarde el secreto" in red.title.accessibleDescription()
    assert panel.summary.text().startswith("1 de 2 comprobaciones fallaron")
    assert panel.summary.property("status") == "declined"
    assert not panel.busy.isVisible() and not panel.cancel_button.isVisible()
    assert panel.button.isEnabled()


def test_all_green_says_so(qtbot, qloop_running) -> None:
    doctor = FakeDoctor(checks=(passed("database"), passed("disk_space")))
    panel = shown_panel(qtbot, doctor)
    finished = []
    panel.finished.connect(finished.append)

    panel.start()

    qtbot.waitUntil(lambda: bool(finished))
    assert finished[0].ok
    assert panel.summary.text() == "Todo en orden: las 2 comprobaciones pasaron."
    assert [row.title.text() for row in panel.rows] == [
        "Base de datos: bien",
        "Espacio en disco: bien",
    ]


def test_esc_cancels_and_running_again_works(qtbot, qloop_running) -> None:
    doctor = FakeDoctor(checks=(passed("keyring"), passed("database")), gated=True)
    panel = shown_panel(qtbot, doctor)
    panel.button.setFocus()

    qtbot.keyClick(panel.button, Qt.Key.Key_Space)  # the keyboard's way to press it
    qtbot.waitUntil(lambda: doctor.runs == 1)
    assert QApplication.focusWidget() is panel.cancel_button  # Enter/Space/Esc all stop it
    doctor.release()
    qtbot.waitUntil(lambda: len(panel.rows) == 1)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    assert not panel.running and not panel.busy.isVisible()
    assert panel.summary.text().startswith("Verificación cancelada; comprobaciones terminadas: 1.")
    qtbot.waitUntil(lambda: doctor.cancelled == 1)  # the Doctor's task really stopped
    assert len(panel.rows) == 1  # what ended stays listed
    assert QApplication.focusWidget() is panel.button

    doctor.gated = False
    qtbot.keyClick(panel.button, Qt.Key.Key_Return)  # Enter presses it too
    qtbot.waitUntil(lambda: not panel.running)
    assert doctor.runs == 2
    assert panel.summary.text() == "Todo en orden: las 2 comprobaciones pasaron."
    assert len(panel.rows) == 2


def test_the_cancel_button_stops_the_run(qtbot, qloop_running) -> None:
    doctor = FakeDoctor(gated=True)
    panel = shown_panel(qtbot, doctor)
    panel.start()
    qtbot.waitUntil(lambda: doctor.runs == 1)

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    assert not panel.running
    qtbot.waitUntil(lambda: doctor.cancelled == 1)
    assert panel.rows == []


def test_a_crashing_doctor_is_reported_in_plain_words(qtbot, qloop_running, caplog) -> None:
    doctor = FakeDoctor(checks=(passed("keyring"),), crash=RuntimeError("boom at 0xdeadbeef"))
    panel = shown_panel(qtbot, doctor)

    panel.start()

    qtbot.waitUntil(lambda: not panel.running)
    text = panel.summary.text()
    assert text.startswith("La verificación no pudo terminar: Ocurrió un error inesperado")
    assert "Pulse Verificar instalación para intentarlo de nuevo." in text
    assert "boom" not in text and "RuntimeError" not in text
    assert panel.summary.property("status") == "error"
    assert "boom at 0xdeadbeef" in caplog.text  # the details went to the log
    assert panel.button.isEnabled()

    doctor.crash = None
    panel.start()
    qtbot.waitUntil(lambda: not panel.running)
    assert panel.summary.text().startswith("Todo en orden")


def test_a_doctor_that_cannot_be_built_is_reported_too(qtbot, qloop_running) -> None:
    def factory() -> FakeDoctor:
        raise OSError("no such file")

    panel = SelfTestPanel(factory)
    qtbot.addWidget(panel)
    panel.start()
    qtbot.waitUntil(lambda: not panel.running)
    assert panel.summary.text().startswith("La verificación no pudo terminar")


def test_without_a_doctor_the_button_is_disabled_and_says_why(qtbot) -> None:
    panel = shown_panel(qtbot, None)
    assert not panel.button.isEnabled()
    assert "no está disponible" in panel.summary.text()
    panel.start()  # nothing happens
    assert not panel.running


def test_the_button_has_a_mnemonic_and_names(qtbot) -> None:
    panel = shown_panel(qtbot, FakeDoctor())
    assert panel.button.text() == "&Verificar instalación"  # Alt+V
    assert panel.button.accessibleName() == "Verificar instalación"
    assert panel.cancel_button.accessibleName() == "Cancelar verificación"
