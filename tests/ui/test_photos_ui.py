"""Photos in the window: paste from the clipboard, drop a file on the editor, the strip."""

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QListView

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.notes import talk_note
from desktop.store.photos import note_photos
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE
from tests.imagegen import make_photo
from tests.ui.conftest import RecordingNotifier, pasted_image


@pytest.fixture
def window(qtbot, library):
    import_schedule(library, str(SAMPLE))
    win = build_window(library, notifier=RecordingNotifier())
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.show()
    talk = next(t for t in list_talks(library) if t.title == "Static Sites in 2026")
    win.sidebar.select_talk(talk.id)
    qtbot.waitUntil(win.settled)
    win.talk = talk
    yield win
    win.autosaver.flush()


def test_paste_and_drop_land_in_note_and_strip(window, qtbot, library, tmp_path, monkeypatch):
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        window.editor.edit.insertFromMimeData(pasted_image())

    dropped = make_photo(tmp_path / "IMG_2001.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    assert window.editor.edit.canInsertFromMimeData(mime)
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        window.editor.edit.insertFromMimeData(mime)

    text = window.editor.edit.toPlainText()
    assert text.count("](photo:") == 2
    assert text.count("![](photo:") == 2  # short captions: the export adds the context
    qtbot.waitUntil(lambda: window.editor.strip.count() == 2, timeout=5000)
    names = sorted(p.original_name for p in window.editor.strip.photos())
    assert names == ["IMG_2001.jpg", "Pasted image.png"]
    window.autosaver.flush()
    note = talk_note(library, window.talk.id)
    assert note.body.count("](photo:") == 2
    assert len(note_photos(library, note.id)) == 2
    assert not list(library.path.glob("paste-*"))  # the temp file is gone
    qtbot.waitUntil(
        lambda: (
            "<img" in window.preview.toHtml()
            or window.preview.document().toHtml().count("<img") > 0
        ),
        timeout=5000,
    )


def test_bad_file_dropped_is_refused(window, qtbot, library, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_text("nope")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad))])
    with qtbot.waitSignal(window.photos.failed, timeout=10_000) as blocker:
        window.editor.edit.insertFromMimeData(mime)
    assert str(bad) in blocker.args[0]
    assert window.notifier.told == [
        ("warn", "Photo not added", f"{blocker.args[0]}\n\nNothing was added.")
    ]
    assert "](photo:" not in window.editor.edit.toPlainText()


def test_camera_roll_review_lets_user_move_and_skip(window, qtbot, library, tmp_path):
    roll = tmp_path / "roll"
    make_photo(roll / "IMG_a.jpg", when="2026:05:14 11:10:00")  # Static Sites / Schedules
    make_photo(roll / "IMG_b.jpg", when="2026:05:14 09:10:00")  # Opening keynote
    dialog = window.import_photo_folder(str(roll))
    qtbot.waitUntil(
        lambda: dialog.table.rowCount() == 2 and dialog.buttons.isEnabled(), timeout=10_000
    )
    keynote = next(t for t in list_talks(library) if t.title.startswith("Opening Keynote"))
    box_a, box_b = dialog.table.cellWidget(0, 2), dialog.table.cellWidget(1, 2)
    assert box_b.currentData() == keynote.id
    box_a.setCurrentIndex(box_a.findData(-1))  # skip the first
    with qtbot.waitSignal(dialog.applied, timeout=10_000) as blocker:
        dialog.apply()
    assert blocker.args == [1]
    keynote_note = talk_note(library, keynote.id)
    assert len(note_photos(library, keynote_note.id)) == 1
    assert talk_note(library, window.talk.id).id is None or not note_photos(
        library, talk_note(library, window.talk.id).id
    )


def test_the_photo_picker_shows_the_photo_under_the_cursor(qtbot, tmp_path):
    """Qt's own file dialog (no platform one): a preview pane, not bare file names."""
    from desktop.ui.photo_actions import IMAGE_FILTER
    from desktop.ui.photo_picker import PhotoPicker

    make_photo(tmp_path / "IMG_3001.jpg")
    picker = PhotoPicker(None, IMAGE_FILTER)
    qtbot.addWidget(picker)
    picker.setDirectory(str(tmp_path))
    picker.show()
    assert picker.preview.pixmap().isNull()
    files = picker.findChild(QListView, "listView")
    qtbot.waitUntil(lambda: files.model().rowCount(files.rootIndex()) > 0, timeout=5000)
    files.setFocus()
    qtbot.keyClick(files, Qt.Key.Key_Home)  # the cursor on the photo, by keys
    qtbot.waitUntil(lambda: not picker.preview.pixmap().isNull(), timeout=3000)
    shown = picker.preview.pixmap().size()
    assert shown.width() <= 240 and shown.height() <= 180


def test_a_photo_stored_while_typing_went_on_never_splits_the_word_being_typed(qtbot):
    """The attach is stored off the GUI thread; typing on meanwhile, the photo was put at the
    cursor: "After th![…](photo:…)e photo."."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QPlainTextEdit

    from desktop.ui.photo_actions import place_photos

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Intro.\n\nAfter th")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    place_photos(edit, ["![](photo:abc)"], typing_went_on=True)
    qtbot.keyClicks(edit, "e photo.")
    assert edit.toPlainText() == "Intro.\n\nAfter the photo.\n\n![](photo:abc)\n"
