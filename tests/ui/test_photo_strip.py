"""The photo strip: each thumbnail in a frame that shows on the strip, light or dark."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core.models import Photo
from desktop.ui.photo_strip import PhotoStrip


def _outline(image: QImage, area: QRect, background: QColor) -> tuple[int, int]:
    """How many rows and columns of `area` have a line of pixels standing out from
    `background` as long as a thumbnail's side (96 x 54 px): a frame has two of each."""

    def stands_out(x: int, y: int) -> bool:
        pixel = QColor(image.pixel(x, y))
        return (
            max(
                abs(pixel.red() - background.red()),
                abs(pixel.green() - background.green()),
                abs(pixel.blue() - background.blue()),
            )
            >= 48
        )

    xs, ys = range(area.left(), area.right() + 1), range(area.top(), area.bottom() + 1)
    rows = sum(sum(stands_out(x, y) for x in xs) >= 96 for y in ys)
    columns = sum(sum(stands_out(x, y) for y in ys) >= 54 for x in xs)
    return rows, columns


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_slide_the_colour_of_the_strip_shows_its_frame(qtbot, shown, go_dark, tmp_path, theme):
    """A white slide on the light theme's white strip (a dark one on the dark theme's strip)
    could not be seen: its thumbnail has a frame of a colour that stands out from the strip."""
    if theme == "dark":
        go_dark()
    background = QApplication.palette().color(QPalette.ColorRole.Base)
    slide = QImage(1600, 900, QImage.Format.Format_RGB32)
    slide.fill(background)  # the strip's own colour: white, or the dark theme's
    thumb = tmp_path / "thumb.png"
    slide.scaled(320, 180).save(str(thumb))
    strip = shown(PhotoStrip(), 400, 130)
    strip.show_photos([(Photo("ab" * 32, "slide.png", 1000, 1600, 900), thumb)])
    item = strip.item(0)
    cell = strip.visualItemRect(item)
    icon_area = QRect(cell.left(), cell.top(), cell.width(), strip.iconSize().height() + 4)
    image = strip.viewport().grab().toImage()
    rows, columns = _outline(image, icon_area.intersected(image.rect()), background)
    assert rows >= 2 and columns >= 2, (rows, columns)  # round the 96x54 thumbnail


def test_another_shot_s_mark_is_a_character_the_font_has(qtbot, shown, tmp_path):
    """Another shot of a kept slide was marked "⧉", which common fonts lack: an empty box."""
    from PySide6.QtGui import QFontMetrics

    from desktop.ui.photo_strip import ANOTHER_SHOT

    thumb = tmp_path / "thumb.png"
    QImage(32, 18, QImage.Format.Format_RGB32).save(str(thumb))
    strip = shown(PhotoStrip(), 400, 130)
    kept = Photo("ab" * 32, "sharp.jpg", 1000, 1600, 900, id=1)
    other = Photo("cd" * 32, "blurry.jpg", 1000, 1600, 900, id=2, duplicate_of=1)
    strip.show_photos([(kept, thumb), (other, thumb)])
    assert (
        strip.item(1).text().startswith(ANOTHER_SHOT) and ANOTHER_SHOT not in strip.item(0).text()
    )
    assert QFontMetrics(strip.item(1).font()).inFontUcs4(ord(ANOTHER_SHOT))
