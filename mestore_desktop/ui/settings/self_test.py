"""*Verificar instalación*: the setup self-test (issue 13, item 2) run from Ajustes.

The checks themselves live in ``mestore_desktop.services.doctor`` (the same ones ``mestore doctor``
runs); this panel only starts a run, shows each check as it ends (a green or red mark, what was
found and, for a red one, what to do), shows that work is going on, and lets staff cancel it with
*Cancelar verificación* or Esc. A run that crashes is reported in plain words in the summary line,
never silently dropped.

The Doctor is built by the composition root; the panel receives a factory and calls it at every
run, so each run checks the settings and keys saved *now* (the first-run assistant saves them a
step at a time).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.ui import icons
from mestore_desktop.ui.errors import user_message
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.theme import set_style_property

if TYPE_CHECKING:
    from mestore_desktop.services.doctor import Check, DoctorReport

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

_ICON_PX = 16


class SelfTest(Protocol):
    """What the panel needs of ``services.doctor.Doctor`` (RULES13 contract)."""

    async def run(self, on_check: Callable[[Check], None] | None = None) -> DoctorReport: ...


# A Doctor over the settings and keys saved at the moment it is called.
SelfTestFactory = Callable[[], SelfTest]


def check_label(name: str) -> str:
    """What staff call a check (its stable id, ``services.doctor.CHECK_NAMES``, otherwise)."""
    labels = {
        "wompi_keys": translate("SelfTest", "Llaves de Wompi"),
        "keys_environment": translate("SelfTest", "Ambiente de las llaves"),
        "integrity_secret": translate("SelfTest", "Secreto de integridad"),
        "relay_reachable": translate("SelfTest", "Relay accesible"),
        "relay_token": translate("SelfTest", "Token del relay"),
        "relay_events_secret": translate("SelfTest", "Eventos de Wompi en el relay"),
        "clock_drift": translate("SelfTest", "Hora del equipo"),
        "keyring": translate("SelfTest", "Llavero del sistema"),
        "database": translate("SelfTest", "Base de datos"),
        "disk_space": translate("SelfTest", "Espacio en disco"),
    }
    return labels.get(name, name)


class CheckRow(QWidget):
    """One finished check: a mark, its name and verdict, what was found, what to do."""

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        status = "approved" if check.ok else "declined"
        label = check_label(check.name)
        verdict = translate("SelfTest", "bien") if check.ok else translate("SelfTest", "falla")
        self.mark = QLabel(self)
        self.mark.setPixmap(icons.pixmap(status, _ICON_PX))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(
            translate("SelfTest", "{check}: {verdict}").format(check=label, verdict=verdict), self
        )
        self.title.setAccessibleName(label)
        set_style_property(self.title, "status", status)
        self.detail = QLabel(render(check.detail), self)
        self.detail.setWordWrap(True)
        self.fix = QLabel(self)
        self.fix.setWordWrap(True)
        if check.fix is not None and not check.ok:
            self.fix.setText(
                translate("SelfTest", "Qué hacer: {fix}").format(fix=render(check.fix))
            )
        else:
            self.fix.hide()
        # A screen reader announces the whole line from its name.
        self.title.setAccessibleDescription(
            " ".join(filter(None, (self.detail.text(), self.fix.text())))
        )
        text = QVBoxLayout()
        text.setSpacing(0)
        for widget in (self.title, self.detail, self.fix):
            text.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.mark)
        layout.addLayout(text, 1)


class SelfTestPanel(QWidget):
    """The *Verificar instalación* button, a busy bar and the list of finished checks.

    Signals:
        running_changed(bool): a run started (True) or ended, was cancelled or failed (False).
        finished(object): the ``DoctorReport`` of a run that ran to its end.
        in_sight(object): a list of widgets (summary, results) to scroll into view.
    """

    running_changed = Signal(bool)
    finished = Signal(object)
    in_sight = Signal(object)

    def __init__(
        self,
        doctor: SelfTestFactory | None,
        parent: QWidget | None = None,
        *,
        escape_cancels: bool = True,
    ) -> None:
        super().__init__(parent)
        self._escape_cancels = escape_cancels
        self._doctor = doctor
        self._task: asyncio.Task[DoctorReport] | None = None
        self._run = 0  # which run the callbacks belong to (a cancelled one may still report)
        self.report: DoctorReport | None = None
        self.button = QPushButton(self.tr("&Verificar instalación"), self)  # Alt+V
        self.button.setAccessibleName(self.tr("Verificar instalación"))
        self.button.setEnabled(doctor is not None)
        self.button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancelar verificación"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancelar verificación"))
        self.cancel_button.setAccessibleDescription(self.tr("Tecla Esc"))
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.button, self.cancel_button):
            button.setAutoDefault(True)  # Enter presses the focused one, as Space does
        self.cancel_button.hide()
        # Esc anywhere in the window stops a run in sight (Alt+V leaves the focus where it was);
        # enabled only while a run goes on, and Qt ignores it while the panel is hidden.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.setEnabled(False)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # no known length: an animated "working" bar
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Verificando"))
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.summary = QLabel(self._idle_text(), self)
        self.summary.setAccessibleName(self.tr("Resultado de la verificación"))
        self.summary.setWordWrap(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # can hold the focus during a run
        self.rows: list[CheckRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addLayout(self._rows_layout)

    def _idle_text(self) -> str:
        if self._doctor is None:
            return self.tr("La verificación de la instalación no está disponible aquí.")
        return self.tr(
            "Comprueba llaves, relay, llavero, base de datos, hora y disco, y dice qué arreglar."
        )

    @property
    def running(self) -> bool:
        return self._task is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Closing the window (the app's X) stops a run: its network work must not outlive the
        # services the app shuts down next. Leaving the page does not: the run goes on.
        self.window().installEventFilter(self)  # installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window() and self.running:
            self.cancel()
        return False

    def start(self) -> None:
        """Start a run (a run already going on is cancelled first)."""
        if self._doctor is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._run += 1
        run, factory = self._run, self._doctor
        self.report = None
        self._clear_rows()
        self.summary.setText(self.tr("Verificando la instalación…"))
        set_style_property(self.summary, "status", "")

        def on_check(check: Check) -> None:
            if run == self._run and self._task is not None:
                self._add_row(check)
                self._say_progress()

        async def op() -> DoctorReport:
            return await factory().run(on_check=on_check)

        self._task = run_op(
            self,
            op,
            on_success=lambda report: self._on_report(run, report),
            on_error=lambda exc: self._on_crash(run, exc),
        )
        self._set_running(True)
        self.in_sight.emit([self.summary, self.busy])

    def cancel(self) -> None:
        """Stop the run on screen; what already ended stays listed."""
        if self._task is None:
            return
        self._task.cancel()
        self._run += 1  # whatever the cancelled run still reports is ignored
        done = len(self.rows)
        self.summary.setText(
            self.tr(
                "Verificación cancelada; comprobaciones terminadas: {done}. Pulse Verificar "
                "instalación para empezar de nuevo."
            ).format(done=done)
        )
        set_style_property(self.summary, "status", "voided")
        self._set_running(False)

    def _say_progress(self) -> None:
        self.summary.setText(
            self.tr("Verificando la instalación… comprobaciones terminadas: {done}.").format(
                done=len(self.rows)
            )
        )

    def _on_report(self, run: int, report: DoctorReport) -> None:
        if run != self._run:
            return
        self.report = report
        self.show_checks(report.checks)
        failed = sum(1 for check in report.checks if not check.ok)
        if failed == 0:
            self.summary.setText(
                self.tr("Todo en orden: las {count} comprobaciones pasaron.").format(
                    count=len(report.checks)
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "{failed} de {count} comprobaciones fallaron; haga lo que dice cada una y "
                    "verifique de nuevo."
                ).format(failed=failed, count=len(report.checks))
            )
        set_style_property(self.summary, "status", "approved" if failed == 0 else "declined")
        self._set_running(False)
        self.in_sight.emit([*self.rows, self.summary])  # the verdict last: it wins the scroll
        self.finished.emit(report)

    def _on_crash(self, run: int, exc: Exception) -> None:
        # Not the central dialog: the answer belongs here, beside the button that asked.
        log.error("self-test failed", exc_info=(type(exc), exc, exc.__traceback__))
        if run != self._run:
            return
        self.summary.setText(
            self.tr(
                "La verificación no pudo terminar: {reason} Pulse Verificar instalación para "
                "intentarlo de nuevo."
            ).format(reason=_sentence_end(user_message(exc)))
        )
        set_style_property(self.summary, "status", "error")
        self._set_running(False)

    def show_checks(self, checks: Sequence[Check]) -> None:
        """List *checks* (the report's order), replacing what the run showed as they ended."""
        self._clear_rows()
        for check in checks:
            self._add_row(check)

    def _add_row(self, check: Check) -> None:
        row = CheckRow(check)
        self._rows_layout.addWidget(row)
        row.show()  # now, not at the next loop turn (a child added to a shown widget waits)
        self.rows.append(row)
        self.in_sight.emit([row])

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.hide()  # now: deleteLater would leave it on screen until the next loop turn
            row.deleteLater()
        self.rows.clear()

    def _set_running(self, running: bool) -> None:
        had_focus = self.button.hasFocus() or self.cancel_button.hasFocus()
        if not running:
            self._task = None
        self.busy.setVisible(running)
        self.escape.setEnabled(running and self._escape_cancels)
        self.button.setEnabled(not running and self._doctor is not None)
        self.cancel_button.setVisible(running)
        # The focus follows the button a person would press next (Esc works from there too).
        target = self.cancel_button if running else self.button
        if had_focus and shiboken6.isValid(target):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.running_changed.emit(running)


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
