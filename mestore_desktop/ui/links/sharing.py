"""Sharing a link: the clipboard, WhatsApp, e-mail and the QR as PNG or SVG files.

The QR files are drawn by segno itself (its own PNG and SVG writers), whole modules only: the
PNG scales each module to EXPORT_SCALE pixels without smoothing, the SVG is vector and sharp at
any size; both keep the four-module quiet zone phones need.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from mestore_desktop.domain.links import PaymentLinkRecord, whatsapp_text, whatsapp_url
from mestore_desktop.ui.qr import QUIET_ZONE, qr_symbol

log = logging.getLogger(__name__)

EXPORT_SCALE = 16  # pixels per module of the PNG: a 41-module symbol is about 800 px wide
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class QrSaveError(Exception):
    """A QR file that could not be written; `str()` says so in Spanish."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(
            QCoreApplication.translate("LinkSharing", "No se pudo guardar el QR en %1: %2.")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc))
        )


def qr_filename(record: PaymentLinkRecord, kind: str) -> str:
    """link-<id>.png / .svg, with only safe characters (ids are Wompi's short codes)."""
    return f"link-{_UNSAFE.sub('-', record.link_id) or 'pago'}.{kind}"


def qr_png_bytes(url: str) -> bytes:
    out = io.BytesIO()
    qr_symbol(url).save(out, kind="png", scale=EXPORT_SCALE, border=QUIET_ZONE)
    return out.getvalue()


def write_qr(url: str, path: Path, kind: str) -> None:
    """Write the QR of `url` to `path` as "png" or "svg"; `QrSaveError` when it cannot."""
    symbol = qr_symbol(url)
    try:
        if kind == "svg":
            symbol.save(str(path), kind="svg", scale=EXPORT_SCALE // 2, border=QUIET_ZONE)
        else:
            path.write_bytes(qr_png_bytes(url))
    except OSError as exc:
        log.warning("QR not saved to %s: %s", path, exc)
        raise QrSaveError(path, exc) from exc


def share_url(record: PaymentLinkRecord, store_name: str) -> str:
    """The wa.me address that opens WhatsApp with the ready message (the chat is picked there)."""
    return whatsapp_url(whatsapp_text(record, store_name))


def mail_subject(record: PaymentLinkRecord, store_name: str) -> str:
    subject = QCoreApplication.translate("LinkSharing", "Link de pago: %1").replace(
        "%1", record.name
    )
    return f"{subject} — {store_name}" if store_name.strip() else subject


def mail_body(record: PaymentLinkRecord, store_name: str) -> str:
    """The WhatsApp message, and a line about the QR attached."""
    return (
        whatsapp_text(record, store_name)
        + "\n\n"
        + QCoreApplication.translate(
            "LinkSharing", "También puede pagar escaneando el código QR adjunto con su celular."
        )
        + "\n"
    )
