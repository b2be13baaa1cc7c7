"""One link, ready to share: its name, amount and status, the URL (selectable), a large QR and
*Copiar*, *Compartir por WhatsApp*, *Enviar por correo*, *Guardar QR (PNG)*, *Guardar QR (SVG)*.

What an action did (copied, sent, where a file went) or why it failed is said on the line under
the buttons. Dialogs (the address, the save dialogs) open with `open()` and give the keyboard
back to the panel when they close, however they close.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.ui import icons
from mestore_desktop.ui.errors import user_message
from mestore_desktop.ui.i18n import render_error
from mestore_desktop.ui.links import sharing
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.links.words import (
    STATUS_COLOUR,
    STATUS_ICON,
    amount_text,
    expiry_text,
    status_text,
)
from mestore_desktop.ui.qr import QrWidget
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.theme import set_style_property

log = logging.getLogger(__name__)

COPIED_MS = 2_000  # how long *Copiar* reads "Copiado"
STATUS_ICON_PX = 18


class LinkResultPanel(QWidget):
    """Shows one `PaymentLinkRecord` (`show_record`) and shares it."""

    def __init__(self, tools: LinkTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LinkResult")
        self._tools = tools
        self.record: PaymentLinkRecord | None = None
        self.dialog: QWidget | None = None  # the address or save dialog while it is open
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(COPIED_MS)
        self._copied.timeout.connect(self._uncopy)
        self._build()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("LinkUrl")
        self.url.setReadOnly(True)
        self.url.setAccessibleName(self.tr("URL del link"))
        self.qr = QrWidget(parent=self)
        self.qr.setAccessibleName(self.tr("Código QR del link"))
        self.copy = self._button(self.tr("Copiar"), self.copy_url)
        self.whatsapp = self._button(self.tr("Compartir por WhatsApp"), self.share_whatsapp)
        self.email = self._button(self.tr("Enviar por correo"), self.ask_address)
        self.save_png = self._button(self.tr("Guardar QR (PNG)"), lambda: self.ask_save("png"))
        self.save_svg = self._button(self.tr("Guardar QR (SVG)"), lambda: self.ask_save("svg"))
        self.notice = QLabel(self)
        self.notice.setObjectName("LinkNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        status_row = QGridLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status_icon, 0, 0)
        status_row.addWidget(self.status, 0, 1)
        status_row.setColumnStretch(1, 1)
        url_row = QGridLayout()
        url_row.setContentsMargins(0, 0, 0, 0)
        url_row.addWidget(self.url, 0, 0)
        url_row.addWidget(self.copy, 0, 1)
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.whatsapp, 0, 0)
        buttons.addWidget(self.email, 0, 1)
        buttons.addWidget(self.save_png, 1, 0)
        buttons.addWidget(self.save_svg, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(status_row)
        layout.addWidget(self.facts)
        layout.addLayout(url_row)
        layout.addWidget(self.qr, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)

    def _button(self, caption: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(caption, self)
        button.setAccessibleName(caption)
        button.setAutoDefault(False)  # Enter belongs to the dialog's default (Listo)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- showing -----------------------------------------------------------------------------

    def show_record(self, record: PaymentLinkRecord, now: datetime) -> None:
        same = self.record is not None and self.record.link_id == record.link_id
        self.record = record
        self.title.setText(record.name)
        status = record.status(now)
        self.status.setText(status_text(record, now))
        set_style_property(self.status, "status", STATUS_COLOUR[status])
        self.status_icon.setPixmap(icons.pixmap(STATUS_ICON[status], STATUS_ICON_PX))
        facts = [
            self.tr("Monto: %1").replace("%1", amount_text(record.amount)),
            self.tr("Un solo uso") if record.single_use else self.tr("Varios pagos"),
            expiry_text(record, now),
        ]
        if record.order_number is not None:
            facts.append(self.tr("Pedido %1").replace("%1", str(record.order_number)))
        self.facts.setText(" · ".join(facts))
        self._allow_sharing(status is LinkStatus.ACTIVE)
        self.url.setText(record.url)
        self.url.setCursorPosition(0)
        self.qr.set_data(record.url)
        if not same:
            self.say("")

    def _allow_sharing(self, active: bool) -> None:
        """A link that takes no more payments is not sent to anyone (it can still be copied
        and its QR saved, for the records)."""
        dead = self.tr("Este link ya no acepta pagos: cree uno nuevo para cobrar.")
        self.whatsapp.setEnabled(active)
        self.whatsapp.setToolTip("" if active else dead)
        can_mail = self._tools.send_mail is not None
        self.email.setEnabled(active and can_mail)
        if not can_mail:
            self.email.setToolTip(
                self.tr("El correo no está configurado: complete Ajustes › Correo.")
            )
        else:
            self.email.setToolTip("" if active else dead)

    def refresh_time(self, now: datetime) -> None:
        """The minute changed: status and countdown again."""
        if self.record is not None:
            self.show_record(self.record, now)

    # -- actions -----------------------------------------------------------------------------

    def copy_url(self) -> None:
        """*Copiar*: the URL to the clipboard; the button and the notice say "Copiado"."""
        if self.record is None:
            return
        QGuiApplication.clipboard().setText(self.record.url)
        self.copy.setText(self.tr("✔ Copiado"))
        self._copied.start()
        self.say(self.tr("Copiado: %1").replace("%1", self.record.url))

    def _uncopy(self) -> None:
        self.copy.setText(self.tr("Copiar"))

    def share_whatsapp(self) -> None:
        """*Compartir por WhatsApp*: WhatsApp (or its web page) with the ready message."""
        if self.record is None:
            return
        address = sharing.share_url(self.record, self._store_name())
        try:
            opened = self._tools.open_url(address)
        except Exception:  # a broken handler must not pass silently
            log.exception("opening WhatsApp failed")
            opened = False
        if opened:
            self.say(self.tr("Se abrió WhatsApp con el mensaje listo; elija el chat y envíelo."))
        else:
            self.say(
                self.tr(
                    "No se pudo abrir WhatsApp en este equipo. Copie el link y péguelo en el chat."
                ),
                problem=True,
            )

    def ask_address(self) -> None:
        """*Enviar por correo*: ask the customer's address, then send the link and its QR."""
        if self.record is None or self._tools.send_mail is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("LinkEmailDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Enviar link por correo"))
        dialog.setLabelText(self.tr("Correo del cliente:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Enviar"))
        dialog.setCancelButtonText(self.tr("Cancelar"))
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setAccessibleName(self.tr("Correo del cliente"))
        for button in dialog.findChildren(QPushButton):
            button.setAccessibleName(button.text().replace("&", ""))
        record = self.record
        dialog.textValueSelected.connect(lambda to: self.send(record, to.strip()))
        self._open(dialog, self.email)

    def send(self, record: PaymentLinkRecord, to: str) -> None:
        sender = self._tools.send_mail
        if sender is None:
            return
        store = self._store_name()
        subject, body = sharing.mail_subject(record, store), sharing.mail_body(record, store)
        png = sharing.qr_png_bytes(record.url)
        self.say(self.tr("Enviando el link a %1…").replace("%1", to))
        run_op(
            self,
            lambda: sender(to, subject, body, png),
            on_success=lambda _none: self.say(self.tr("El link se envió a %1.").replace("%1", to)),
            on_error=lambda exc: self._failed("link e-mail", exc),
            busy=self.email,
        )

    def ask_save(self, kind: str) -> None:
        """*Guardar QR (PNG)* / *(SVG)*: a save dialog in Documentos/MeStore/Links."""
        if self.record is None:
            return
        folder = self._tools.folder()
        dialog = QFileDialog(self)
        dialog.setObjectName("LinkQrSaveDialog")
        dialog.setWindowTitle(self.tr("Guardar código QR"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        if kind == "svg":
            dialog.setNameFilter(self.tr("Imagen SVG (*.svg)"))
        else:
            dialog.setNameFilter(self.tr("Imagen PNG (*.png)"))
        dialog.setDefaultSuffix(kind)
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / sharing.qr_filename(self.record, kind)))
        url = self.record.url
        dialog.fileSelected.connect(lambda path: self.save(url, Path(path), kind))
        self._open(dialog, self.save_svg if kind == "svg" else self.save_png)

    def save(self, url: str, path: Path, kind: str) -> None:
        try:
            sharing.write_qr(url, path, kind)
        except sharing.QrSaveError as exc:
            self.say(render_error(exc), problem=True)
            return
        self.say(self.tr("QR guardado en %1").replace("%1", str(path)))

    # -- helpers -----------------------------------------------------------------------------

    def _store_name(self) -> str:
        try:
            return self._tools.store_name()
        except Exception:  # the message still goes, without the store's name; say why
            log.exception("store name unreadable for a link message")
            return ""

    def _open(self, dialog: QWidget, give_back: QWidget) -> None:
        self.dialog = dialog

        def closed(_result: int = 0) -> None:
            self.dialog = None
            if shiboken6.isValid(self) and self.isVisible():
                self.window().activateWindow()
                if shiboken6.isValid(give_back) and give_back.isEnabled():
                    give_back.setFocus()

        dialog.finished.connect(closed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _failed(self, what: str, exc: Exception) -> None:
        log.warning("%s failed: %s", what, exc, exc_info=exc)
        self.say(user_message(exc), problem=True)

    def say(self, text: str, *, problem: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        set_style_property(self.notice, "status", "declined" if problem else "approved")
