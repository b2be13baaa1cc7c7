"""*Importar catálogo…*: pick a CSV file, import its good rows, say what happened row by row."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mestore_desktop.services.catalogue import ImportReport
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.qt_async import run_op

CatalogueImporter = Callable[[bytes], Awaitable[ImportReport]]
ERRORS_SHOWN = 10  # the rest are counted; the CLI prints them all


class CatalogueImportAction:
    """Runs one import from a file chosen by staff; the result box lists the refused rows."""

    def __init__(self, parent: QWidget, importer: CatalogueImporter) -> None:
        self._parent = parent
        self._importer = importer
        self.result_box: QMessageBox | None = None

    def choose_file(self) -> None:
        dialog = QFileDialog(self._parent)
        dialog.setObjectName("CatalogueFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(
            QCoreApplication.translate("CatalogueImportAction", "Catálogo CSV (*.csv *.txt)")
        )
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()

    def import_file(self, path: Path) -> None:
        importer = self._importer

        async def run() -> ImportReport:
            return await importer(await asyncio.to_thread(path.read_bytes))

        run_op(self._parent, run, on_success=self._show)

    def _show(self, report: ImportReport) -> None:
        parsed = report.parsed
        text = (
            QCoreApplication.translate(
                "CatalogueImportAction", "Productos importados: %1 (nuevos %2, actualizados %3)."
            )
            .replace("%1", str(report.added + report.updated))
            .replace("%2", str(report.added))
            .replace("%3", str(report.updated))
        )
        if parsed.errors:
            text += "\n\n" + QCoreApplication.translate(
                "CatalogueImportAction", "Filas con errores (no se importaron): %1"
            ).replace("%1", str(parsed.rejected_rows))
            text += "\n" + "\n".join(render(error.text) for error in parsed.errors[:ERRORS_SHOWN])
        icon = QMessageBox.Icon.Warning if parsed.errors else QMessageBox.Icon.Information
        box = QMessageBox(
            icon,
            QCoreApplication.translate("CatalogueImportAction", "Importar catálogo"),
            text,
            QMessageBox.StandardButton.Ok,
        )
        box.setParent(self._parent, box.windowFlags())
        box.setObjectName("CatalogueImportResult")
        self.result_box = box
        box.open()
