"""run_op: results, errors, busy state and cancellation, on a real qasync loop."""

from __future__ import annotations

import asyncio
import gc
import sys

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from mestore_desktop.secrets import KeyringUnavailableError
from mestore_desktop.ui.qt_async import run_op

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _error_boxes(owner: QWidget) -> list[QMessageBox]:
    return [box for box in owner.findChildren(QMessageBox) if box.objectName() == "ErrorDialog"]


def test_success_goes_to_on_success(qloop_running, parent, qtbot):
    results: list[int] = []

    async def op() -> int:
        await asyncio.sleep(0)
        return 42

    task = run_op(parent, op, on_success=results.append)

    qtbot.waitUntil(lambda: results == [42])
    assert task.done()


def test_error_goes_to_on_error(qloop_running, parent, qtbot):
    errors: list[Exception] = []

    async def op() -> int:
        raise ValueError("boom")

    run_op(
        parent, op, on_success=lambda _: pytest.fail("no result expected"), on_error=errors.append
    )

    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ValueError)
    assert not _error_boxes(parent)


def test_unexpected_error_without_handler_shows_generic_message(
    qloop_running, parent, qtbot, caplog
):
    async def op() -> None:
        raise RuntimeError("sqlite path /secret/place and prv_test_abc")

    run_op(parent, op, on_success=lambda _: None)

    qtbot.waitUntil(lambda: bool(_error_boxes(parent)))
    box = _error_boxes(parent)[0]
    assert box.text() == "Ocurrió un error inesperado; los detalles quedaron en el registro."
    assert "secret/place" not in box.text()
    assert any(record.exc_text or record.exc_info for record in caplog.records)
    box.close()


def test_user_facing_error_without_handler_is_shown_as_is(qloop_running, parent, qtbot):
    async def op() -> None:
        raise KeyringUnavailableError("No hay un llavero del sistema seguro disponible.")

    run_op(parent, op, on_success=lambda _: None)

    qtbot.waitUntil(lambda: bool(_error_boxes(parent)))
    assert _error_boxes(parent)[0].text() == "No hay un llavero del sistema seguro disponible."
    _error_boxes(parent)[0].close()


def test_synchronous_raise_inside_op_is_routed(qloop_running, parent, qtbot):
    errors: list[Exception] = []

    def op():
        raise KeyError("sync")

    run_op(parent, op, on_success=lambda _: None, on_error=errors.append)

    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], KeyError)


def test_busy_widget_is_disabled_while_running(qloop_running, parent, qtbot):
    button = QPushButton(parent)
    gate = asyncio.Event()
    results: list[str] = []

    async def op() -> str:
        await gate.wait()
        return "listo"

    run_op(parent, op, on_success=results.append, busy=button)

    assert not button.isEnabled()
    assert QApplication.overrideCursor() is not None
    gate.set()
    qtbot.waitUntil(lambda: results == ["listo"])
    assert button.isEnabled()
    assert QApplication.overrideCursor() is None


def test_busy_widget_stays_disabled_until_every_op_ends(qloop_running, parent, qtbot):
    button = QPushButton(parent)
    first, second = asyncio.Event(), asyncio.Event()
    done: list[str] = []

    async def wait_for(event: asyncio.Event, name: str) -> str:
        await event.wait()
        return name

    run_op(parent, lambda: wait_for(first, "a"), on_success=done.append, busy=button)
    run_op(parent, lambda: wait_for(second, "b"), on_success=done.append, busy=button)
    first.set()
    qtbot.waitUntil(lambda: done == ["a"])
    assert not button.isEnabled()
    second.set()
    qtbot.waitUntil(lambda: done == ["a", "b"])
    assert button.isEnabled()


def test_task_is_cancelled_when_parent_is_destroyed(qloop_running, qtbot):
    parent = QWidget()
    button = QPushButton()
    qtbot.addWidget(button)
    called: list[object] = []

    async def op() -> None:
        await asyncio.sleep(30)

    task = run_op(parent, op, on_success=called.append, on_error=called.append, busy=button)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))

    qtbot.waitUntil(task.done)
    assert task.cancelled()
    assert called == []
    assert button.isEnabled()
    assert QApplication.overrideCursor() is None


def test_failing_success_callback_reaches_the_error_dialog(qloop_running, parent, qtbot):
    async def op() -> int:
        return 1

    def broken(_: int) -> None:
        raise ZeroDivisionError

    run_op(parent, op, on_success=broken)

    qtbot.waitUntil(lambda: bool(_error_boxes(parent)))
    _error_boxes(parent)[0].close()


def test_many_ops_leave_the_references_to_true_and_false_alone(qloop_running, parent, qtbot):
    # PySide6 6.12's SignalInstance.disconnect() returns True without owning it: every call
    # takes one reference from True, and after enough operations (a long session, the whole
    # test suite) Python dies with "bool_dealloc: deallocating True or False".
    async def op() -> int:
        return 1

    def run_many() -> None:
        results: list[int] = []
        for _ in range(50):
            run_op(parent, op, on_success=results.append)
        qtbot.waitUntil(lambda: len(results) == 50)

    run_many()  # caches and first-use allocations settle
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    run_many()
    gc.collect()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
