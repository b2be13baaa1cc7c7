"""PySide6 must not drop references to True, False or None that it does not own.

PySide6 6.12.0 on Python 3.11 did, in `Signal.emit()`, `SignalInstance.disconnect()`, void
setters such as `QLabel.setText`, `QTimer.singleShot` and `QWebEnginePage.runJavaScript`
callbacks: one reference per call, until the interpreter aborted ("Fatal Python error:
bool_dealloc") a few hours into a day at the counter. The pin in pyproject.toml keeps a PySide6
without it; this test fails on any version that brings it back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QLabel

CALLS = 5_000
# Python itself may take or give back a handful of references while the loop runs.
TOLERANCE = 50


class Sender(QObject):
    text = Signal(str)
    flag = Signal(bool)


def refcounts() -> tuple[int, int, int]:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def assert_no_drain(action: Callable[[], None], calls: int = CALLS) -> None:
    before = refcounts()
    for _ in range(calls):
        action()
    after = refcounts()
    drained = [b - a for b, a in zip(before, after, strict=True)]
    assert all(loss < TOLERANCE for loss in drained), f"True/False/None lost {drained}"


def test_emitting_and_disconnecting_signals_keeps_true_and_none(qapp):
    sender = Sender()
    sender.text.connect(lambda _text: None)
    sender.flag.connect(lambda _flag: None)

    assert_no_drain(lambda: sender.text.emit("x"))
    assert_no_drain(lambda: sender.flag.emit(True))

    def connect_and_disconnect() -> None:
        connection = sender.text.connect(print)
        sender.text.disconnect(connection)

    assert_no_drain(connect_and_disconnect)


def test_void_setters_and_single_shot_timers_keep_none(qapp, qtbot):
    label = QLabel()
    assert_no_drain(lambda: label.setText("x"))
    assert_no_drain(lambda: QTimer.singleShot(0, lambda: None), calls=1_000)
    qtbot.wait(50)


def test_run_javascript_callbacks_keep_none(qapp, qtbot):
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.setHtml("<p>x</p>")
    qtbot.waitUntil(lambda: view.page().url().toString() != "", timeout=5000)
    answers: list[object] = []
    before = refcounts()
    for _ in range(200):
        view.page().runJavaScript("1", 0, answers.append)
    qtbot.waitUntil(lambda: len(answers) == 200, timeout=10_000)
    drained = [b - a for b, a in zip(before, refcounts(), strict=True)]
    assert all(loss < TOLERANCE for loss in drained), f"True/False/None lost {drained}"
