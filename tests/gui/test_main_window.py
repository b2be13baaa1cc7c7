"""The main window shell: navigation, shortcuts, environment badge, status bar, placeholders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from mestore_desktop.settings import Environment, Settings
from mestore_desktop.ui.widgets.badge import BadgeKind
from mestore_desktop.ui.widgets.status import ConnectionState

pytestmark = pytest.mark.gui

PAGE_TITLES = ["Caja", "Pedidos", "Links de pago", "Conciliación", "Ajustes"]


def test_window_opens_on_caja_and_fits_a_small_screen(make_window):
    window = make_window()

    assert window.isVisible()
    assert window.windowTitle() == "MeStore Desktop"
    assert window.current_page() is window.caja_page
    assert window.minimumWidth() <= 1366
    assert window.minimumHeight() <= 768
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == PAGE_TITLES


def test_every_page_is_reachable_by_clicking_the_sidebar(make_window, qtbot):
    window = make_window()
    for index in reversed(range(len(PAGE_TITLES))):
        item = window.sidebar.item(index)
        rect = window.sidebar.visualItemRect(item)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentIndex() == index
        assert window.current_page().title == PAGE_TITLES[index]


def test_every_page_is_reachable_by_ctrl_number(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number in (5, 2, 4, 3, 1):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.pages.currentIndex() == number - 1
        assert window.sidebar.currentRow() == number - 1


@pytest.mark.parametrize(
    ("environment", "demo", "word", "kind"),
    [
        (Environment.SANDBOX, False, "SANDBOX", BadgeKind.SANDBOX),
        (Environment.PRODUCTION, False, "PRODUCCIÓN", BadgeKind.PRODUCTION),
        (Environment.PRODUCTION, True, "DEMO", BadgeKind.DEMO),
    ],
)
def test_environment_badge_shows_word_and_colour_property(
    make_window, environment, demo, word, kind
):
    window = make_window(Settings(environment=environment), demo=demo)

    badge = window.header.badge
    assert badge.text() == word
    assert badge.property("environment") == kind.value
    assert badge.isVisible()


def test_demo_mode_explains_that_payments_go_to_the_local_sandbox(make_window):
    window = make_window(demo=True)

    notices = [label.text() for label in _window_notices(window)]
    assert len(notices) == 1
    assert "sandbox local de Wompi" in notices[0]
    assert "no se mueve dinero real" in notices[0]


def test_no_demo_notice_outside_demo(make_window):
    window = make_window()

    assert not _window_notices(window)


def _window_notices(window) -> list[QLabel]:
    """The window's own notices (pages have notices of their own, e.g. Pedidos' results)."""
    return [
        label
        for label in window.findChildren(QLabel)
        if label.objectName() == "Notice" and not window.pages.isAncestorOf(label)
    ]


def test_status_bar_starts_unverified_and_not_configured(make_window):
    window = make_window()

    assert "Wompi: sin verificar" in window.status.wompi.text()
    assert "Relay: no configurado" in window.status.relay.text()
    assert window.status.terminal.text() == "Terminal T01"


def test_status_bar_api_updates_text_and_colour(make_window):
    window = make_window()

    window.set_wompi_state(ConnectionState.CONNECTED, "respondió en 120 ms")
    window.set_relay_state(ConnectionState.ERROR, "no responde")

    assert window.status.wompi.text() == "● Wompi: conectado · respondió en 120 ms"
    assert window.status.wompi.property("status") == "approved"
    assert window.status.relay.text() == "● Relay: con error · no responde"
    assert window.status.relay.property("status") == "error"
    assert window.status.relay.toolTip() == "no responde"


def test_configured_relay_starts_unverified(make_window):
    window = make_window(Settings(relay_url="https://relay.example.co"))

    assert "Relay: sin verificar" in window.status.relay.text()


def test_caja_without_services_explains_instead_of_charging(make_window, qtbot):
    window = make_window()
    caja = window.caja_page
    caja.charge("cash")  # no services: nothing is saved, staff read why
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "ErrorDialog") is not None)
    box = window.findChild(QMessageBox, "ErrorDialog")
    assert "no está configurada" in box.text()
    assert caja.flow is None


def test_pages_without_their_services_say_what_they_do_in_spanish(make_window):
    window = make_window()  # no back office, no links: as a window built without a database

    for page in (window.links_page, window.reconciliation_page):
        texts = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
        assert any(len(text.split()) > 8 for text in texts), texts  # a sentence, not a title
        assert not any("TODO" in text.upper() for text in texts)


def test_sync_news_reaches_both_the_counter_and_the_orders_table(make_window, monkeypatch):
    window = make_window()
    seen: list[tuple[str, object]] = []
    monkeypatch.setattr(window.caja_page, "on_orders_changed", lambda n: seen.append(("caja", n)))
    monkeypatch.setattr(
        window.orders_page, "on_orders_changed", lambda n: seen.append(("pedidos", n))
    )

    window.on_orders_changed({7})

    assert seen == [("caja", {7}), ("pedidos", {7})]


def test_a_secret_saved_in_ajustes_makes_the_counter_rebuild_its_keys(make_window):
    window = make_window()
    window.caja_page._setup = object()  # a counter built with the old keys
    row = next(iter(window.settings_page.secrets_panel.rows.values()))

    row.changed.emit()  # what saving or deleting a secret emits

    assert window.caja_page._setup is None
