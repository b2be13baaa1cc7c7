"""What the link screens need from the composition root, bundled once for the page, the counter
and Pedidos: the links service, the store's name (for the WhatsApp text), the mailer, how to open
a URL (WhatsApp) and where exported QR codes go."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

if TYPE_CHECKING:
    from mestore_desktop.services.links import LinksService

log = logging.getLogger(__name__)

# (to, subject, body, qr_png) -> sent. The composition root wraps the SMTP mailer; the screen
# writes the message, so the mailer only sends.
LinkMailSender = Callable[[str, str, str, bytes], Awaitable[None]]
# Opens a URL outside the app (the browser or WhatsApp); returns False when nothing could.
UrlOpener = Callable[[str], bool]


def open_url(url: str) -> bool:
    """The system's handler for `url` (wa.me opens WhatsApp or the browser)."""
    return QDesktopServices.openUrl(QUrl(url))


def links_folder() -> Path:
    """Where *Guardar QR* starts: Documentos/MeStore/Links of the user, made on demand."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home()) / "MeStore" / "Links"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        # The save dialog still opens, in the home folder; staff can pick another.
        log.warning("links folder not created (%s): %s", folder, exc.strerror)
        return Path.home()
    return folder


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class LinkTools:
    """Built once by the composition root and handed to the page, the counter and Pedidos."""

    service: LinksService
    store_name: Callable[[], str] = lambda: ""
    send_mail: LinkMailSender | None = None
    open_url: UrlOpener = open_url
    folder: Callable[[], Path] = links_folder
    clock: Callable[[], datetime] = field(default=_now)
    actor: str = ""  # who deactivates (audited); "" = the service's own actor

    def who(self) -> str:
        return self.actor or str(getattr(self.service, "actor", "") or "")
