"""The main window's dialogs: export, camera-roll filing, note history, about."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.preview import blog_flavor


def open_export(window):
    """File → Export to Blog…, for the selected talk, its day or its conference."""
    from desktop.ui.export.dialog import ExportDialog

    window.autosaver.flush()  # export what was just typed
    from datetime import date

    from desktop.ui.schedule_model import DAY_ROLE, KIND_ROLE

    talk_id = window.sidebar.current_talk_id()
    talk = window.model.talk(talk_id) if talk_id is not None else None
    conference_id = talk.conference_id if talk else window.sidebar.current_conference_id()
    day = talk.day if talk else None
    current = window.sidebar.tree.currentIndex()
    if talk is None and current.data(KIND_ROLE) == "day" and current.data(DAY_ROLE):
        day = date.fromisoformat(current.data(DAY_ROLE))  # a day in view: its recap
    dialog = ExportDialog(
        window.lib,
        window.backend,
        window,
        conference_id=conference_id,
        talk_id=talk_id,
        day=day,
        notifier=window.notifier,
    )
    # the blog chosen there decides how the preview reads notes (goldmark or kramdown)
    dialog.finished.connect(lambda _r: window.preview.set_flavor(blog_flavor(window.settings)))
    dialog.open()
    return dialog


def import_photo_folder(window, folder: str | None = None):
    """File → Import Photos from Folder…: review, then file."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.camera_roll_dialog import CameraRollDialog

    folder = folder or QFileDialog.getExistingDirectory(window, "Photos to file")
    if not folder:
        return None
    window.autosaver.flush()
    dialog = CameraRollDialog(window.lib, Path(folder), window.backend, window)
    dialog.applied.connect(lambda added: _photos_filed(window, added))
    dialog.open()
    return dialog


def _photos_filed(window, added: int) -> None:
    window.editor.forget_documents()  # notes changed on disk: reload them
    window.reload()
    window.statusBar().showMessage(f"{added} photos filed to their talks.", 8000)


def show_history(window):
    """Earlier versions; restoring replaces the text in the editor (undoable, autosaved)."""
    from desktop.services import notes
    from desktop.ui.history_dialog import HistoryDialog

    target = window.editor.target
    if target is None:
        return
    window.autosaver.save_now()  # the versions are read after the note is saved
    lib = window.lib

    def read() -> list:
        note_id = notes.note_id(lib, target.kind, target.id)
        return notes.versions(lib, note_id) if note_id else []

    def show(versions: list) -> None:
        if window.editor.target != target:
            return  # another note was opened meanwhile
        current = window.editor.text_of(target)
        dialog = HistoryDialog(versions, current, window.backend.compute, window)
        dialog.accepted.connect(lambda: _restore(window, target, dialog.chosen))
        dialog.open()

    window._read(read, on_done=show, after_writes=True)


def _restore(window, target, version) -> None:
    """The version becomes the note's text: in the library at once, the text it replaces kept
    as a version ("before restore"); in the editor as one step Undo takes back."""
    from desktop.services import notes

    if version is None or window.editor.target != target:
        return
    window.autosaver.save_now()  # the writer saves what is typed, then restores
    window._write(notes.restore_version, window.lib, version.id)
    cursor = window.editor.edit.textCursor()
    cursor.beginEditBlock()
    cursor.select(cursor.SelectionType.Document)
    cursor.insertText(version.body)
    cursor.endEditBlock()
    window.autosaver.save_now()


def show_about(window) -> None:
    import platform

    from PySide6 import __version__ as qt_version
    from PySide6.QtWidgets import QMessageBox

    from desktop import __version__

    library = window.lib.path if window.lib else "(opening…)"
    QMessageBox.about(
        window,
        "About Talknotes",
        f"<b>Talknotes {__version__}</b><br>Conference notes that become blog "
        f"posts.<br><br>Library: {library}<br>Qt (PySide6) {qt_version}"
        f" · Python {platform.python_version()}",
    )
