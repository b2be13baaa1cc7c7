"""Every control a person can use has a name a screen reader (and these journeys) can find it by:
on every page, and in the dialogs the counter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.journeys.harness import _all_widgets, accessible_name

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
)


def unnamed_controls() -> list[str]:
    """Visible controls without a name, described by class, object name and text."""
    nameless: list[QWidget] = [
        widget
        for widget in _all_widgets()
        if isinstance(widget, CONTROLS)
        and widget.isVisible()
        # parts of a compound widget (a combo's inner list, a field's clear button, a table's
        # corner button) are announced through their owner
        and not _inside_named_control(widget)
        and not accessible_name(widget).strip()
    ]
    return [
        f"{type(w).__name__}({w.objectName()!r}, {getattr(w, 'text', lambda: '')()!r})"
        for w in nameless
    ]


def _inside_named_control(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, CONTROLS) and not parent.isWindow():
            return True
        parent = parent.parentWidget()
    return False


def test_every_page_names_its_controls(journey):
    for page in range(1, 6):
        journey.press(str(page), Qt.KeyboardModifier.ControlModifier)
        journey.qtbot.wait(100)
        assert unnamed_controls() == [], f"page {page}"


def test_the_counters_dialogs_name_their_controls(journey):
    journey.press("F4")
    journey.wait(lambda: journey.modal() is not None)
    assert unnamed_controls() == [], "Monto libre"
    journey.type("12000")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    for key in ("F6", "F8", "F10"):
        journey.press(key)
        journey.wait(lambda: journey.modal() is not None)
        assert unnamed_controls() == [], key
        journey.press("Esc")
        journey.wait(lambda: journey.modal() is None)
    journey.press("F11")
    journey.phone_scans_qr()
    assert unnamed_controls() == [], "QR al celular"
    journey.press("Esc")
    journey.wait(lambda: journey.modal() is not None and journey.modal().isVisible())
    assert unnamed_controls() == [], "confirmar cancelación"
