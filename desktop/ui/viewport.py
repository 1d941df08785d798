"""A scroll area's visible height, without asking for its viewport widget.

PySide's first call to viewport() on any scroll area sets up the Python types of most of
QtWidgets (~50 enums: dialogs, wizards, graphics views), ~18 ms here, paid on opening the first
note. The visible height is known without it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea


def viewport_height(area: QAbstractScrollArea) -> int:
    """What viewport().height() gives: the area within the frame, less a horizontal scroll
    bar shown as needed (maximumViewportSize counts one that is always on already)."""
    height = area.maximumViewportSize().height()
    bar = area.horizontalScrollBar()
    if bar.isVisible() and area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOn:
        height -= bar.height()
    return height
