"""The central error dialog: every exception that reaches the UI ends up in :func:`present_error`.

Errors meant for the user (the families in ``services/user_errors.py``, such as
:class:`SettingsError` or :class:`SecretsError`) are shown in the UI language: they carry a
:class:`~mestore_desktop.domain.text.Text` (``str()`` is its Spanish sentence, for the log and the
CLI) that :func:`~mestore_desktop.ui.i18n.render` translates. Anything else is a
bug or an unforeseen failure: the user sees one generic sentence and the traceback goes to the log,
because raw exception text can carry URLs, keys or SQL that must never reach the screen.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mestore_desktop.domain.text import message_of
from mestore_desktop.ui.i18n import render

log = logging.getLogger(__name__)


# Dialogs without a parent have no Qt owner; keep them alive until they close.
_orphans: set[QMessageBox] = set()


def is_user_facing(exc: BaseException) -> bool:
    """True when *exc*'s message was written for the user and may be shown (translated)."""
    # The families' modules are most of the services: imported at the first error, not when
    # the counter opens (issue 13, cold start).
    from mestore_desktop.services.user_errors import USER_FACING_ERRORS

    return isinstance(exc, USER_FACING_ERRORS) and bool(str(exc).strip())


def user_message(exc: BaseException) -> str:
    """The sentence to show for *exc*, in the UI language; never the raw text of an unexpected
    error."""
    if is_user_facing(exc):
        return render(message_of(exc))
    return QCoreApplication.translate(
        "errors", "Ocurrió un error inesperado; los detalles quedaron en el registro."
    )


def present_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Log *exc* and show it in a non-blocking message box; returns the box (tests inspect it)."""
    if is_user_facing(exc):
        log.info("user-facing error: %s: %s", type(exc).__name__, exc)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    owner = parent if parent is not None else QApplication.activeWindow()
    box = QMessageBox(owner)
    box.setObjectName("ErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning if is_user_facing(exc) else QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "MeStore Desktop"))
    box.setText(user_message(exc))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if owner is None:
        _orphans.add(box)
        box.finished.connect(lambda _result: _orphans.discard(box))
    # open(), not exec(): a nested event loop inside an asyncio callback would stall the loop.
    box.open()
    return box


def install_global_handlers(window: QWidget, loop: asyncio.AbstractEventLoop) -> None:
    """Route uncaught exceptions (Qt slots via ``sys.excepthook``, asyncio callbacks via the
    loop's exception handler) to :func:`present_error`, instead of a traceback on stderr."""

    def owner() -> QWidget | None:
        return window if shiboken6.isValid(window) else None

    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        present_error(owner(), exc.with_traceback(tb))

    def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, Exception):
            present_error(owner(), exc)
        else:
            log.error("asyncio: %s", context.get("message", "unknown problem"))

    sys.excepthook = excepthook
    loop.set_exception_handler(loop_handler)
