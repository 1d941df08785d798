"""A note's text as QTextDocument.toPlainText gives it, kept up to date a line at a time.

toPlainText copies the whole document (UTF-16) into a new Python string: 2–5 ms of the GUI
thread for a 100,000-word note, once per autosave, preview and word count while typing goes
on. Here each change re-reads only the lines (blocks) it touched, from the document's
contentsChange signal, and the text is joined from the lines when asked for (~0.1 ms).
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

# What toPlainText writes for a character a line may hold (a block's own separators never
# show in its text): a no-break space as a space, a line separator (Shift+Enter, pasted)
# as a line break.
_SHOWN_AS = (("\xa0", " "), ("\u2028", "\n"))
# Characters setPlainText takes as the end of a line, besides "\n"
_LINE_ENDS = ("\r", "\u2029", "\ufdd0", "\ufdd1")


def _plain(line: str) -> str:
    """A block's text as toPlainText writes it."""
    if line.isascii():
        return line
    for char, shown in _SHOWN_AS:
        if char in line:
            line = line.replace(char, shown)
    return line


class DocumentText:
    """The plain text of `doc`, which holds `body` (set with setPlainText) when made.

    Assumes every change of the document reports where it happened (contentsChange), as
    Qt's edits, undo and redo do: the blocks from the block at its position to the block
    after its added text are read again; the blocks around them are as they were."""

    def __init__(self, doc: QTextDocument, body: str) -> None:
        self._doc = doc
        self._lines = self._split(body)
        self._text: str | None = None
        doc.contentsChange.connect(self._changed)

    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self._lines)
        return self._text

    def _split(self, body: str) -> list[str]:
        """The document's lines, from the text it was given when it can (splitting a
        100,000-word note: ~1 ms; reading its blocks one by one: ~5 ms)."""
        if not any(end in body for end in _LINE_ENDS):
            lines = body.split("\n")
            if not body.isascii():
                lines = [_plain(line) for line in lines]
            if len(lines) == self._doc.blockCount():
                return lines
        return self._read(self._doc.begin(), self._doc.lastBlock())

    @staticmethod
    def _read(first: QTextBlock, last: QTextBlock) -> list[str]:
        lines = []
        block = first
        while block.isValid():
            lines.append(_plain(block.text()))
            if block == last:
                break
            block = block.next()
        return lines

    def _changed(self, position: int, _removed: int, added: int) -> None:
        doc = self._doc
        first = doc.findBlock(position)
        if (  # the common keystroke: within one line, as many lines as before
            doc.blockCount() == len(self._lines)
            and first.isValid()
            and position + added < first.position() + first.length()
        ):
            self._lines[first.blockNumber()] = _plain(first.text())
            self._text = None
            return
        last = doc.findBlock(position + added)
        if not first.isValid():  # (a change reported up to the document's very end)
            first = doc.lastBlock()
        if not last.isValid():
            last = doc.lastBlock()
        start = first.blockNumber()
        # the lines the change replaced: as many as it left, and those it took away
        end = last.blockNumber() + 1 + len(self._lines) - doc.blockCount()
        if end < start:  # more lines than the change says it added: read them all again
            start, end, first = 0, len(self._lines), doc.begin()
            last = doc.lastBlock()
        self._lines[start:end] = self._read(first, last)
        self._text = None
