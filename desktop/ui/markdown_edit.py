"""The text widget notes are typed in (a QPlainTextEdit): Markdown list and quote keys, and
pasted or dropped images. The pane around it (title, details, photo strip) is note_pane."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.core import list_editing
from desktop.media.suffixes import IMAGE_SUFFIXES
from desktop.ui.viewport import viewport_height

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
_HANDLED = frozenset((*_ENTER, Qt.Key.Key_Tab, Qt.Key.Key_Backtab))


def _image_paths(source: QMimeData) -> list[str]:
    return [
        url.toLocalFile()
        for url in source.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(tuple(IMAGE_SUFFIXES))
    ]


class MarkdownEdit(QPlainTextEdit):
    images_dropped = Signal(list)  # [path]
    image_pasted = Signal(QImage)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """The line being typed stays in view when the editor gets shorter (the talk header
        grows on opening a talk, the window shrinks); QPlainTextEdit alone lets it slip below."""
        super().resizeEvent(event)
        if not event.oldSize().isValid():  # its first size: nothing was in view yet
            return
        cursor = self.cursorRect()  # (the viewport has its new size already)
        was_high = viewport_height(self) + event.oldSize().height() - event.size().height()
        if cursor.bottom() >= 0 and cursor.top() < was_high:  # it was in view
            self.ensureCursorVisible()

    # --- lists and quotes: Enter continues or ends them, Tab / Shift+Tab nest items ---------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() not in _HANDLED:  # letters: straight on (this runs on every key)
            super().keyPressEvent(event)
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        cursor = self.textCursor()
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & CTRL:
            # Tab belongs to the note (lists); Ctrl+Tab leaves it, as in Qt's own text fields
            backwards = event.key() == Qt.Key.Key_Backtab or bool(mods & SHIFT)
            self.setTabChangesFocus(True)  # (else an editable text refuses to pass it on)
            self.focusNextPrevChild(not backwards)
            self.setTabChangesFocus(False)
            return
        if event.key() in _ENTER and plain and not cursor.hasSelection():
            if self._continue_block(cursor):
                return
        elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not cursor.hasSelection():
            outdent = event.key() == Qt.Key.Key_Backtab
            shift_only = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
            if shift_only and self._nest(cursor, outdent):
                return
        if event.key() == Qt.Key.Key_Backtab or (event.key() == Qt.Key.Key_Tab and mods & SHIFT):
            # Shift+Tab never leaves the note (Qt would move focus to the next button and the
            # next line typed would be lost): off a list it outdents, or does nothing
            self._outdent_lines(cursor)
            return
        super().keyPressEvent(event)

    def _outdent_lines(self, cursor: QTextCursor) -> None:
        """Take one indent step (a tab, or up to four spaces) off each line of the cursor or
        the selection; a line without indent stays as it is."""
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        edit = QTextCursor(document)
        edit.beginEditBlock()
        block = first
        while block.isValid():
            line = block.text()
            cut = 1 if line.startswith("\t") else len(line[:4]) - len(line[:4].lstrip(" "))
            if cut:
                edit.setPosition(block.position())
                edit.setPosition(block.position() + cut, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            if block == last:
                break
            block = block.next()
        edit.endEditBlock()

    def _continue_block(self, cursor: QTextCursor) -> bool:
        """Enter in an item or a quote: the next line continues it (the text after the cursor
        moves there); on an empty one, Enter ends it. At a line's start Enter is plain."""
        line = cursor.block().text()
        if cursor.positionInBlock() == 0:
            return False
        answer = list_editing.on_enter(line)
        if answer is None:
            return False
        cursor.beginEditBlock()
        if answer.end_line is not None:
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            # a blank line after the list: the next line starts a paragraph (a line right
            # under an item would continue it)
            cursor.insertText(answer.end_line + "\n")
        else:
            cursor.insertText("\n" + (answer.continuation or ""))
            self._renumber_around(cursor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _nest(self, cursor: QTextCursor, outdent: bool) -> bool:
        block = cursor.block()
        line = block.text()
        if not list_editing.is_item(line):
            return False
        above: list[str] = []
        previous = block.previous()
        while previous.isValid() and previous.text().strip():
            above.insert(0, previous.text())
            previous = previous.previous()
        changed = (list_editing.outdent if outdent else list_editing.indent)(line, above)
        if changed == line:
            return True  # nothing to nest under: Tab does nothing rather than a tab character
        column = cursor.positionInBlock() + len(changed) - len(line)
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(changed)
        self._renumber_around(cursor)
        cursor.setPosition(block.position() + max(0, min(column, len(changed))))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def _renumber_around(self, cursor: QTextCursor) -> None:
        """Renumber the numbered items of the paragraph around the cursor (no blank lines)."""
        first = last = cursor.block()
        while first.previous().isValid() and first.previous().text().strip():
            first = first.previous()
        while last.next().isValid() and last.next().text().strip():
            last = last.next()
        lines, block = [], first
        while True:
            lines.append(block.text())
            if block == last:
                break
            block = block.next()
        numbered = list_editing.renumber(lines)
        block = first
        for old, new in zip(lines, numbered, strict=True):
            if old != new:
                fix = QTextCursor(block)
                fix.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                fix.insertText(new)
            block = block.next()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt override)
        return (
            source.hasImage() or bool(_image_paths(source)) or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        paths = _image_paths(source)
        if paths:
            self.images_dropped.emit(paths)
        elif source.hasImage():
            self.image_pasted.emit(QImage(source.imageData()))
        else:
            super().insertFromMimeData(source)
