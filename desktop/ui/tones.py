"""Text colours that read on the current palette, light or dark: the editor's Markdown colours
and the preview's quotes share them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Tones:
    accent: str  # headings, links, list marks
    muted: str  # time stamps
    code: str
    quote: str  # quotes, photo references


LIGHT = Tones(accent="#1f5fbf", muted="#6b7785", code="#9a4d00", quote="#2d7a3a")
DARK = Tones(accent="#7aa2f7", muted="#9aa5b1", code="#e0af68", quote="#9ece6a")


def tones() -> Tones:
    """The set for the application's palette now (dark when its text background is)."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return DARK if base.lightness() < 128 else LIGHT
