"""View → Theme: Light, Dark or as the system has it, remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

THEMES = (("system", "&System"), ("light", "&Light"), ("dark", "&Dark"))
KEY = "appearance/theme"

_DARK = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2f3136",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.ToolTipBase: "#2b2d31",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8a8f98",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7aa2f7",
    QPalette.ColorRole.Mid: "#44474d",
    QPalette.ColorRole.Dark: "#18191c",
    QPalette.ColorRole.Light: "#3a3d42",
}
_scheme = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


def _palette(name: str, system: QPalette) -> QPalette:
    if name == "dark":
        palette = QPalette(system)
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80848c"))
        return palette
    if name == "light":
        return QApplication.style().standardPalette()
    return system


class ThemeMenu:
    """The menu's three choices; choosing one recolours the whole app at once (the editor's
    and the preview's colours follow the palette, see ui.tones)."""

    def __init__(self, menu: QMenu, settings: QSettings) -> None:
        self.settings = settings
        self.system = QPalette(QApplication.palette())
        self.group = QActionGroup(menu)
        self.actions: dict[str, QAction] = {}
        for name, label in THEMES:
            action = QAction(label, menu, checkable=True)
            action.triggered.connect(lambda _on, n=name: self.apply(n))
            self.group.addAction(action)
            menu.addAction(action)
            self.actions[name] = action
        chosen = settings.value(KEY, "system", str)
        self.apply(chosen if chosen in self.actions else "system", remember=False)

    def apply(self, name: str, remember: bool = True) -> None:
        QApplication.styleHints().setColorScheme(_scheme[name])
        QApplication.setPalette(_palette(name, self.system))
        self.actions[name].setChecked(True)
        if remember:
            self.settings.setValue(KEY, name)
