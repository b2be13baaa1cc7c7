"""The checkout QR: exact size, pure black and white, and the very modules segno computes.

No QR decoder is installed, so instead of decoding, every module of segno's matrix (quiet zone
included) is sampled at its centre in the rendered image and must have the matrix's colour;
module edges must be hard (each module a whole number of pixels, all of one colour).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from mestore_desktop.ui.qr import QUIET_ZONE, QrWidget, qr_image, qr_pixmap, qr_symbol

pytestmark = pytest.mark.gui

URL = (
    "http://127.0.0.1:8900/p/?public-key=pub_test_abc&currency=COP&amount-in-cents=2500000"
    "&reference=T01-000123-1&signature%3Aintegrity=" + "ab" * 32
)
BLACK, WHITE = 0, 255


def gray(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).value()


def layout(image: QImage, data: str) -> tuple[list[list[int]], int, int]:
    """segno's rows (quiet zone included), the module size in pixels and the offset."""
    rows = [list(row) for row in qr_symbol(data).matrix_iter(scale=1, border=QUIET_ZONE)]
    scale = image.width() // len(rows)
    offset = (image.width() - scale * len(rows)) // 2
    return rows, scale, offset


@pytest.mark.parametrize("size", [200, 333, 512])
def test_the_image_has_the_requested_size_and_only_black_and_white(qapp, size: int) -> None:
    image = qr_image(URL, size).convertToFormat(QImage.Format.Format_Grayscale8)
    assert (image.width(), image.height()) == (size, size)
    colours = {gray(image, x, y) for y in range(size) for x in range(size)}
    assert colours == {BLACK, WHITE}


@pytest.mark.parametrize("size", [200, 333, 512])
def test_every_module_matches_segnos_matrix(qapp, size: int) -> None:
    image = qr_image(URL, size)
    rows, scale, offset = layout(image, URL)
    assert scale >= 2
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            x0, y0 = offset + c * scale, offset + r * scale
            expected = BLACK if dark else WHITE
            # Centre and all four corners of the module: no smoothing, no half modules.
            corners = [(x0, y0), (x0 + scale - 1, y0), (x0, y0 + scale - 1)]
            corners += [(x0 + scale - 1, y0 + scale - 1), (x0 + scale // 2, y0 + scale // 2)]
            assert {gray(image, x, y) for x, y in corners} == {expected}, (r, c)


def test_the_quiet_zone_and_the_padding_are_white(qapp) -> None:
    image = qr_image(URL, 333)
    _, scale, offset = layout(image, URL)
    margin = offset + QUIET_ZONE * scale
    for i in range(image.width()):
        for edge in (0, margin - 1, image.width() - 1):
            assert gray(image, i, edge) == WHITE
            assert gray(image, edge, i) == WHITE
    # The finder pattern's corner starts right after the quiet zone.
    assert gray(image, margin, margin) == BLACK


def test_error_correction_is_m_and_other_data_draws_another_code(qapp) -> None:
    assert qr_symbol(URL).error == "M"
    assert qr_image(URL, 300) != qr_image(URL.replace("T01-000123-1", "T01-000123-2"), 300)


def test_a_size_below_one_pixel_per_module_still_gives_every_module(qapp) -> None:
    modules = len(list(qr_symbol(URL).matrix_iter(scale=1, border=QUIET_ZONE)))
    image = qr_image(URL, 10)
    assert image.width() == image.height() == modules


def test_nothing_to_encode_is_refused(qapp) -> None:
    with pytest.raises(ValueError, match="nothing to encode"):
        qr_image("", 100)


def test_the_pixmap_is_the_image(qapp) -> None:
    pixmap = qr_pixmap(URL, 240)
    assert (pixmap.width(), pixmap.height()) == (240, 240)
    assert pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8) == qr_image(URL, 240)


def test_the_widget_keeps_the_qr_square_and_as_large_as_it_can(qtbot) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    assert widget.pixmap().isNull()
    widget.set_data(URL)
    widget.resize(500, 300)
    widget.show()
    qtbot.waitExposed(widget)

    def shown_side() -> int:
        pixmap = widget.pixmap()
        assert pixmap.width() == pixmap.height()
        return round(pixmap.width() / pixmap.devicePixelRatio())

    assert shown_side() == 300
    widget.resize(260, 640)
    qtbot.waitUntil(lambda: shown_side() == 260)
    assert widget.heightForWidth(260) == 260 and widget.hasHeightForWidth()
    assert widget.data() == URL

    image = widget.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    expected = qr_image(URL, image.width())
    assert image == expected


def test_the_widget_clears_and_changes_its_code(qtbot) -> None:
    widget = QrWidget(URL)
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    first = widget.pixmap().toImage()
    widget.set_data(URL + "&x=1")
    assert widget.pixmap().toImage() != first
    widget.set_data("")
    assert widget.pixmap().isNull() and widget.data() == ""
    widget.set_data(URL)
    widget.clear()
    assert widget.pixmap().isNull() and widget.data() == ""


def test_the_size_hint_does_not_follow_the_pixmap(qtbot) -> None:
    widget = QrWidget(URL)
    qtbot.addWidget(widget)
    hint = widget.sizeHint()
    widget.resize(900, 900)
    assert widget.sizeHint() == hint
    assert widget.minimumSizeHint().width() <= hint.width()
