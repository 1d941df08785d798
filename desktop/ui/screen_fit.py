"""The window on small screens: sized within the screen, compact when short, focus mode."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1280, 800)
# Below this window height the note's header is one line (title, time, room) and the photo
# strip folds away: at 1024x600 the note then gets over 60 % of the height (about a quarter
# before). Between it and STRIP_FOLDS_BELOW only the strip (about 120 px) folds: a maximised
# window on a 1366x768 screen (about 700 px) keeps the details, who, when and where (two
# lines, about 40 px), and the note still gets three quarters of the height.
COMPACT_BELOW = 640
STRIP_FOLDS_BELOW = 720


def available(window: QWidget) -> QRect:
    """Where a window may go on its screen: without panels and docks."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


# Title bar and borders a window manager adds, until the shown window tells its own
DECORATION = (12, 40)


def _decoration(window: QWidget) -> tuple[int, int]:
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != inner:
        return frame.width() - inner.width(), frame.height() - inner.height()
    return DECORATION


def default_geometry(window: QWidget) -> None:
    """1280x800 or larger when it fits, else the available area less a margin, centred
    (title bar and borders included)."""
    area = available(window)
    frame_w, frame_h = _decoration(window)
    # a large screen: 80 % of it (up to 1680x1050), never less than 1280x800 where that fits
    wide = min(max(DEFAULT_SIZE[0], area.width() * 4 // 5), 1680)
    tall = min(max(DEFAULT_SIZE[1], area.height() * 4 // 5), 1050)
    width = min(wide, area.width() - frame_w - max(area.width() // 40, 8))
    height = min(tall, area.height() - frame_h - max(area.height() // 40, 8))
    window.resize(width, height)
    window.move(
        area.x() + (area.width() - width - frame_w) // 2,
        area.y() + (area.height() - height - frame_h) // 2,
    )


def keep_within(window: QWidget) -> None:
    """Once shown (its decorations known): shrink and move it into the available area."""
    if window.isMaximized() or window.isFullScreen():
        return
    area, frame = available(window), window.frameGeometry()
    if area.contains(frame):
        return
    frame_w, frame_h = _decoration(window)
    width = min(window.width(), area.width() - frame_w)
    height = min(window.height(), area.height() - frame_h)
    window.resize(width, height)
    x = min(max(frame.x(), area.x()), area.right() + 1 - width - frame_w)
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - height - frame_h)
    window.move(x, y)


def fits(window: QWidget) -> bool:
    """The window (as restored, with room for its title bar) lies within its screen's
    available area."""
    area = available(window)
    geometry = window.geometry()
    frame_w, frame_h = _decoration(window)
    return (
        geometry.width() + frame_w <= area.width()
        and geometry.height() + frame_h <= area.height()
        and area.intersects(geometry)
    )


def follow_height(window) -> None:
    """Compact editor (one-line header, folded photos) when the window is short or in focus
    mode."""
    short = window.height() < STRIP_FOLDS_BELOW or window.in_focus_mode
    window.editor.set_compact(window.height() < COMPACT_BELOW or window.in_focus_mode, short)


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
    window.editor.set_reading_column(entering)
    if entering:
        window.editor.show_notice("Focus mode: F11 or Esc returns to the schedule.", 3000)
    follow_height(window)
    window.editor.edit.setFocus()
    window.editor.edit.ensureCursorVisible()
