"""The note pane keeps each note's place: a note opened again this run has its cursor where
the writer left it (typing and photos go there), not at the note's first character."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QImage

from desktop.store.talks import list_talks
from tests.ui.conftest import sample_window

ENTER, DOWN, UP = Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Up


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library)
    win.talks = {t.title: t for t in list_talks(library)}
    yield win
    win.autosaver.flush()


def _choose(window, qtbot, title):
    """Ctrl+F, the talk's title, Down to its row, Enter: as the tester did."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    filter_edit = window.sidebar.filter_edit
    assert filter_edit.hasFocus()
    filter_edit.selectAll()
    qtbot.keyClicks(filter_edit, title)
    qtbot.keyClick(filter_edit, DOWN)
    qtbot.keyClick(window.sidebar.tree, ENTER)
    qtbot.waitUntil(lambda: window.editor.talk is not None and window.editor.talk.title == title)
    qtbot.waitUntil(window.settled)


def test_a_note_opened_again_types_where_it_was_left(window, qtbot):
    edit = window.editor.edit
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, "NetBSD 10 is out.")
    qtbot.keyClick(edit, ENTER)
    qtbot.keyClicks(edit, "Hugo builds in 40 ms.")
    _choose(window, qtbot, "Closing Remarks")
    qtbot.keyClicks(edit, "Thanks all.")
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, " X")  # at the end, where it was left: not glued onto the first line
    assert window.editor.current_text() == "NetBSD 10 is out.\nHugo builds in 40 ms. X"

    qtbot.keyClick(edit, UP)  # somewhere in the middle this time
    qtbot.keyClick(edit, Qt.Key.Key_End)
    _choose(window, qtbot, "Closing Remarks")
    assert window.editor.current_text() == "Thanks all."  # (its own place: its end)
    qtbot.keyClicks(edit, " Bye.")
    assert window.editor.current_text() == "Thanks all. Bye."
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, " Y")
    assert window.editor.current_text() == "NetBSD 10 is out. Y\nHugo builds in 40 ms. X"


def test_a_selection_survives_reopening_too(window, qtbot):
    edit = window.editor.edit
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, "one two three")
    qtbot.keyClick(edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # "three"
    _choose(window, qtbot, "Closing Remarks")
    _choose(window, qtbot, "Static Sites in 2026")
    assert edit.textCursor().selectedText() == "three"


def test_a_photo_pasted_after_reopening_goes_where_the_cursor_is(window, qtbot):
    edit = window.editor.edit
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, "Intro.")
    qtbot.keyClick(edit, ENTER)
    qtbot.keyClick(edit, ENTER)
    qtbot.keyClicks(edit, "The demo:")
    _choose(window, qtbot, "Closing Remarks")
    _choose(window, qtbot, "Static Sites in 2026")
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        edit.insertFromMimeData(mime)
    paragraphs = [p for p in window.editor.current_text().split("\n\n") if p.strip()]
    assert paragraphs[:2] == ["Intro.", "The demo:"]  # the photo after the line last typed
    assert len(paragraphs) == 3 and paragraphs[2].startswith("![")


def test_a_note_opened_the_first_time_types_at_its_end(window, qtbot):
    edit = window.editor.edit
    _choose(window, qtbot, "Static Sites in 2026")
    qtbot.keyClicks(edit, "Kept.")
    window.autosaver.flush()
    window.editor.forget_documents()  # (as after the notes changed on disk) — nothing cached
    _choose(window, qtbot, "Closing Remarks")
    window.editor.forget_documents()
    _choose(window, qtbot, "Static Sites in 2026")
    assert edit.textCursor().position() == len("Kept.")
    assert edit.textCursor().position() == edit.document().characterCount() - 1
