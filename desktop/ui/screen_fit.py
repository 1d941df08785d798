"""The window on small screens: sized within the screen, compact when short, focus mode."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

DEFAULT_SIZE = (1280, 800)
# Below this window height the note's header is one line and the photo strip folds away:
# at 1024x600 the note then gets over 60 % of the height (about a quarter before).
COMPACT_BELOW = 720


def available(window: QMainWindow) -> QRect:
    """Where a window may go on its screen: without panels and docks."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def default_geometry(window: QMainWindow) -> None:
    """1280x800 when it fits, else the available area less a margin, centred."""
    area = available(window)
    frame_w = max(window.frameGeometry().width() - window.width(), 0)
    frame_h = max(window.frameGeometry().height() - window.height(), 0)
    width = min(DEFAULT_SIZE[0], area.width() - frame_w - max(area.width() // 40, 8))
    height = min(DEFAULT_SIZE[1], area.height() - frame_h - max(area.height() // 40, 8))
    window.resize(width, height)
    window.move(
        area.x() + (area.width() - width - frame_w) // 2,
        area.y() + (area.height() - height - frame_h) // 2,
    )


def fits(window: QMainWindow) -> bool:
    """The window (as restored) lies within its screen's available area."""
    area = available(window)
    geometry = window.geometry()
    return (
        geometry.width() <= area.width()
        and geometry.height() <= area.height()
        and area.intersects(geometry)
    )


def follow_height(window) -> None:
    """Compact editor (one-line header, folded photos) when the window is short or in focus
    mode."""
    window.editor.set_compact(window.height() < COMPACT_BELOW or window.in_focus_mode)


def toggle_focus_mode(window) -> None:
    """F11: the note alone, full screen, under its title line; F11 or Escape again returns."""
    entering = not window.in_focus_mode
    window.in_focus_mode = entering
    bars = [window.menuBar(), window.statusBar(), window.capture_toolbar]
    if entering:
        window._before_focus = {
            "sidebar": window.sidebar.isVisible(),
            "preview": window.preview.isVisible(),
            "maximized": window.isMaximized(),
        }
        for widget in (window.sidebar, window.preview, *bars):
            widget.setVisible(False)
        window.showFullScreen()
    else:
        before = getattr(window, "_before_focus", {})
        window.sidebar.setVisible(before.get("sidebar", True))
        window.preview.setVisible(before.get("preview", True))
        for widget in bars:
            widget.setVisible(True)
        if before.get("maximized"):
            window.showMaximized()
        else:
            window.showNormal()
    window.act_focus.setChecked(entering)
    follow_height(window)
    window.editor.edit.setFocus()
    window.editor.edit.ensureCursorVisible()
