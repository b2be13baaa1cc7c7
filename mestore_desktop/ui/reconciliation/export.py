"""*Exportar CSV*: ask for a folder without blocking the loop, then write every queue's file."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from mestore_desktop.domain.reconciliation import Reconciliation

if TYPE_CHECKING:
    from mestore_desktop.services.back_office import ReconciliationService

log = logging.getLogger(__name__)


def default_export_folder() -> Path:
    """Documentos/MeStore/Conciliación of the user, made on demand (home if it cannot be)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home()) / "MeStore" / "Conciliación"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("export folder not created (%s): %s", folder, exc.strerror)
        return Path.home()
    return folder


def ask_folder(
    parent: QWidget, start: Path, chosen: Callable[[Path], None], closed: Callable[[], None]
) -> QFileDialog:
    """A folder picker opened with open() (never exec(): a nested loop would stall asyncio)."""
    dialog = QFileDialog(parent)
    dialog.setObjectName("ReconciliationExportDialog")
    dialog.setWindowTitle(QCoreApplication.translate("ReconciliationExport", "Exportar CSV a…"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
    dialog.setDirectory(str(start))
    dialog.fileSelected.connect(lambda path: chosen(Path(path)))
    dialog.finished.connect(lambda _result: closed())
    dialog.open()
    return dialog


async def export(
    service: ReconciliationService, result: Reconciliation, folder: Path
) -> list[Path]:
    """The service's export, off the GUI thread: it writes a file per queue (may be large)."""
    written = await asyncio.to_thread(service.export_csv, result, folder)
    if inspect.isawaitable(written):  # an async export works too
        written = await written
    return list(written)


def exported_text(paths: list[Path], folder: Path) -> str:
    if len(paths) == 1:
        text = QCoreApplication.translate(
            "ReconciliationExport", "Se guardó 1 archivo CSV en {folder}."
        )
    else:
        text = QCoreApplication.translate(
            "ReconciliationExport", "Se guardaron {n} archivos CSV en {folder}."
        )
    return text.format(n=len(paths), folder=folder)
