"""The main window's remembered layout (QSettings): geometry, splitters, the preview shown."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.ui import screen_fit

SPLITTERS = (("window/main-split", "main_split"), ("window/notes-split", "notes_split"))


def restore(window, settings: QSettings) -> bool:
    """Put back the last run's layout. Returns whether the splitters keep their default sizes
    (none saved yet): then they follow the window's width (default_split)."""
    geometry = settings.value("window/geometry")
    # a remembered geometry only if it fits the screen now (a laptop away from its monitor)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)) or not (
        screen_fit.fits(window)
    ):
        screen_fit.default_geometry(window)
    default = not isinstance(settings.value("window/main-split"), QByteArray)
    for key, name in SPLITTERS:
        state = settings.value(key)
        if isinstance(state, QByteArray):
            getattr(window, name).restoreState(state)
    if settings.value("window/preview", True) in (False, "false"):
        window.preview.setVisible(False)
        window.act_preview.setChecked(False)
    return default


def default_split(window) -> None:
    """Sidebar ~30 % of the width, editor and preview share the rest."""
    width = window.width()
    side = min(max(300, int(width * 0.3)), 470)  # a narrow window keeps room for the note
    window.main_split.setSizes([side, width - side])
    rest = width - side
    window.notes_split.setSizes([int(rest * 0.58), rest - int(rest * 0.58)])


def save(window, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    for key, name in SPLITTERS:
        settings.setValue(key, getattr(window, name).saveState())
    settings.setValue("window/preview", window.act_preview.isChecked())
