"""The note pane's title: the talk's title on up to two lines, and (when the details fold
away) a line of its when and where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy

TITLE_LINES = 2  # a title longer than this many lines ends elided (the tooltip has it all)


def wrapped(text: str, font: QFont, width: int, most: int) -> list[str]:
    """`text` in lines of at most `width` pixels, broken as Qt breaks lines (between words,
    else anywhere), at most `most` of them: the last one elided when the text goes on."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    used = 0
    layout.beginLayout()
    while len(lines) < most - 1:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        used = line.textStart() + line.textLength()
    layout.endLayout()
    rest = text[used:].strip()
    if rest:
        lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines or [""]


class TitleLine(QLabel):
    """The title of the note that receives the typing: it wraps (two lines at most, elided
    beyond) within the width it gets, never widening the window.

    At 1024x600 it was one line shared with the time and room, and read "Offline First,
    Al… · 10:00–10:30": a writer in a talk could not tell which note received the typing."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.setFont(font)
        self.setAccessibleName("Note being written")

    def set_full_text(self, text: str, tooltip: str = "") -> None:
        self._full = text
        self.setToolTip(tooltip or text)
        self._wrap()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._wrap()

    def _wrap(self) -> None:
        width = self.width()
        lines = wrapped(self._full, self.font(), width, TITLE_LINES) if width > 0 else [self._full]
        self.setText("\n".join(lines))


class FactsLine(QLabel):
    """Facts joined by " · " on one line (a talk's time and room): on a line too narrow for
    all of them the last ones give way (the room, then the time)."""

    def __init__(self) -> None:
        super().__init__()
        self._facts: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("When and where")

    def set_facts(self, facts: list[str]) -> None:
        self._facts = [f for f in facts if f]
        self.setToolTip(self.full_text())
        self._fit()

    def full_text(self) -> str:
        return " · ".join(self._facts)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics, facts = self.fontMetrics(), list(self._facts)
        while len(facts) > 1 and metrics.horizontalAdvance(" · ".join(facts)) > self.width():
            facts.pop()
        shown = " · ".join(facts)
        if self.width() > 0:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, self.width())
        self.setText(shown)
