"""One language on screen (issue 8, item 7): with ``--lang en`` no Spanish in any dialog a cashier
meets, and in Spanish none of Qt's English buttons.

Each journey opens, by keys and clicks only, the dialogs of a working day: the free amount
(F4), cash (F10), the cancel-sale question (Esc), the payment dialog (F12) and its cancel
question, *Ajustes* (Ctrl+5) and the file dialog of *Importar catálogo…*; and reads every text
a person can see in each of them (titles, labels, buttons, combo boxes, placeholders: never
typed data). The checkout page inside the payment dialog is the web view's and is tested in
tests/gui/test_web_view_language.py (Chromium's language is fixed once per process).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from mestore_desktop.ui import i18n

SPANISH = re.compile(
    r"[áéíóúñÁÉÍÓÚÑ¿¡]"
    r"|\b(Cancelar|Aceptar|Sí|Guardar|Abrir|Imprimir|Buscar|Nombre|Archivo|Efectivo|Venta|Pago|Cobro)\b"
    # Common short words, lower case only ("Del" is the English name of a key).
    r"|\b(el|la|los|las|del|con|para|sin|una|que|por)\b"
)
# Qt's own English ("No" is Spanish as well, so it cannot tell).
QT_ENGLISH = re.compile(
    r"^(OK|Cancel|Yes|Open|Save|Close|Apply|Print|Look in:|Files of type:|File name:)$"
)


@dataclass(frozen=True)
class Words:
    """The accessible names a journey clicks, in the UI's language."""

    import_catalogue: str
    cancel_payment: str
    cancel_payment_yes: str


WORDS = {
    "es": Words("Importar catálogo…", "Cancelar cobro", "Sí, cancelar"),
    "en": Words("Import catalogue…", "Cancel payment", "Yes, cancel"),
}


def readable(root: QWidget) -> list[str]:
    """Every text a person reads in *root*'s window: never what was typed into a field."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget) or not widget.isVisible() or widget.window() is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    return [text.replace("&", "").strip() for text in texts if text and text.strip()]


@pytest.fixture
def start(journey_factory) -> Iterator[Callable[..., object]]:
    """Start the app in a language; afterwards Spanish again, so the next test in this process
    starts as the app does (Qt's translators belong to the process, not to the window)."""
    started = []

    def run(lang: str | None = None):
        journey = journey_factory(lang=lang)
        started.append(journey)
        return journey

    yield run
    for journey in started:
        i18n.remove_translators(_translators(journey.desktop))


def _translators(desktop) -> list:
    many = getattr(desktop, "translators", None)  # install_translators' list
    if many is not None:
        return list(many)
    one = getattr(desktop, "translator", None)  # the app's own only (before item 7)
    return [one] if one is not None else []


class DialogTour:
    """Opens each dialog, records what it shows under a name, and leaves it as a person would."""

    def __init__(self, journey, words: Words) -> None:
        self.journey, self.words = journey, words
        self.seen: dict[str, list[str]] = {}

    def modal(self, what: str) -> QWidget:
        self.journey.wait(lambda: self.journey.modal() is not None)
        dialog = self.journey.modal()
        QApplication.processEvents()
        self.seen[what] = readable(dialog)
        return dialog

    def leave_with_esc(self) -> None:
        before = self.journey.modal()
        self.journey.press("Esc")
        self.journey.wait(lambda: self.journey.modal() is not before)

    def walk(self) -> None:
        journey = self.journey
        journey.press("F4")  # a free amount
        self.modal("free amount")
        journey.type("18000")
        journey.press("Enter")
        journey.wait(lambda: journey.modal() is None)
        self.seen["counter"] = readable(journey.window)

        journey.press("F10")
        self.modal("cash")
        self.leave_with_esc()
        journey.wait(lambda: journey.modal() is None)

        journey.press("Esc")  # cancel the sale? (then keep it)
        self.modal("cancel sale")
        self.leave_with_esc()
        journey.wait(lambda: journey.modal() is None)

        journey.press("F12")
        dialog = self.modal("payment")
        journey.checkout_view()
        self.seen["payment"] = readable(dialog)
        journey.click(self.words.cancel_payment)
        journey.wait(lambda: journey.modal() is not dialog)
        if journey.modal() is not None:  # asked only once an attempt exists
            self.modal("cancel payment")
            journey.click(self.words.cancel_payment_yes)
        journey.wait(lambda: journey.modal() is None)

        journey.click(self.words.import_catalogue)
        self.modal("file dialog")
        self.leave_with_esc()
        journey.wait(lambda: journey.modal() is None)

        journey.press("5", Qt.KeyboardModifier.ControlModifier)  # Ajustes
        journey.wait(lambda: not journey.visible_named(self.words.import_catalogue))
        self.seen["settings"] = readable(journey.window)


def offending(seen: dict[str, list[str]], pattern: re.Pattern[str]) -> dict[str, list[str]]:
    found = {what: [t for t in texts if pattern.search(t)] for what, texts in seen.items()}
    return {what: texts for what, texts in found.items() if texts}


def test_with_lang_en_no_dialog_shows_spanish(start) -> None:
    journey = start(lang="en")
    tour = DialogTour(journey, WORDS["en"])

    tour.walk()

    assert set(tour.seen) >= {"cash", "cancel sale", "payment", "file dialog", "settings"}
    assert offending(tour.seen, SPANISH) == {}
    assert "Look in:" in tour.seen["file dialog"]


def test_in_spanish_no_dialog_shows_qt_english(start) -> None:
    journey = start()
    tour = DialogTour(journey, WORDS["es"])

    tour.walk()

    assert offending(tour.seen, QT_ENGLISH) == {}
    assert "Buscar en:" in tour.seen["file dialog"]
    assert "Cancelar" in tour.seen["file dialog"]
