"""Photo actions of the main window: attach (dialog, paste, drop), strip, caption, remove."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.core import photo_refs
from desktop.core.errors import TalknotesError
from desktop.core.models import Photo
from desktop.ui.autosave import Autosaver, Target
from desktop.ui.note_pane import NotePane
from desktop.ui.notifier import Notifier
from desktop.ui.photo_strip import PhotoViewer

if TYPE_CHECKING:
    from desktop.services.library import Library
    from desktop.ui.backend import Backend

IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.heic *.heif)"


def preview_src(lib: Library, key: str) -> str | None:
    """Runs in the preview's render thread: the photo's upright thumbnail as a file URL."""
    from desktop.services.library import photo_file

    path = photo_file(lib, key, thumbnail=True)
    return QUrl.fromLocalFile(str(path)).toString() if path else None


def _strip_rows(lib: Library, target: Target) -> list[tuple[Photo, Path | None]]:
    """Runs off the GUI thread: the note's photos and their (possibly new) thumbnails."""
    from desktop.services.library import strip_rows

    return strip_rows(lib, target.kind, target.id)


def place_photos(edit: QPlainTextEdit, references: list[str], typing_went_on: bool = False) -> None:
    """Each photo a paragraph of its own (a line break alone glued it to the text or photo
    before it: one paragraph in the preview and the blog). Typed mid-paragraph (a sentence,
    a quote), or typing on while the photo was stored, the photos go after that paragraph
    and the cursor stays in the sentence (they split a word being typed)."""
    cursor = edit.textCursor()
    block = cursor.block()
    mid = (
        typing_went_on
        or bool(block.text()[cursor.positionInBlock() :].strip())
        or bool(block.next().isValid() and block.next().text().strip() and block.text().strip())
    )
    at = QTextCursor(cursor)
    if mid:  # to the end of the paragraph
        while at.block().next().isValid() and at.block().next().text().strip():
            at.movePosition(QTextCursor.MoveOperation.NextBlock)
        at.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    before = at.block().text()[: at.positionInBlock()]
    previous = at.block().previous()
    if before.strip():
        prefix = "\n\n"
    elif previous.isValid() and previous.text().strip():
        prefix = "\n"
    else:
        prefix = ""
    stay = cursor.position()  # (the photos go at or after it: the text before is unchanged)
    at.insertText(prefix + "\n\n".join(references) + ("\n" if mid else "\n\n"))
    if mid:
        cursor.setPosition(stay)
    edit.setTextCursor(cursor if mid else at)


class PhotoActions(QObject):
    attached = Signal(list)  # [Attached]
    failed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        library: Callable[[], Library],
        editor: NotePane,
        autosaver: Autosaver,
        backend: Backend,
        notifier: Notifier | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.editor, self.autosaver = window, editor, autosaver
        self.library = library  # the window's library (opened after it first paints)
        self.backend = backend  # photos are written in order with the notes that show them
        self.notifier = notifier or Notifier()
        # runs a command on the note chosen (the window's editor_command), at once by default
        self.on_chosen_note: Callable[[Callable[[], None]], None] = lambda command: command()
        editor.edit.images_dropped.connect(self.attach_to_chosen)
        editor.edit.image_pasted.connect(self.attach_image)
        strip = editor.strip
        strip.files_dropped.connect(self.attach_to_chosen)
        strip.jump_requested.connect(self.jump_to)
        strip.view_requested.connect(self.view)
        strip.caption_requested.connect(self.edit_caption)
        strip.remove_requested.connect(self.remove)

    # --- attach ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.editor.target is None:
            return
        from desktop.ui.photo_picker import choose_photos

        paths = choose_photos(self.window, IMAGE_FILTER)
        if paths:
            self.attach_paths(paths)

    def attach_image(self, image: QImage) -> None:
        """A pasted screenshot: written to a temp PNG, then attached like a file."""
        incoming = Path(tempfile.mkdtemp(prefix="paste-", dir=self.library().path))
        path = incoming / "Pasted image.png"
        if not image.save(str(path)):  # PNG, as the name says
            self.failed.emit("the pasted image could not be read")
            return
        self.attach_paths([str(path)], cleanup=incoming)

    def attach_to_chosen(self, paths: list[str]) -> None:
        """Files dropped on the note or the strip: for the note chosen. While one opens, the
        note still on screen is not it: they wait for it, among the keys typed meanwhile."""
        self.on_chosen_note(partial(self.attach_paths, paths))

    def attach_paths(self, paths: list[str], cleanup: Path | None = None) -> None:
        target = self.editor.target
        if target is None:
            return
        self.autosaver.save_now()
        lib = self.library()
        revision = self.editor.edit.document().revision()  # typing may go on meanwhile

        def work() -> list:
            from desktop.services.photos import attach_files

            try:
                return attach_files(lib, target.kind, target.id, [Path(p) for p in paths])
            finally:
                if cleanup is not None:
                    for leftover in cleanup.iterdir():
                        leftover.unlink()
                    cleanup.rmdir()

        self.backend.write(
            work,
            on_done=lambda result: self._attached(target, result, revision),
            on_error=self._failed,
        )

    def _attached(self, target: Target, result: list, revision: int = -1) -> None:
        new = [a.markdown for a in result if a.added]
        if new and self.editor.target == target:
            typed = self.editor.edit.document().revision() != revision
            place_photos(self.editor.edit, new, typing_went_on=typed)
        self.refresh_strip()
        self.attached.emit(result)

    def _failed(self, exc: BaseException) -> None:
        message = f"{exc.what}: {exc.why}" if isinstance(exc, TalknotesError) else str(exc)
        self.failed.emit(message)
        self.notifier.warn(self.window, "Photo not added", f"{message}\n\nNothing was added.")

    def _unchanged(self, exc: BaseException) -> None:
        message = f"{exc.what}: {exc.why}" if isinstance(exc, TalknotesError) else str(exc)
        self.failed.emit(f"The photo was not changed: {message}")
        self.refresh_strip()

    # --- strip -----------------------------------------------------------------------------

    def refresh_strip(self) -> None:
        target = self.editor.target
        if target is None:
            self.editor.strip.show_photos([])
            return
        self.backend.read(
            _strip_rows,
            self.library(),
            target,
            on_done=lambda rows: self._show_rows(target, rows),
            after_writes=True,  # an attach or a caption just asked for shows
        )

    def _show_rows(self, target: Target, rows) -> None:
        if self.editor.target == target:
            self.editor.strip.show_photos(rows)

    def _reference(self, photo: Photo) -> str:
        return photo_refs.target(photo_refs.key_of(photo.sha256))

    def jump_to(self, photo: Photo) -> None:
        found = self.editor.edit.document().find(self._reference(photo))
        if not found.isNull():
            found.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            self.editor.edit.setTextCursor(found)
            self.editor.edit.centerCursor()
            self.editor.edit.setFocus()

    def view(self, photo: Photo) -> None:
        from desktop.media import files

        path = files.ensure_thumbnail(self.library().media_dir, photo.sha256, size=1600)
        if path is not None:
            PhotoViewer(path, photo.caption, self.window).exec()

    def edit_caption(self, photo: Photo) -> None:
        from PySide6.QtWidgets import QInputDialog

        caption, ok = QInputDialog.getText(self.window, "Caption", "Caption:", text=photo.caption)
        if ok:
            self.set_caption(photo, caption)

    def set_caption(self, photo: Photo, caption: str, typed: bool = True) -> None:
        """Store the caption (typed: the user's own words) and rewrite its reference."""
        from desktop.services.photos import set_caption

        self.backend.write(
            set_caption, self.library(), photo.id, caption, typed, on_error=self._unchanged
        )
        doc: QTextDocument = self.editor.edit.document()
        found = doc.find(self._reference(photo))
        if not found.isNull():  # rewrite ![old](photo:key) in place, one undo step
            key = photo_refs.key_of(photo.sha256)
            block = found.block()
            for ref in photo_refs.find(block.text()):
                if ref.key == key:
                    cursor = QTextCursor(block)
                    cursor.setPosition(block.position() + ref.start)
                    cursor.setPosition(block.position() + ref.end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(photo_refs.make(caption, key))
                    break
        self.refresh_strip()

    def remove(self, photo: Photo) -> None:
        doc = self.editor.edit.document()
        found = doc.find(self._reference(photo))
        if not found.isNull():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self.window,
                "Remove photo",
                "The note still shows this photo. Remove the photo and its place in the note?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            cursor = QTextCursor(found.block())
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.removeSelectedText()
        from desktop.services.photos import remove_photo

        self.backend.write(remove_photo, self.library(), photo.id, on_error=self._unchanged)
        self.refresh_strip()
