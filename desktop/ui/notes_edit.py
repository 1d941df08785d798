"""The plain-text editor widget, which also accepts pasted and dropped images."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit

from desktop.media.suffixes import IMAGE_SUFFIXES


def _image_paths(source: QMimeData) -> list[str]:
    return [
        url.toLocalFile()
        for url in source.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(tuple(IMAGE_SUFFIXES))
    ]


class NotesEdit(QPlainTextEdit):
    images_dropped = Signal(list)  # [path]
    image_pasted = Signal(QImage)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """The line being typed stays in view when the editor gets shorter (the talk header
        grows on opening a talk, the window shrinks); QPlainTextEdit alone lets it slip below."""
        super().resizeEvent(event)
        cursor = self.cursorRect()  # (the viewport has its new size already)
        was_high = self.viewport().height() + event.oldSize().height() - event.size().height()
        if cursor.bottom() >= 0 and cursor.top() < was_high:  # it was in view
            self.ensureCursorVisible()

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
