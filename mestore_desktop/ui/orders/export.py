"""*Exportar CSV*: where the file of the filtered orders goes (asked with a save dialog opened with
`open()`, starting in Documentos/MeStore/Pedidos) and the name it suggests."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from mestore_desktop.domain.browse import OrderFilter

log = logging.getLogger(__name__)


def orders_folder() -> Path:
    """Documentos/MeStore/Pedidos of the user, made on demand (the home folder if it cannot be)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home()) / "MeStore" / "Pedidos"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("orders folder not created (%s): %s", folder, exc.strerror)
        return Path.home()
    return folder


def csv_filename(order_filter: OrderFilter, today: date) -> str:
    """pedidos-2026-11-26.csv, pedidos-2026-11-01_a_2026-11-26.csv or pedidos-hasta-….csv."""
    first, last = order_filter.first_day, order_filter.last_day
    if first is None and last is None:
        return f"pedidos-hasta-{today.isoformat()}.csv"
    if first == last:
        return f"pedidos-{(first or today).isoformat()}.csv"
    start = first.isoformat() if first else "inicio"
    end = (last or today).isoformat()
    return f"pedidos-{start}_a_{end}.csv"


def ask_csv_path(
    parent: QWidget,
    suggested: str,
    on_chosen: Callable[[Path], None],
    on_closed: Callable[[], None],
    folder: Callable[[], Path] = orders_folder,
) -> QFileDialog:
    """Open the save dialog (never blocking: `open()`); `on_chosen(path)` once a file is picked,
    `on_closed()` however it closes (Guardar, Cancelar, Esc, X)."""
    start = folder()
    dialog = QFileDialog(parent)
    dialog.setObjectName("OrdersCsvDialog")
    dialog.setWindowTitle(QCoreApplication.translate("OrdersExport", "Exportar pedidos a CSV"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
    dialog.setNameFilter(QCoreApplication.translate("OrdersExport", "CSV para Excel (*.csv)"))
    dialog.setDefaultSuffix("csv")
    dialog.setDirectory(str(start))
    dialog.selectFile(str(start / suggested))
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    dialog.finished.connect(lambda _result: on_closed())
    dialog.open()
    return dialog
