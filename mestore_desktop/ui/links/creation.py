"""*Crear link*: the form's draft to the service, with the button busy while Wompi answers.

The form checks everything it can first (so bad input never reaches Wompi); a `LinkInputError`
the service still raises goes back under its field; any other failure is said in plain words.
While the link is being created the form and the button are disabled: a second press must not
make a second link.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from mestore_desktop.domain.links import LinkInputError, PaymentLinkRecord
from mestore_desktop.ui.errors import is_user_facing, user_message
from mestore_desktop.ui.links.form import LinkForm
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.qt_async import run_op

log = logging.getLogger(__name__)


def creating_caption() -> str:
    return QCoreApplication.translate("LinkCreation", "Creando link…")


def create_link(
    parent: QWidget,
    tools: LinkTools,
    form: LinkForm,
    button: QPushButton,
    on_created: Callable[[PaymentLinkRecord], None],
    on_failed: Callable[[str], None],
) -> bool:
    """Start creating the form's link; False (nothing started) when the form shows errors."""
    draft = form.draft(tools.clock())
    if draft is None:
        return False
    service = tools.service
    caption = button.text()
    button.setText(creating_caption())
    form.setEnabled(False)

    def finished() -> None:
        button.setText(caption)
        form.setEnabled(True)

    def created(record: PaymentLinkRecord) -> None:
        finished()
        on_created(record)

    def failed(exc: Exception) -> None:
        finished()
        if isinstance(exc, LinkInputError):
            form.show_error(exc)
            return
        if is_user_facing(exc):
            log.info("link not created: %s: %s", type(exc).__name__, exc)
            on_failed(_not_created(user_message(exc)))
        else:
            log.error("link not created", exc_info=(type(exc), exc, exc.__traceback__))
            on_failed(_not_created(user_message(exc)))

    run_op(parent, lambda: service.create(draft), on_success=created, on_error=failed, busy=button)
    return True


def _not_created(why: str) -> str:
    return (
        QCoreApplication.translate("LinkCreation", "No se creó el link. %1")
        .replace("%1", why)
        .strip()
    )
