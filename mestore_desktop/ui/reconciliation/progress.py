"""While Wompi's pages are fetched: a busy bar, the counts so far and *Cancelar* (Esc)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:
    from mestore_desktop.services.back_office import FetchProgress


class ProgressBridge(QObject):
    """Carries the service's progress callback to the GUI thread, whichever thread calls it."""

    reported = Signal(object)

    def __call__(self, progress: FetchProgress) -> None:
        self.reported.emit(progress)


class ProgressRow(QWidget):
    """Hidden unless a reconciliation runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # Wompi does not say how many pages there are: a busy bar
        self.bar.setAccessibleName(self.tr("Progreso de la conciliación"))
        self.bar.setMaximumWidth(260)
        self.label = QLabel("", self)
        self.label.setAccessibleName(self.tr("Progreso"))
        self.cancel = QPushButton(self.tr("Cancelar"), self)
        self.cancel.setAccessibleName(self.tr("Cancelar"))
        self.cancel.setToolTip(self.tr("Detener la consulta a Wompi (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self) -> None:
        self.show_progress(None)
        self.show()
        self.cancel.setFocus()

    def show_progress(self, progress: FetchProgress | None) -> None:
        if progress is None:
            self.label.setText(self.tr("Consultando Wompi…"))
        else:
            self.label.setText(
                self.tr("Página {pages} · {n} transacciones").format(
                    pages=progress.pages, n=progress.transactions
                )
            )
