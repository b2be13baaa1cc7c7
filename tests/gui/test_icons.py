"""The shipped icons: every name has an SVG file that renders, crisp at the size asked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from mestore_desktop.ui import icons
from mestore_desktop.ui.resources import resource_path


@pytest.mark.parametrize("name", sorted(icons.ICON_NAMES))
def test_every_icon_is_shipped_and_renders(qapp, name: str) -> None:
    assert resource_path("icons", f"{name}.svg").is_file()
    picture = icons.pixmap(name, 32)
    assert picture.deviceIndependentSize().width() == 32
    image = picture.toImage()
    centre_alpha = max(
        QColor(image.pixel(x, y)).alpha()
        for x in range(image.width() // 4, 3 * image.width() // 4)
        for y in range(image.height() // 4, 3 * image.height() // 4)
    )
    assert centre_alpha > 0, f"{name} rendered empty"
    assert not icons.icon(name).isNull()


def test_status_icons_have_their_colours(qapp) -> None:
    def colour_at_edge(name: str) -> QColor:
        image = icons.pixmap(name, 48).toImage()
        return QColor(image.pixel(image.width() // 2, image.height() // 10))

    assert colour_at_edge("approved").green() > colour_at_edge("approved").red()
    assert colour_at_edge("declined").red() > colour_at_edge("declined").green()


def test_an_unknown_icon_is_refused(qapp) -> None:
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_the_bundle_ships_the_icons() -> None:
    spec = (resource_path().parent / "build.spec").read_text(encoding="utf-8")
    assert '"resources" / "icons"' in spec
