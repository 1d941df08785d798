"""Markdown colours in the note editor: headings, emphasis, code, links, quotes, time stamps.

Not a QSyntaxHighlighter: that sets a line's formats again on every keystroke, even when they
did not change, and each time QPlainTextEdit repaints its whole viewport (2 ms a key, up to
12 ms, in a long note). This one sets a line's formats only when they differ, so typing at
the end of a paragraph repaints just that paragraph. It also keeps each line's shaped glyphs
(about 1.4 MiB for a 20,000-word note), which halves the cost of a repaint.

A whole note is coloured a slice of lines at a time (SLICE_S, then PAUSE_MS for the rest of
the app): at once, a 100,000-word note held the GUI thread ~0.7 s as it opened, and slices
back to back held the interpreter from the preview's render thread as the note opened. The
lines shown are coloured ahead of the sweep (colour_ahead): opened at its end, a long note
was uncoloured there until the sweep got to it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRegularExpression, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from desktop.core.markdown_spans import line_spans, unchanged_by_append
from desktop.ui.tones import tones

IN_FENCE = 1  # a block's user state: a fenced code block is open after it
# Kinds that colour a line to its end: their last run is given a length past any line's end, so
# typing at the end of a quote or heading leaves the formats as they are (nothing to repaint
# but the line). QTextLayout reads a range only as far as the text goes.
LINE_KINDS = frozenset({"heading", "quote", "code_block"})
TO_LINE_END = 1 << 20
SLICE_S = 0.004  # colouring a whole note: this long per turn of the event loop
PAUSE_MS = 4  # and then this long for the rest
AHEAD_CHARS = 5000  # colour_ahead: about a tall screenful of text
# A line that opens or closes a code fence, as markdown_spans.line_spans reads one
_FENCE_LINE = QRegularExpression(r"^\s*(?:```|~~~)")


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


def _formats() -> dict[str, QTextCharFormat]:
    """A format per span kind, in colours that read on the current palette."""
    now = tones()
    accent, muted, code, quote = (QColor(c) for c in (now.accent, now.muted, now.code, now.quote))
    return {
        "heading": _fmt(accent, bold=True),
        "bold": _fmt(bold=True),
        "italic": _fmt(italic=True),
        "code": _fmt(code, mono=True),
        "code_block": _fmt(code, mono=True),
        "link": _fmt(accent),
        "timestamp": _fmt(muted, bold=True),
        "photo": _fmt(quote, italic=True),
        "quote": _fmt(quote),
        "list_mark": _fmt(accent, bold=True),
    }


class MarkdownHighlighter(QObject):
    """Colours `document` now and after each change, line by line."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._doc = document
        self._tones, self._formats = tones(), _formats()
        self._busy = False
        self._sweep_at: int | None = None  # where colouring the whole note goes on from
        self._sweep_timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._sweep_timer.timeout.connect(self._sweep)
        document.contentsChange.connect(self._changed)
        self.rehighlight()

    def format_of(self, kind: str) -> QTextCharFormat:
        return self._formats[kind]

    def restyle(self) -> None:
        """Colour anew when the palette switched between light and dark."""
        if tones() != self._tones:
            self._tones, self._formats = tones(), _formats()
            self.rehighlight()

    def rehighlight(self) -> None:
        """Colour every line: the first slice now, the rest in later turns of the event loop
        (each slice then one layout pass for its lines)."""
        self._sweep_at = 0
        self._sweep()

    @property
    def done(self) -> bool:
        """Every line coloured (no slices left)."""
        return self._sweep_at is None

    def _sweep(self) -> None:
        if self._sweep_at is None:
            return
        deadline = time.perf_counter() + SLICE_S
        block = self._doc.findBlock(self._sweep_at)
        start, changed = block.position(), False
        while block.isValid():  # one line at least: a slice started late still moves on
            changed |= self._apply(block, dirty=False)[0]
            block = block.next()
            if time.perf_counter() >= deadline:
                break
        end = block.position() if block.isValid() else self._doc.characterCount()
        if changed:
            self._dirty(start, end - start)
        self._sweep_at = block.position() if block.isValid() else None
        if self._sweep_at is not None:
            self._sweep_timer.start()

    def colour_ahead(self, first: QTextBlock) -> None:
        """Colour the lines from `first` on (about AHEAD_CHARS of them: those shown) now, when
        the sweep has not got to them yet."""
        if self._sweep_at is None or first.position() + first.length() <= self._sweep_at:
            return
        previous = first.previous()
        if previous.isValid() and previous.position() >= self._sweep_at:
            # not swept yet: whether a code fence is open here, from the fence lines before
            # (searched in Qt: copying a 100,000-word note's text out took ~10 ms)
            opened, found = False, self._doc.find(_FENCE_LINE, 0)
            while not found.isNull() and found.selectionStart() < first.position():
                opened = not opened
                found = self._doc.find(_FENCE_LINE, found.selectionEnd())
            previous.setUserState(IN_FENCE if opened else 0)
        block, end = first, first.position() + AHEAD_CHARS
        while block.isValid() and block.position() < end:
            self._apply(block, dirty=True)
            block = block.next()

    def _changed(self, position: int, removed: int, added: int) -> None:
        """Colour the changed lines, then the following ones while a fence opens or closes."""
        if self._busy:
            return
        if self._sweep_at is not None and position < self._sweep_at:  # the sweep's place moves
            self._sweep_at = max(position, self._sweep_at + added - removed)
        block = self._doc.findBlock(position)
        start = position - block.position()
        at_end = not removed and start + added == block.length() - 1
        if at_end and unchanged_by_append(block.text(), start):
            return  # the common keystroke, typing on: nothing to colour anew (saves 0.35 ms)
        last = self._doc.findBlock(position + added).blockNumber()
        while block.isValid():
            fence_changed = self._apply(block, dirty=True)[1]
            if block.blockNumber() >= last and not fence_changed:
                break
            block = block.next()

    def _apply(self, block: QTextBlock, *, dirty: bool) -> tuple[bool, bool]:
        """Set `block`'s formats when they differ (with `dirty`, lay it out again). Returns
        whether its formats changed and whether its fence state did."""
        previous = block.previous()
        in_fence = previous.isValid() and previous.userState() == IN_FENCE
        text = block.text()
        spans, fence_after = line_spans(text, in_fence)
        if spans and spans[-1][2] in LINE_KINDS and sum(spans[-1][:2]) == len(text):
            spans[-1] = (spans[-1][0], TO_LINE_END, spans[-1][2])
        state = IN_FENCE if fence_after else 0
        state_changed = block.userState() != state
        block.setUserState(state)
        layout = block.layout()
        layout.setCacheEnabled(True)  # keep shaped glyphs: a repaint then skips shaping again
        wanted = [(start, length, self._formats[kind]) for start, length, kind in spans]
        existing = layout.formats()  # keep alive: each r.format belongs to its range
        formats_changed = wanted != [(r.start, r.length, r.format) for r in existing]
        if formats_changed:
            ranges = []
            for start, length, fmt in wanted:
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = start, length, fmt
                ranges.append(r)
            layout.setFormats(ranges)
            if dirty:
                self._dirty(block.position(), block.length())
        return formats_changed, state_changed

    def _dirty(self, position: int, length: int) -> None:
        """Have the document lay out and repaint this range again."""
        self._busy = True
        try:
            self._doc.markContentsDirty(position, length)
        finally:
            self._busy = False
