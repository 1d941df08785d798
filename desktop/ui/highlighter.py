"""Markdown syntax highlighting for the note editor: headings, emphasis, code, links, quotes."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication


def _fmt(color: QColor | None = None, *, bold=False, italic=False, mono=False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color is not None:
        fmt.setForeground(color)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    FENCE_STATE = 1

    def __init__(self, document) -> None:
        super().__init__(document)
        palette = QApplication.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        accent = QColor("#7aa2f7" if dark else "#1f5fbf")
        muted = QColor("#9aa5b1" if dark else "#6b7785")
        code = QColor("#e0af68" if dark else "#9a4d00")
        quote = QColor("#9ece6a" if dark else "#2d7a3a")
        self.heading = _fmt(accent, bold=True)
        self.rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), _fmt(bold=True)),
            (re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])"), _fmt(italic=True)),
            (re.compile(r"`[^`\n]+`"), _fmt(code, mono=True)),
            (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), _fmt(accent)),
            (re.compile(r"<https?://[^>\s]+>|https?://\S+"), _fmt(accent)),
            (re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?\]"), _fmt(muted, bold=True)),  # time stamps
        ]
        self.image = _fmt(quote, italic=True)
        self.quote = _fmt(quote)
        self.code_block = _fmt(code, mono=True)
        self.list_mark = _fmt(accent, bold=True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        in_fence = self.previousBlockState() == self.FENCE_STATE
        if text.lstrip().startswith(("```", "~~~")):
            self.setFormat(0, len(text), self.code_block)
            self.setCurrentBlockState(0 if in_fence else self.FENCE_STATE)
            return
        if in_fence:
            self.setFormat(0, len(text), self.code_block)
            self.setCurrentBlockState(self.FENCE_STATE)
            return
        self.setCurrentBlockState(0)
        stripped = text.lstrip()
        if re.match(r"#{1,6}\s", stripped):
            self.setFormat(0, len(text), self.heading)
            return
        if stripped.startswith(">"):
            self.setFormat(0, len(text), self.quote)
        elif m := re.match(r"\s*([-*+]|\d+[.)])\s", text):
            self.setFormat(m.start(1), len(m.group(1)), self.list_mark)
        for pattern, fmt in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
        for match in re.finditer(r"!\[[^\]\n]*\]\(photo:[^)\n]*\)", text):
            self.setFormat(match.start(), match.end() - match.start(), self.image)
