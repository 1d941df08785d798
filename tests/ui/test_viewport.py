"""viewport_height gives what viewport().height() gives, without PySide's costly first call."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser

from desktop.ui.viewport import viewport_height


@pytest.mark.parametrize("kind", [QPlainTextEdit, QTextBrowser])
@pytest.mark.parametrize("bar", ["none", "as needed", "always"])
def test_the_visible_height_is_the_viewport_s(qtbot, kind, bar):
    area = kind()
    qtbot.addWidget(area)
    area.resize(300, 200)
    if bar != "none":  # a long line: a horizontal scroll bar takes its share
        area.setLineWrapMode(kind.LineWrapMode.NoWrap)
    if bar == "always":
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    area.setPlainText("word " * 400)
    area.show()
    qtbot.waitExposed(area)
    for height in (200, 120, 333):
        area.resize(300, height)
        qtbot.waitUntil(lambda h=height: area.height() == h)
        if bar != "none":
            assert area.horizontalScrollBar().isVisible()
        assert viewport_height(area) == area.viewport().height()
